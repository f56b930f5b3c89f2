// The children's version of a round's results, per band and locale.
// Saving a new edit withdraws it until it is published again.
import type { DB } from '../db/database.js';
import type { ResultsContent } from '../loop/children-results.js';

export interface ChildrenResultsRow {
  band: string;
  locale: string;
  content: ResultsContent;
  updatedAt: string;
  publishedAt: string | null;
}

export async function saveChildrenResults(db: DB, waveId: number, band: string, locale: string, content: ResultsContent, by: number | null): Promise<void> {
  const values = { content: JSON.stringify(content), updated_at: new Date().toISOString(), updated_by: by, published_at: null, published_by: null };
  await db
    .insertInto('children_results')
    .values({ wave_id: waveId, band, locale, ...values })
    .onConflict((oc) => oc.columns(['wave_id', 'band', 'locale']).doUpdateSet(values))
    .execute();
}

/** Publishes a saved version; false when there is none. */
export async function publishChildrenResults(db: DB, waveId: number, band: string, locale: string, by: number | null): Promise<boolean> {
  const r = await db
    .updateTable('children_results')
    .set({ published_at: new Date().toISOString(), published_by: by })
    .where('wave_id', '=', waveId)
    .where('band', '=', band)
    .where('locale', '=', locale)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/** Every saved version of a wave (drafts too, for staff), or only the published ones. */
export async function childrenResults(db: DB, waveId: number, publishedOnly: boolean): Promise<ChildrenResultsRow[]> {
  let q = db.selectFrom('children_results').selectAll().where('wave_id', '=', waveId).orderBy('band').orderBy('locale');
  if (publishedOnly) q = q.where('published_at', 'is not', null);
  return (await q.execute()).map((r) => ({
    band: r.band,
    locale: r.locale,
    content: JSON.parse(r.content) as ResultsContent,
    updatedAt: r.updated_at,
    publishedAt: r.published_at,
  }));
}
