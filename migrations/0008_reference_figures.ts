import type { Kysely } from 'kysely';

// Published figures from outside this installation (a national survey's
// results, say), for reports to show beside the benchmark: one figure per
// source, period, programme, band and indicator; importing it again
// replaces it. `n` (how many answered) is optional: without it no test.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('reference_figures')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('programme', 'text', (c) => c.notNull())
    .addColumn('band', 'text', (c) => c.notNull())
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('percent', 'real', (c) => c.notNull())
    .addColumn('n', 'integer')
    .addUniqueConstraint('reference_figures_key', ['source', 'period', 'programme', 'band', 'indicator'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('reference_figures').execute();
}
