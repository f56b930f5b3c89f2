import { sql, type Kysely } from 'kysely';

// Councils' own questionnaires (issue 14): each version's definition as
// received (the file's JSON), its hash, and its owner (an authority, or
// null: added by a programme admin for everyone). A version that has
// answers never changes; server/repos/questionnaires.ts enforces it by
// comparing hashes. A round's programme may now be a questionnaire's id,
// so the waves table loses its check that it is ylyc or ylbc (SQLite
// changes a check only by rebuilding the table, with foreign keys off so
// the rounds' responses stay where they are).

/** Rebuilds waves with `check` on programme, keeping every row, id and reference to it. */
async function rebuildWaves(db: Kysely<any>, check: ReturnType<typeof sql>): Promise<void> {
  await sql`PRAGMA foreign_keys = OFF`.execute(db);
  try {
    await sql`BEGIN IMMEDIATE`.execute(db);
    try {
      await sql`CREATE TABLE waves_rebuilt (
        id integer PRIMARY KEY,
        authority_id integer NOT NULL REFERENCES authorities (id),
        programme text NOT NULL CHECK (${check}),
        period text NOT NULL,
        opens_on text,
        closes_on text,
        access_code text NOT NULL UNIQUE,
        CONSTRAINT waves_authority_programme_period UNIQUE (authority_id, programme, period)
      )`.execute(db);
      await sql`INSERT INTO waves_rebuilt (id, authority_id, programme, period, opens_on, closes_on, access_code)
        SELECT id, authority_id, programme, period, opens_on, closes_on, access_code FROM waves`.execute(db);
      await sql`DROP TABLE waves`.execute(db);
      await sql`ALTER TABLE waves_rebuilt RENAME TO waves`.execute(db);
      const broken = await sql`PRAGMA foreign_key_check`.execute(db);
      if (broken.rows.length) throw new Error(`rebuilding waves broke ${broken.rows.length} references`);
      await sql`COMMIT`.execute(db);
    } catch (error) {
      await sql`ROLLBACK`.execute(db).catch(() => undefined);
      throw error;
    }
  } finally {
    await sql`PRAGMA foreign_keys = ON`.execute(db);
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('questionnaires')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('authority_id', 'integer', (c) => c.references('authorities.id').onDelete('restrict'))
    .addColumn('definition', 'text', (c) => c.notNull())
    // sha256 (hex) of the definition's canonical JSON (keys sorted): the same file sent twice is the same.
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('questionnaires_pk', ['id', 'version'])
    .execute();
  await rebuildWaves(db, sql`length(programme) BETWEEN 1 AND 40`);
}

export async function down(db: Kysely<any>): Promise<void> {
  // Fails (and changes nothing) while rounds of councils' questionnaires exist.
  await rebuildWaves(db, sql`programme in ('ylyc', 'ylbc')`);
  await db.schema.dropTable('questionnaires').execute();
}
