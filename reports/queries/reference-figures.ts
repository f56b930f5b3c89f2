import type { DB } from '../../server/db/database.js';

/** Every published reference figure of a programme, by source and period (hearme reference import). */
export function referenceFigures(db: DB, programme: string) {
  return db
    .selectFrom('reference_figures')
    .select(['source', 'period', 'band', 'indicator', 'percent', 'n'])
    .where('programme', '=', programme)
    .orderBy('source')
    .orderBy('period')
    .execute();
}
