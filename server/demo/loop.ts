// The demo's closed loop: actions made at the previous round of two
// authorities (so the latest round's report shows them before and after),
// and the children's version of Middlesbrough's previous round published
// in English, Welsh and Arabic (what its next round's children see first).
import { buildReport } from '../../reports/build.js';
import type { Band, IndicatorId } from '../../surveys/index.js';
import type { ResultsLocale } from '../../surveys/results-text.js';
import type { DB } from '../db/database.js';
import type { ActionStatus } from '../db/tables.js';
import { resolveResults, suggestResults } from '../loop/children-results.js';
import { addAction, listActions, updateAction } from '../repos/actions.js';
import { publishChildrenResults, saveChildrenResults } from '../repos/children-results.js';

interface DemoAction {
  indicator: IndicatorId;
  band: Band | null;
  pledge: string;
  owner: string;
  status: ActionStatus;
  note: string;
}

const ACTIONS: Record<string, DemoAction[]> = {
  // Middlesbrough's working group, chaired by the QA manager.
  E06000002: [
    { indicator: 'knows_social_worker', band: null, pledge: 'Every child will know who their social worker is: a photo and contact sheet for every child', owner: 'QA manager', status: 'done', note: 'Contact sheets given to every child and carer' },
    { indicator: 'included_in_decisions', band: '11-17', pledge: 'Every young person has a say in their plan before each review', owner: 'Independent reviewing service', status: 'in_progress', note: 'Consultation forms redesigned with the children in care council' },
  ],
  E08000017: [
    { indicator: 'same_social_worker', band: '11-17', pledge: 'Fewer changes of social worker: caseloads capped at 18', owner: 'Head of children in care', status: 'done', note: 'Caseload cap in place since September' },
    { indicator: 'likes_bedroom', band: null, pledge: "Every child's bedroom is theirs to choose how it looks", owner: 'Fostering service', status: 'in_progress', note: 'Bedroom fund agreed with carers' },
  ],
};

/** The children's pledges, as the officer wrote them in each language. */
const CHILDREN_PLEDGES: Record<ResultsLocale, string[]> = {
  en: ['Every child will know who their social worker is, with a photo and a contact sheet.', 'You will have a say in your plan before each review.'],
  cy: ["Bydd pob plentyn yn gwybod pwy yw eu gweithiwr cymdeithasol, gyda llun a thaflen gyswllt.", "Byddwch chi'n cael dweud eich dweud am eich cynllun cyn pob adolygiad."],
  ar: ['سيعرف كل طفل من هو الأخصائي الاجتماعي الخاص به، مع صورة وورقة بأرقام التواصل.', 'سيكون لك رأي في خطتك قبل كل مراجعة.'],
};
const CHILDREN_BAND: Band = '11-17';

/** The previous ylyc round of an authority: the one before its latest. */
async function previousRound(db: DB, code: string) {
  const waves = await db
    .selectFrom('waves')
    .innerJoin('authorities', 'authorities.id', 'waves.authority_id')
    .select(['waves.id', 'waves.period', 'authorities.id as authority_id'])
    .where('authorities.code', '=', code)
    .where('waves.programme', '=', 'ylyc')
    .orderBy('waves.period', 'desc')
    .execute();
  return waves[1];
}

export async function closeDemoLoop(db: DB, minBase: number): Promise<{ actions: number; published: { authority: string; period: string; locales: string[] } | null }> {
  let actions = 0;
  let published = null;
  for (const [code, list] of Object.entries(ACTIONS)) {
    const round = await previousRound(db, code);
    if (!round) continue;
    for (const a of list) {
      const { id } = await addAction(db, { waveId: round.id, indicator: a.indicator, band: a.band, pledge: a.pledge, owner: a.owner, due: `${Number(round.period.slice(0, 4)) + 1}-03-31`, createdBy: null });
      await updateAction(db, id, { status: a.status, note: a.note, by: null });
      actions++;
    }
    if (code !== 'E06000002') continue;
    const report = await buildReport(db, { authority: code, programme: 'ylyc', period: round.period, minBase, freeText: null });
    const edit = suggestResults(report, CHILDREN_BAND, await listActions(db, { authorityId: round.authority_id, period: round.period }));
    for (const [locale, pledges] of Object.entries(CHILDREN_PLEDGES)) {
      await saveChildrenResults(db, round.id, CHILDREN_BAND, locale, resolveResults(report, CHILDREN_BAND, { ...edit, pledges }), null);
      await publishChildrenResults(db, round.id, CHILDREN_BAND, locale, null);
    }
    published = { authority: code, period: round.period, locales: Object.keys(CHILDREN_PLEDGES) };
  }
  return { actions, published };
}
