// Environment -> typed configuration, parsed once at the edge.
import { z } from 'zod';
import { loadWordList, type WordList } from './safeguarding/matcher.js';

const optionalFlag = z
  .string()
  .optional()
  .transform((v) => v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false');

export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_PATH: z.string().min(1).default('./data/hearme.sqlite'),
  MIN_BASE: z.coerce.number().int().min(1).default(10),
  TRUST_PROXY: optionalFlag,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Submissions allowed per client IP per minute. */
  SUBMIT_RATE_LIMIT: z.coerce.number().int().min(1).default(300),
  /** Wave look-ups allowed per client IP per minute (codes must not be guessable in bulk). */
  LOOKUP_RATE_LIMIT: z.coerce.number().int().min(1).default(120),
  /** A JSON file of worrying words, of the same shape as server/safeguarding/words.json; else that list. */
  SAFEGUARDING_WORDS: z.string().optional(),
});

export type Config = {
  port: number;
  host: string;
  databasePath: string;
  minBase: number;
  trustProxy: boolean;
  logLevel: z.infer<typeof ConfigSchema>['LOG_LEVEL'];
  submitRateLimit: number;
  lookupRateLimit: number;
  safeguardingWords: WordList;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new ConfigError(`environment variable ${first.path.join('.')}: ${first.message}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databasePath: e.DATABASE_PATH,
    minBase: e.MIN_BASE,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    submitRateLimit: e.SUBMIT_RATE_LIMIT,
    lookupRateLimit: e.LOOKUP_RATE_LIMIT,
    safeguardingWords: wordList(e.SAFEGUARDING_WORDS || undefined),
  };
}

function wordList(path: string | undefined): WordList {
  try {
    return loadWordList(path);
  } catch (error) {
    const reason = error instanceof z.ZodError ? z.prettifyError(error) : error instanceof Error ? error.message : String(error);
    throw new ConfigError(`environment variable SAFEGUARDING_WORDS: cannot use ${path}: ${reason}`);
  }
}
