// Environment -> typed configuration, parsed once at the edge.
import { isIP } from 'node:net';
import { z } from 'zod';
import { loadWordList, type WordList } from './safeguarding/matcher.js';

/** The names Fastify (proxy-addr) knows for whole ranges of addresses. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrNetwork(entry: string): boolean {
  if (RANGE_NAMES.has(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const version = isIP(address);
  if (!version || rest.length) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128));
}

/**
 * Whom to believe about the client's address and protocol
 * (X-Forwarded-For, X-Forwarded-Proto): nobody (unset, 0), the nearest N
 * proxies (a hop count), or the proxies at these addresses or networks.
 * Trusting everybody is refused: any client could then choose its address.
 */
const TrustProxy = z
  .string()
  .optional()
  .transform((v, ctx): false | number | string[] => {
    const value = v?.trim() ?? '';
    if (value === '' || value === '0' || value.toLowerCase() === 'false') return false;
    if (/^\d+$/.test(value)) return Number(value);
    if (/^(true|yes|on|all|\*)$/i.test(value)) {
      ctx.addIssue({
        code: 'custom',
        message: `${value} would trust every address, so any client could choose its own; give the number of proxies in front of the server (1) or their addresses`,
      });
      return z.NEVER;
    }
    const entries = value.split(',').map((e) => e.trim());
    const bad = entries.find((e) => !isAddressOrNetwork(e));
    if (bad !== undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `"${bad}" is not an IP address, a network (10.0.0.0/8) or one of loopback, linklocal, uniquelocal; give a hop count or a comma-separated list`,
      });
      return z.NEVER;
    }
    return entries;
  });

/**
 * The address children's tablets reach this server at (https://hearme.example.gov.uk):
 * the survey links, QR codes and printed addresses use it. An origin only:
 * Hear Me is served at the root of its host, so a path would make every
 * link wrong. Unset, they use the address the portal was opened with.
 */
const PublicUrl = z
  .string()
  .optional()
  .transform((v, ctx): string | null => {
    const value = v?.trim() ?? '';
    if (value === '') return null;
    const fail = (message: string) => {
      ctx.addIssue({ code: 'custom', message: `"${value}" ${message}; give the address children's tablets open, such as https://hearme.example.gov.uk` });
      return z.NEVER;
    };
    if (!URL.canParse(value)) return fail('is not a full address');
    const url = new URL(value);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail('is not an http or https address');
    if (url.pathname !== '/' || url.search || url.hash || url.username || url.password)
      return fail('has more than the scheme, host and port (Hear Me is served at the root of its host)');
    return url.origin;
  });

export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_PATH: z.string().min(1).default('./data/hearme.sqlite'),
  MIN_BASE: z.coerce.number().int().min(1).default(10),
  TRUST_PROXY: TrustProxy,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Submissions allowed per client IP per minute. */
  SUBMIT_RATE_LIMIT: z.coerce.number().int().min(1).default(300),
  /** Wave look-ups allowed per client IP per minute (codes must not be guessable in bulk). */
  LOOKUP_RATE_LIMIT: z.coerce.number().int().min(1).default(120),
  /** A JSON file of worrying words, of the same shape as server/safeguarding/words.json; else that list. */
  SAFEGUARDING_WORDS: z.string().optional(),
  PUBLIC_URL: PublicUrl,
});

export type Config = {
  port: number;
  host: string;
  databasePath: string;
  minBase: number;
  /** Fastify's trustProxy: false, a hop count, or the proxies' addresses and networks. */
  trustProxy: false | number | string[];
  logLevel: z.infer<typeof ConfigSchema>['LOG_LEVEL'];
  submitRateLimit: number;
  lookupRateLimit: number;
  safeguardingWords: WordList;
  /** PUBLIC_URL as an origin (no trailing slash), or null when unset. */
  publicUrl: string | null;
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
    publicUrl: e.PUBLIC_URL,
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
