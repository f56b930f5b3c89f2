// What every command shares: flag parsing through zod, usage errors
// (exit 2) and a database opened, migrated and always closed.
import { existsSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { z } from 'zod';
import { loadConfig, type Config } from '../config.js';
import { migrateToLatest, openDatabase, type OpenDatabase } from '../db/database.js';

/** Bad usage or invalid input: exit code 2. */
export class UsageError extends Error {}

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
    throw new UsageError((error as Error).message.split('\n')[0]!);
  }
  if (parsed.positionals.length > allowPositionals)
    throw new UsageError(`unexpected argument ${parsed.positionals[allowPositionals]}`);
  const result = schema.safeParse({ ...parsed.values, positionals: parsed.positionals });
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = issue.path[0] === 'positionals' ? 'argument' : `--${String(issue.path[0])}`;
    throw new UsageError(issue.path.length ? `${field}: ${issue.message}` : issue.message);
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
