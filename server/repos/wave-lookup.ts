import type SQLite from 'better-sqlite3';
import type { WaveWithAuthority } from './waves.js';

/**
 * The wave behind an access code, looked up on every child request. A
 * statement prepared once: through Kysely the same query costs about ten
 * times as much, since its SQLite driver prepares every statement again
 * (bench/submit). Not cached in memory: the command line may change a
 * wave's dates from another process.
 */
export class WaveLookup {
  private readonly byCode: SQLite.Statement<[string], WaveWithAuthority>;

  constructor(sqlite: SQLite.Database) {
    this.byCode = sqlite.prepare(
      `SELECT w.id, w.authority_id, w.programme, w.period, w.opens_on, w.closes_on, w.access_code,
              a.code AS authority_code, a.name AS authority_name, a.contact AS authority_contact
       FROM waves w JOIN authorities a ON a.id = w.authority_id
       WHERE w.access_code = ?`,
    );
  }

  find(accessCode: string): WaveWithAuthority | undefined {
    return this.byCode.get(accessCode);
  }
}
