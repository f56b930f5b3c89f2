// What every command shares: flag parsing through zod, usage errors
// (exit 2) and a database opened, migrated and always closed.
import { existsSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { z } from 'zod';
import { loadConfig, type Config } from '../config.js';
import { migrateToLatest, openDatabase, type OpenDatabase } from '../db/database.js';

/** Bad usage or invalid input: exit code 2. */
export class UsageError extends Error {}

/** A flag missing, unknown or wrong: the command's usage line follows the reason. */
export class FlagError extends UsageError {}

export interface Command {
  /** One line for the overview. */
  summary: string;
  /** Full --help text. */
  usage: string;
  run(argv: string[], io: Io): Promise<void>;
}

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Letters to change, add or remove to turn a into b (Levenshtein). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length]!;
}

/** The flag a mistyped one most likely meant, if one is close enough (a third of its letters at most). */
function nearestFlag(typed: string, options: Options): string | undefined {
  const name = typed.replace(/^-+/, '').split('=')[0]!;
  const [best] = Object.keys(options)
    .map((o) => ({ o, d: editDistance(name, o) }))
    .sort((x, y) => x.d - y.d);
  return best && best.d <= Math.max(1, Math.floor(best.o.length / 3)) ? `--${best.o}` : undefined;
}

/** util.parseArgs's error in words a person can act on. */
function flagProblem(error: NodeJS.ErrnoException, options: Options): string {
  const message = error.message.split('\n')[0]!;
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const near = nearestFlag(quoted, options);
      return `unknown flag ${quoted}` + (near ? `; did you mean ${near}?` : '');
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(message) ? `${quoted.split(' ')[0]} needs a value` : message;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${quoted}`;
    default:
      return message;
  }
}

/** Parses argv against the flags, then the values against the zod schema. */
export function parseFlags<S extends z.ZodType>(
  argv: string[],
  options: Options,
  schema: S,
  allowPositionals = 0,
): z.infer<S> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: allowPositionals > 0, strict: true });
  } catch (error) {
    throw new FlagError(flagProblem(error as NodeJS.ErrnoException, options));
  }
  if (parsed.positionals.length > allowPositionals)
    throw new FlagError(`unexpected argument ${parsed.positionals[allowPositionals]}`);
  const values: Record<string, unknown> = { ...parsed.values, positionals: parsed.positionals };
  const result = schema.safeParse(values);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const key = issue.path[0];
    if (key === undefined) throw new FlagError(issue.message);
    const field = key === 'positionals' ? 'argument' : `--${String(key)}`;
    // zod's "expected string, received undefined" is a flag left out.
    const missing = key !== 'positionals' && issue.path.length === 1 && issue.code === 'invalid_type' && values[String(key)] === undefined;
    throw new FlagError(missing ? `${field} is missing` : `${field}: ${issue.message}`);
  }
  return result.data;
}

/** "1 response", "2 responses": counts in messages read as English. */
export function countOf(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

function holdsNoAuthority({ sqlite }: OpenDatabase): boolean {
  return !sqlite.prepare('SELECT 1 FROM authorities LIMIT 1').get();
}

/** One line (the reason stays one line): which file was opened, and the two ways on. */
function emptyDatabase(path: string, existed: boolean): string {
  return (
    `the database ${path} (DATABASE_PATH) ${existed ? 'is empty' : 'did not exist and was created empty'}: ` +
    `for the demo's data run the command with DATABASE_PATH=data/demo.sqlite after npm run demo, ` +
    `or start your own with hearme authority add`
  );
}

export function configFrom(io: Io): Config {
  try {
    return loadConfig(io.env);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/**
 * Runs `fn` on the database at DATABASE_PATH, created and migrated if need
 * be. A usage error met on a database without a single authority is most
 * likely the wrong file (the demo's data is in another one), so its reason
 * then names the file and what to run.
 */
export async function withDatabase<T>(io: Io, fn: (open: OpenDatabase, config: Config) => Promise<T>): Promise<T> {
  const config = configFrom(io);
  const existed = existsSync(config.databasePath);
  const open = openDatabase(config.databasePath);
  try {
    await migrateToLatest(open.db);
    return await fn(open, config);
  } catch (error) {
    if (error instanceof UsageError && holdsNoAuthority(open)) throw new UsageError(`${error.message}; ${emptyDatabase(config.databasePath, existed)}`);
    throw error;
  } finally {
    await open.db.destroy();
  }
}
