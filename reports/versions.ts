// Which version of each instrument a round was answered in, and when two
// versions ask "the same question". A questionnaire's version that has
// answers never changes, but a council may add the next version while a
// round is open, and the running counts (answer_counts) are kept per
// round and instrument, not per version. So a figure is only made from
// counts whose versions all ask the question identically: the question's
// definition (scale, options, condition) and its words in every locale
// (text and option labels), and for an indicator the answers that count.
// Where they differ there is no figure, no before/after, no trend point
// and no benchmark across them: a reworded question is a new question.
import type { DB } from '../server/db/database.js';
import { registry, type Instrument, type IndicatorRule } from '../surveys/index.js';

/** wave id → instrument id → version → responses */
export type WaveVersions = Map<number, Map<string, Map<number, number>>>;

/** The versions answered in some waves, with how many responses each (local questions' versions under their own id). */
export async function answeredVersions(db: DB, waveIds: readonly number[]): Promise<WaveVersions> {
  const out: WaveVersions = new Map();
  if (!waveIds.length) return out;
  const rows = await db
    .selectFrom('responses')
    .select((eb) => ['wave_id', 'instrument', 'instrument_version', eb.fn.countAll<number>().as('n')])
    .where('wave_id', 'in', waveIds)
    .groupBy(['wave_id', 'instrument', 'instrument_version'])
    .execute();
  for (const r of rows) addVersion(out, r.wave_id, r.instrument, r.instrument_version, Number(r.n));
  // Local questions on a core round: their versions too (a response is of its core and of them).
  const local = await db
    .selectFrom('responses')
    .select((eb) => ['wave_id', 'local_instrument', 'local_version', eb.fn.countAll<number>().as('n')])
    .where('wave_id', 'in', waveIds)
    .where('local_instrument', 'is not', null)
    .groupBy(['wave_id', 'local_instrument', 'local_version'])
    .execute();
  for (const r of local) addVersion(out, r.wave_id, r.local_instrument!, r.local_version!, Number(r.n));
  return out;
}

/** authority id → instrument id → versions answered, in the closed rounds of a programme and period (the benchmark's). */
export type AuthorityVersions = Map<number, Map<string, Set<number>>>;

export async function periodVersions(db: DB, programme: string, period: string, today: string): Promise<AuthorityVersions> {
  const rows = await db
    .selectFrom('responses')
    .innerJoin('waves', 'waves.id', 'responses.wave_id')
    .select(['waves.authority_id', 'responses.instrument', 'responses.instrument_version'])
    .where('waves.programme', '=', programme)
    .where('waves.period', '=', period)
    .where('waves.closes_on', '<', today)
    .groupBy(['waves.authority_id', 'responses.instrument', 'responses.instrument_version'])
    .execute();
  const out: AuthorityVersions = new Map();
  for (const r of rows) {
    let byInst = out.get(r.authority_id);
    if (!byInst) out.set(r.authority_id, (byInst = new Map()));
    let set = byInst.get(r.instrument);
    if (!set) byInst.set(r.instrument, (set = new Set()));
    set.add(r.instrument_version);
  }
  return out;
}

function addVersion(out: WaveVersions, waveId: number, instrument: string, version: number, n: number): void {
  let byInst = out.get(waveId);
  if (!byInst) out.set(waveId, (byInst = new Map()));
  let byVersion = byInst.get(instrument);
  if (!byVersion) byInst.set(instrument, (byVersion = new Map()));
  byVersion.set(version, (byVersion.get(version) ?? 0) + n);
}

/** Whether the registry holds more than one version of any instrument of a programme (else every answer is of the one version). */
export function programmeHasVersions(programme: string): boolean {
  const seen = new Set<string>();
  for (const inst of registry.all()) {
    if (inst.programme !== programme) continue;
    if (seen.has(inst.id)) return true;
    seen.add(inst.id);
  }
  return false;
}

/**
 * The definition a round's figures are read with: the version its answers are of (the newest
 * of them, if the round holds several), or the newest version when nobody has answered yet.
 */
export function definitionOf(current: Instrument, answered: ReadonlyMap<number, number> | undefined): Instrument {
  if (!answered?.size) return current;
  const newest = Math.max(...answered.keys());
  return registry.get(current.id, newest) ?? current;
}

const signatures = new WeakMap<Instrument, Map<string, string>>();

/** Everything that makes a question's answers mean what they mean, as one string. */
function questionSignature(inst: Instrument, question: string): string {
  let byQuestion = signatures.get(inst);
  if (!byQuestion) signatures.set(inst, (byQuestion = new Map()));
  let sig = byQuestion.get(question);
  if (sig === undefined) {
    const q = inst.questions.find((x) => x.id === question);
    // Built-ins' words live in surveys/locales, shared by every version; a questionnaire's travel with it.
    const words = Object.entries(inst.strings ?? {})
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([locale, s]) => [locale, Object.keys(s).filter((k) => k === q?.text || (q?.labels !== undefined && k.startsWith(`${q.labels}.`))).sort().map((k) => [k, s[k]])]);
    byQuestion.set(question, (sig = JSON.stringify([q ?? null, words])));
  }
  return sig;
}

/** A rule's signature: its question's, and which answers count. */
function ruleSignature(inst: Instrument, rule: IndicatorRule): string {
  return JSON.stringify([questionSignature(inst, rule.question), rule.options.map(String).sort()]);
}

/**
 * Whether every version in `versions` of `def`'s instrument asks `question` (and, with `rule`,
 * counts the same answers for that indicator) exactly as `def` does.
 */
export function askedAlike(def: Instrument, versions: Iterable<number>, question: string, rule?: IndicatorRule): boolean {
  const mine = rule ? ruleSignature(def, rule) : questionSignature(def, question);
  for (const v of versions) {
    if (v === def.version) continue;
    const other = registry.get(def.id, v);
    if (!other) return false;
    if (rule) {
      const theirs = other.indicators.find((r) => r.indicator === rule.indicator);
      if (!theirs || ruleSignature(other, theirs) !== mine) return false;
    } else if (questionSignature(other, question) !== mine) return false;
  }
  return true;
}
