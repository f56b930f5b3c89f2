import { sql } from 'kysely';
import type { DB } from './database.js';

/**
 * Runs fn in a write transaction taken at once (BEGIN IMMEDIATE), so a
 * second process writing the same file waits on the busy timeout instead
 * of failing half-way through an upgrade from reader to writer. All or
 * nothing: any throw rolls back.
 */
export async function writeTransaction<T>(db: DB, fn: (trx: DB) => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const result = await fn(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (error) {
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw error;
    }
  });
}
