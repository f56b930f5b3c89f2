// What `hearme demo --serve` prints once the server listens: where to look
// and how to use the command line on the demo's own data. Read from the
// database, so a second start (data kept) prints the same as the first.
import type SQLite from 'better-sqlite3';
import { surveyUrl } from '../survey-address.js';
import { DEMO_ACCOUNTS } from './accounts.js';

/** The authority the demo's officer and viewer belong to: its data is what the printed commands show. */
const GUIDE_AUTHORITY = DEMO_ACCOUNTS.find((a) => a.role === 'authority_officer')!.authorities[0]!;

/** A value as a POSIX shell reads it back unchanged: bare when it holds only safe characters. */
export function shellWord(value: string): string {
  return /^[\w./:=@-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

interface OpenWave {
  code: string;
  name: string;
  authority: string;
  period: string;
}

/** The first ylyc round still open: the survey a child can take now. */
function openWave(sqlite: SQLite.Database): OpenWave | undefined {
  return sqlite
    .prepare(
      `SELECT w.access_code AS code, a.name, a.code AS authority, w.period FROM waves w
       JOIN authorities a ON a.id = w.authority_id
       WHERE w.programme = 'ylyc' AND w.closes_on IS NULL ORDER BY w.id LIMIT 1`,
    )
    .get() as OpenWave | undefined;
}

/** The guide authority's latest closed ylyc round: a finished report to look at. */
function reportRound(sqlite: SQLite.Database): { name: string; period: string } | undefined {
  return sqlite
    .prepare(
      `SELECT a.name, w.period FROM waves w JOIN authorities a ON a.id = w.authority_id
       WHERE a.code = ? AND w.programme = 'ylyc' AND w.closes_on IS NOT NULL ORDER BY w.period DESC LIMIT 1`,
    )
    .get(GUIDE_AUTHORITY) as { name: string; period: string } | undefined;
}

/**
 * The lines printed when the demo's server listens. `url` is where this
 * machine reaches it; `childUrl` the address children's links use
 * (PUBLIC_URL when set, else `url`).
 */
export function demoWelcome(sqlite: SQLite.Database, opts: { url: string; childUrl: string; databasePath: string }): string {
  const lines = [`Hear Me demo is running at ${opts.url}`];
  const wave = openWave(sqlite);
  if (wave)
    lines.push(`A survey children can answer now: ${surveyUrl(opts.childUrl, wave.code)} (${wave.name} ${wave.authority}, ${wave.period})`);
  lines.push(`The portal: ${opts.url}/portal, with these demo accounts (for this demo database only):`);
  for (const a of DEMO_ACCOUNTS)
    lines.push(`  ${a.role.padEnd(17)} ${a.email}  password ${a.password}${a.authorities.length ? ` (${a.authorities.join(', ')})` : ''}`);
  const round = reportRound(sqlite);
  if (round) {
    // Every command needs the demo's database named: without it hearme opens ./data/hearme.sqlite.
    const hearme = `DATABASE_PATH=${shellWord(opts.databasePath)} npm run --silent hearme --`;
    const file = `${round.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${round.period}`;
    lines.push(
      `The command line on this demo's data (in another terminal, in this folder):`,
      `  ${hearme} report --authority ${GUIDE_AUTHORITY} --period ${round.period} --out ${file}.html`,
      `  ${hearme} export --authority ${GUIDE_AUTHORITY} --period ${round.period} --out ${file}.csv`,
      `  ${hearme} --help`,
    );
  }
  lines.push('Stop it with Ctrl+C.');
  return lines.join('\n') + '\n';
}
