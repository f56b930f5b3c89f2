// Builds the report model for one authority, programme and period from
// the running counts (never the raw answers, except free text), applying
// the statistics and disclosure control. Renderers only format this.
import type { DB } from '../server/db/database.js';
import type { Matcher } from '../server/safeguarding/matcher.js';
import {
  BREAKDOWN_QUESTIONS,
  INDICATORS,
  SCORE_SCALES,
  councilQuestions,
  integerBounds,
  programmeInstruments,
  registry,
  scaleOf,
  textQuestionIds,
  type Band,
  type Domain,
  type Direction,
  type Instrument,
  type IndicatorRule,
  type Programme,
} from '../surveys/index.js';
import { questionnaireKeys } from '../surveys/questionnaire.js';
import { MIN_BENCHMARK_AUTHORITIES, periodTallies, pooledOthers, type PeriodTallies } from './benchmark.js';
import { listActions } from '../server/repos/actions.js';
import { findAuthority } from '../server/repos/authorities.js';
import { actionFigures } from './actions.js';
import { maskFreeText } from './mask.js';
import { authorityWaves } from './queries/authority-waves.js';
import { breakdownCounts, type BreakdownCountRow } from './queries/breakdown-counts.js';
import { freeTextAnswers } from './queries/free-text-answers.js';
import { openRoundAuthorities, periodAnswerCounts } from './queries/period-answer-counts.js';
import { isClosedOn, today as todayIs } from '../server/dates.js';
import { referenceFigures } from './queries/reference-figures.js';
import { reportWave } from './queries/report-wave.js';
import { waveAnswerCounts } from './queries/wave-answer-counts.js';
import { wavePopulations } from './queries/wave-populations.js';
import type { Report, ReportBreakdown, ReportIndicator, ReportLocalQuestions, ReportQuestionnaire, ReportScore } from './schema.js';
import { benjaminiHochberg, meanInterval, roundP, sampleFromCounts, twoProportionZTest, welchTTest, wilsonInterval, type Sample } from './stats.js';
import { baseSuppressed, round1, suppressBreakdown, type RawCell } from './suppression.js';
import { numericCounts, proportion, tallyOf, type Tally } from './tally.js';
import { answeredVersions, askedAlike, definitionOf, periodVersions, programmeHasVersions, type AuthorityVersions } from './versions.js';

export interface ReportRequest {
  authority: string;
  programme: Programme;
  period: string;
  /** Period to compare with; default the authority's latest earlier wave. */
  compare?: string | undefined;
  minBase: number;
  /**
   * Free text, only for a single authority's own report: null for none, else the safeguarding
   * list, whose matches are withheld (they are for the safeguarding queue, not a report).
   */
  freeText: Matcher | null;
  /** The day the report is made (default: today); other authorities' rounds count in the benchmark once closed before it. */
  today?: string | undefined;
}

/** What the user asked for does not exist (exit code 2 at the command line). */
export class ReportInputError extends Error {}

/** Reports of one period share the period's counts (the benchmark): `--all` reads them once. */
export class PeriodCache {
  private readonly cache = new Map<string, Promise<PeriodTallies & { versions: AuthorityVersions | undefined }>>();
  get(db: DB, programme: Programme, period: string, questions: readonly string[], today: string): Promise<PeriodTallies & { versions: AuthorityVersions | undefined }> {
    const key = `${programme}\u0000${period}\u0000${today}`;
    let hit = this.cache.get(key);
    if (!hit)
      this.cache.set(
        key,
        (hit = Promise.all([
          periodAnswerCounts(db, programme, period, questions, today),
          openRoundAuthorities(db, programme, period, today),
          // Only where some instrument has several versions: otherwise every answer is of the one there is.
          programmeHasVersions(programme) ? periodVersions(db, programme, period, today) : undefined,
        ]).then(([rows, open, versions]) => ({ ...periodTallies(rows, open), versions }))),
      );
    return hit;
  }
}

/** Response rates under this percent are flagged: the usual minimum for results to be taken seriously. */
export const LOW_RESPONSE_RATE = 30;

/**
 * A band's response rate in percent to one decimal, flagged when low. More responses than children
 * is impossible: the population entered must be wrong, so no rate is given (never above 100%).
 */
export function responseRate(responses: number, population: number) {
  const populationLooksWrong = responses > population;
  const rate = population > 0 && !populationLooksWrong ? round1((100 * responses) / population) : null;
  return { responses, population, rate, low: rate !== null && rate < LOW_RESPONSE_RATE, populationLooksWrong };
}

const INDICATOR_ORDER = new Map<string, number>(INDICATORS.map((i, k) => [i.id, k]));
const BUILT_IN_INDICATORS = new Map<string, { domain: Domain; direction: Direction }>(INDICATORS.map((i) => [i.id, i]));

/**
 * What an indicator is: a built-in one's domain and direction (surveys/indicators.ts), or a
 * questionnaire's own, declared in its file (direction only: it belongs to no domain).
 */
function indicatorMeta(inst: Instrument, id: string): { domain: Domain | null; direction: Direction } {
  const local = inst.localIndicators?.find((l) => l.id === id);
  if (local) return { domain: null, direction: local.direction };
  return BUILT_IN_INDICATORS.get(id)!;
}

/** Why there is no report to build: an unknown authority, or the periods it does have. */
async function noWaveReason(db: DB, req: ReportRequest): Promise<string> {
  const authority = await findAuthority(db, req.authority);
  if (!authority) return `unknown authority ${req.authority}: no authority has this code here`;
  const periods = (await authorityWaves(db, authority.id, req.programme)).map((w) => w.period);
  return `no ${req.programme} wave for ${req.authority} in ${req.period}` + (periods.length ? ` (it has ${periods.join(', ')})` : ` (it has no ${req.programme} waves)`);
}

export async function buildReport(db: DB, req: ReportRequest, cache = new PeriodCache()): Promise<Report> {
  const wave = await reportWave(db, req.authority, req.programme, req.period);
  if (!wave) throw new ReportInputError(await noWaveReason(db, req));
  const waves = await authorityWaves(db, wave.authorityId, req.programme);
  const comparePeriod = pickComparePeriod(waves, req.period, req.compare);
  const shownWaves = waves.filter((w) => w.period <= req.period);
  const versions = await answeredVersions(db, shownWaves.map((w) => w.id));
  // Each instrument as the version this round was answered in: old answers are read with their own definition.
  const instruments = programmeInstruments(req.programme).map((cur) => definitionOf(cur, versions.get(wave.waveId)?.get(cur.id)));
  /** The versions of an instrument answered in some of this authority's waves. */
  const versionsIn = (inst: Instrument, waveIds: number[]) => waveIds.flatMap((id) => [...(versions.get(id)?.get(inst.id)?.keys() ?? [])]);

  const ownRows = await waveAnswerCounts(db, shownWaves.map((w) => w.id));
  const tallyByWave = new Map(shownWaves.map((w) => [w.id, tallyOf(ownRows.filter((r) => r.wave_id === w.id))]));
  const own = tallyByWave.get(wave.waveId)!;
  const previousWave = comparePeriod === null ? undefined : waves.find((w) => w.period === comparePeriod);
  const previous = previousWave ? (tallyByWave.get(previousWave.id) ?? tallyOf(await waveAnswerCounts(db, [previousWave.id]))) : undefined;
  const asOf = req.today ?? todayIs();
  const period = await cache.get(db, req.programme, req.period, reportQuestions(instruments), asOf);
  const ownVersions = (inst: Instrument) => versionsIn(inst, [wave.waveId]);
  const ctx: Context = {
    minBase: req.minBase,
    own,
    previous,
    comparePeriod,
    period,
    authorityId: wave.authorityId,
    comparable: (inst, question, rule) => !previousWave || askedAlike(inst, versionsIn(inst, [previousWave.id, wave.waveId]), question, rule),
    // The benchmark pools only other councils' rounds answered in this round's version alone.
    sameVersion: (authorityId, inst) => {
      const theirs = period.versions?.get(authorityId)?.get(inst.id);
      return !theirs || (theirs.size === 1 && theirs.has(inst.version));
    },
  };

  const responsesByBand: Record<string, number> = {};
  for (const inst of instruments) {
    let n = 0;
    for (const k of versions.get(wave.waveId)?.get(inst.id)?.values() ?? []) n += k;
    responsesByBand[inst.band] = (responsesByBand[inst.band] ?? 0) + n;
  }
  const populations = await wavePopulations(db, wave.waveId);

  const indicators: ReportIndicator[] = [];
  const scores: ReportScore[] = [];
  const breakdowns: ReportBreakdown[] = [];
  const trend: Report['trend'] = [];
  const crossTab = await breakdownCounts(db, wave.waveId);
  /** An indicator in each of the authority's rounds up to this one that asked it as this one does (core and local questions alike). */
  const trendOf = (inst: Instrument, rule: IndicatorRule): Report['trend'][number] => ({
    id: rule.indicator,
    band: inst.band,
    points: shownWaves
      .filter((w) => tallyByWave.get(w.id)?.get(inst.id)?.has(rule.question) && askedAlike(inst, versionsIn(inst, [w.id]), rule.question, rule))
      .map((w) => {
        const { n, count } = proportion(tallyByWave.get(w.id)!, inst.id, rule.question, positiveSet(rule));
        const suppressed = baseSuppressed(n, req.minBase);
        return {
          period: w.period,
          provisional: !isClosedOn(w, asOf),
          suppressed,
          n: suppressed ? null : n,
          percent: suppressed ? null : round1((100 * count) / n),
        };
      }),
  });
  for (const inst of instruments) {
    for (const rule of sortedRules(inst)) {
      // A round answered in versions that count this indicator differently has no figure for it.
      if (!askedAlike(inst, ownVersions(inst), rule.question, rule)) continue;
      const indicator = indicatorFigures(ctx, inst, rule);
      indicators.push(indicator);
      breakdowns.push(...indicatorBreakdowns(ctx, inst, rule, indicator, crossTab));
      trend.push(trendOf(inst, rule));
    }
    for (const question of inst.scores) if (askedAlike(inst, ownVersions(inst), question)) scores.push(scoreFigures(ctx, inst, question));
  }
  const answeredHere = versions.get(wave.waveId);
  const locals = instruments.flatMap((core) => localInstruments(core, answeredHere));
  const localQuestions = locals.map((inst) => localQuestionsFigures(ctx, inst, answeredHere, ownVersions, trendOf));
  await addReferences(db, req.programme, indicators);
  indicators.sort(byIndicatorThenBand(instruments));
  adjustForManyComparisons(indicators, scores);
  breakdowns.sort(byIndicatorThenBand(instruments));
  trend.sort(byIndicatorThenBand(instruments));

  return {
    authority: wave.authority,
    programme: req.programme,
    ...(registry.isBuiltIn(instruments[0]?.id ?? '') ? {} : { questionnaire: questionnaireOf(instruments[0]!, versions.get(wave.waveId)) }),
    period: req.period,
    comparePeriod,
    minBase: req.minBase,
    provisional: !isClosedOn(wave, asOf),
    benchmarkRounds: { closedBefore: asOf, openLeftOut: period.open.filter((id) => id !== wave.authorityId).length },
    responses: { total: Object.values(responsesByBand).reduce((a, b) => a + b, 0), byBand: responsesByBand },
    responseRate: {
      byBand: Object.fromEntries(
        instruments.map((inst) => {
          const population = populations.get(inst.band);
          if (population === undefined) return [inst.band, null];
          return [inst.band, responseRate(responsesByBand[inst.band] ?? 0, population)];
        }),
      ),
    },
    indicators,
    scores,
    ...(localQuestions.length ? { localQuestions } : {}),
    breakdowns,
    trend,
    actions: actionFigures(await listActions(db, { authorityId: wave.authorityId, programme: req.programme, before: req.period }), {
      programme: req.programme,
      period: req.period,
      minBase: req.minBase,
      own,
      tallyOfPeriod: (p) => tallyByWave.get(waves.find((w) => w.period === p)!.id),
    }),
    ...(req.freeText ? await said(db, wave.waveId, instruments, locals, req.freeText) : { said: [], saidWithheld: 0 }),
  };
}

interface Context {
  minBase: number;
  own: Tally;
  previous: Tally | undefined;
  comparePeriod: string | null;
  period: PeriodTallies;
  authorityId: number;
  /** Whether the previous round asked this question (and counted this indicator) exactly as this one. */
  comparable: (inst: Instrument, question: string, rule?: IndicatorRule) => boolean;
  /** Whether another authority's round of the period may be pooled with this one for an instrument (same version); unset on the Compare page: all of them. */
  sameVersion?: (authorityId: number, inst: Instrument) => boolean;
}

function pickComparePeriod(waves: { period: string; responses: number }[], period: string, compare: string | undefined): string | null {
  if (compare !== undefined) {
    if (compare === period) throw new ReportInputError(`--compare ${compare} is the report's own period`);
    if (!waves.some((w) => w.period === compare)) throw new ReportInputError(`no wave of this authority in ${compare} to compare with`);
    return compare;
  }
  const earlier = waves.filter((w) => w.period < period && w.responses > 0);
  return earlier.length ? earlier[earlier.length - 1]!.period : null;
}

/** Indicator and score questions: the only counts the benchmark needs. */
function reportQuestions(instruments: Instrument[]): string[] {
  return [...new Set(instruments.flatMap((i) => [...i.indicators.map((r) => r.question), ...i.scores]))];
}

function positiveSet(rule: IndicatorRule): Set<string> {
  return new Set(rule.options.map(String));
}

/** Built-in indicators in the question bank's order, then a questionnaire's own in its file's order. */
function indicatorRank(id: string, inst: Instrument): number {
  return INDICATOR_ORDER.get(id) ?? INDICATOR_ORDER.size + (inst.localIndicators?.findIndex((l) => l.id === id) ?? 0);
}

function sortedRules(inst: Instrument): IndicatorRule[] {
  return [...inst.indicators].sort((a, b) => indicatorRank(a.indicator, inst) - indicatorRank(b.indicator, inst));
}

function byIndicatorThenBand(instruments: Instrument[]) {
  const bands = instruments.map((i) => i.band as string);
  const rank = (id: string, band: string) => indicatorRank(id, instruments.find((i) => i.band === band) ?? instruments[0]!);
  return (a: { id?: string; indicator?: string; band: string }, b: { id?: string; indicator?: string; band: string }) =>
    rank((a.id ?? a.indicator)!, a.band) - rank((b.id ?? b.indicator)!, b.band) || bands.indexOf(a.band) - bands.indexOf(b.band);
}

function percentOf(count: number, n: number): number {
  return round1((100 * count) / n);
}

/** One indicator's figure and benchmark, without a before/after: a row of the Compare page. */
export function indicatorAgainstPeriod(own: Tally, period: PeriodTallies, authorityId: number, inst: Instrument, rule: IndicatorRule, minBase: number): ReportIndicator {
  return indicatorFigures(
    { minBase, own, previous: undefined, comparePeriod: null, period, authorityId, comparable: () => false },
    inst,
    rule,
  );
}

function indicatorFigures(ctx: Context, inst: Instrument, rule: IndicatorRule): ReportIndicator {
  const definition = indicatorMeta(inst, rule.indicator);
  const positive = positiveSet(rule);
  const { n, count } = proportion(ctx.own, inst.id, rule.question, positive);
  const suppressed = baseSuppressed(n, ctx.minBase);
  const ci = suppressed ? null : wilsonInterval(count, n);

  let previous: ReportIndicator['previous'] = null;
  const before = ctx.previous && ctx.comparable(inst, rule.question, rule) && proportion(ctx.previous, inst.id, rule.question, positive);
  // No comparison where the earlier wave did not ask it (or nobody answered).
  if (before && before.n > 0) {
    const hidden = baseSuppressed(before.n, ctx.minBase);
    const compared = !hidden && !suppressed;
    const test = compared ? twoProportionZTest(before.count, before.n, count, n) : null;
    previous = {
      period: ctx.comparePeriod!,
      suppressed: hidden || suppressed,
      n: hidden ? null : before.n,
      count: hidden ? null : before.count,
      percent: hidden ? null : percentOf(before.count, before.n),
      change: compared ? round1((100 * count) / n - (100 * before.count) / before.n) : null,
      pValue: test ? roundP(test.pValue) : null,
      qValue: null,
      significant: test ? test.significant : null,
    };
  }

  let benchmark: ReportIndicator['benchmark'] = null;
  const pool = pooledOthers(ctx.period, ctx.authorityId, inst.id, rule.question, ctx.minBase, ctx.sameVersion && ((id) => ctx.sameVersion!(id, inst)));
  if (pool.authorities > 0) {
    let bn = 0;
    let bcount = 0;
    for (const [value, k] of pool.values) {
      bn += k;
      if (positive.has(value)) bcount += k;
    }
    const hidden = pool.authorities < MIN_BENCHMARK_AUTHORITIES;
    const compared = !hidden && !suppressed;
    const test = compared ? twoProportionZTest(bcount, bn, count, n) : null;
    benchmark = {
      authorities: pool.authorities,
      suppressed: hidden || suppressed,
      n: hidden ? null : bn,
      count: hidden ? null : bcount,
      percent: hidden ? null : percentOf(bcount, bn),
      difference: compared ? round1((100 * count) / n - (100 * bcount) / bn) : null,
      pValue: test ? roundP(test.pValue) : null,
      qValue: null,
      significant: test ? test.significant : null,
    };
  }

  return {
    id: rule.indicator,
    band: inst.band,
    domain: definition.domain,
    direction: definition.direction,
    suppressed,
    n: suppressed ? null : n,
    count: suppressed ? null : count,
    percent: suppressed ? null : percentOf(count, n),
    ci: ci && { low: round1(100 * ci.low), high: round1(100 * ci.high) },
    previous,
    benchmark,
    reference: [],
  };
}

function scoreFigures(ctx: Context, inst: Instrument, question: string): ReportScore {
  const s = sampleFromCounts(numericCounts(ctx.own, inst.id, question));
  const suppressed = baseSuppressed(s.n, ctx.minBase);
  const q = inst.questions.find((x) => x.id === question)!;
  const ci = suppressed ? null : meanInterval(s, integerBounds(scaleOf(q), inst) ?? undefined);
  const shown = (x: Sample, hidden: boolean) => ({
    n: hidden ? null : x.n,
    mean: hidden ? null : round2(x.mean),
    sd: hidden || !Number.isFinite(x.sd) ? null : round2(x.sd),
  });

  let previous: ReportScore['previous'] = null;
  const b = ctx.previous && ctx.comparable(inst, question) && sampleFromCounts(numericCounts(ctx.previous, inst.id, question));
  if (b && b.n > 0) {
    const hidden = baseSuppressed(b.n, ctx.minBase);
    const test = !hidden && !suppressed ? welchTTest(b, s) : null;
    previous = {
      period: ctx.comparePeriod!,
      suppressed: hidden || suppressed,
      ...shown(b, hidden),
      change: !hidden && !suppressed ? round2(s.mean - b.mean) : null,
      t: test && Number.isFinite(test.statistic) ? round2(test.statistic) : null,
      df: test ? round2(test.df) : null,
      pValue: test ? roundP(test.pValue) : null,
      qValue: null,
      significant: test ? test.significant : null,
    };
  }

  let benchmark: ReportScore['benchmark'] = null;
  const pool = pooledOthers(ctx.period, ctx.authorityId, inst.id, question, ctx.minBase, ctx.sameVersion && ((id) => ctx.sameVersion!(id, inst)));
  if (pool.authorities > 0) {
    const o = sampleFromCounts([...pool.values].map(([v, k]) => [Number(v), k] as const));
    const hidden = pool.authorities < MIN_BENCHMARK_AUTHORITIES;
    const test = !hidden && !suppressed ? welchTTest(o, s) : null;
    benchmark = {
      authorities: pool.authorities,
      suppressed: hidden || suppressed,
      ...shown(o, hidden),
      difference: !hidden && !suppressed ? round2(s.mean - o.mean) : null,
      pValue: test ? roundP(test.pValue) : null,
      qValue: null,
      significant: test ? test.significant : null,
    };
  }

  return {
    question,
    band: inst.band,
    direction: inst.scoreDirections?.[question] ?? 'higher',
    suppressed,
    ...shown(s, suppressed),
    ci: ci && { low: round2(ci.low), high: round2(ci.high) },
    previous,
    benchmark,
  };
}

function indicatorBreakdowns(
  ctx: Context,
  inst: Instrument,
  rule: IndicatorRule,
  indicator: ReportIndicator,
  crossTab: readonly BreakdownCountRow[],
): ReportBreakdown[] {
  const positive = positiveSet(rule);
  const total = proportion(ctx.own, inst.id, rule.question, positive);
  const out: ReportBreakdown[] = [];
  for (const by of BREAKDOWN_QUESTIONS) {
    const q = inst.questions.find((x) => x.id === by);
    if (!q) continue;
    const scale = scaleOf(q);
    if (scale.kind !== 'options') continue;
    const cells: RawCell[] = scale.options.map((value) => ({ value, n: 0, count: 0 }));
    for (const r of crossTab) {
      if (r.instrument !== inst.id || r.by_question !== by || r.question !== rule.question) continue;
      const cell = cells.find((c) => c.value === r.by_value);
      if (!cell) continue;
      cell.n += r.n;
      if (positive.has(r.value)) cell.count += r.n;
    }
    // Those who skipped the background question make up the rest of the total: a cell of their own,
    // so the cells add up to the published total and secondary suppression sees every unknown.
    const known = cells.reduce((a, c) => ({ n: a.n + c.n, count: a.count + c.count }), { n: 0, count: 0 });
    cells.push({ value: null, n: total.n - known.n, count: total.count - known.count });
    out.push({ indicator: rule.indicator, band: inst.band as Band, by, cells: suppressBreakdown(cells, ctx.minBase, indicator.suppressed) });
  }
  return out;
}

/**
 * A report makes dozens of comparisons, and at p < 0.05 a few look significant by chance alone.
 * Each family (every before/after comparison of the report, indicators and scores; every benchmark
 * comparison) gets Benjamini-Hochberg q-values, from the p-values as published so anyone can redo them.
 */
function adjustForManyComparisons(indicators: ReportIndicator[], scores: ReportScore[]): void {
  for (const family of [
    [...indicators.map((i) => i.previous), ...scores.map((s) => s.previous)],
    [...indicators.map((i) => i.benchmark), ...scores.map((s) => s.benchmark)],
  ]) {
    const compared = family.filter((c) => c !== null && c.pValue !== null) as { pValue: number; qValue: number | null }[];
    benjaminiHochberg(compared.map((c) => c.pValue)).forEach((q, k) => (compared[k]!.qValue = roundP(q!)));
  }
}

/** Published figures beside each indicator: a test only where the source gives how many answered. */
async function addReferences(db: DB, programme: string, indicators: ReportIndicator[]): Promise<void> {
  const figures = await referenceFigures(db, programme);
  for (const i of indicators)
    i.reference = figures
      .filter((f) => f.indicator === i.id && f.band === i.band)
      .map((f) => {
        const test = f.n !== null && !i.suppressed ? twoProportionZTest(Math.round((f.percent * f.n) / 100), f.n, i.count!, i.n!) : null;
        return {
          source: f.source,
          period: f.period,
          percent: f.percent,
          n: f.n,
          difference: i.percent === null ? null : round1(i.percent - f.percent),
          pValue: test ? roundP(test.pValue) : null,
          significant: test ? test.significant : null,
        };
      });
}

/**
 * What was written in the round's free-text questions: the core's, and a council's own local ones
 * (stored in the same responses, under the core instrument, so they are read, filtered and masked
 * alike and shown under their band).
 */
async function said(
  db: DB,
  waveId: number,
  instruments: Instrument[],
  locals: Instrument[],
  safeguarding: Matcher,
): Promise<Pick<Report, 'said' | 'saidWithheld'>> {
  const textQuestions = textQuestionIds([...instruments, ...locals]);
  const bandOf = new Map(instruments.map((i) => [i.id, i.band]));
  const rows = (await freeTextAnswers(db, waveId, textQuestions)).filter((r) => bandOf.has(r.instrument));
  const shown = rows.filter((r) => !safeguarding.find(r.value).length);
  return {
    said: shown
      .map((r) => ({ band: bandOf.get(r.instrument)!, question: r.question, text: maskFreeText(r.value) }))
      .sort((a, b) => instruments.findIndex((i) => i.band === a.band) - instruments.findIndex((i) => i.band === b.band)),
    saidWithheld: rows.length - shown.length,
  };
}

/**
 * What a report of a council's questionnaire says about it: its title, the versions this
 * round was answered in, and the words of its indicators and questions (in English where the
 * file has it, else in its first language), which the renderers print instead of the question bank's.
 */
function questionnaireOf(inst: Instrument, answered: ReadonlyMap<string, ReadonlyMap<number, number>> | undefined): ReportQuestionnaire {
  const words = inst.strings?.en ?? inst.strings?.[inst.locales?.[0] ?? ''] ?? {};
  return {
    id: inst.id,
    version: inst.version,
    // Local questions take their core's title key; the file's own title is always under this one.
    title: words[questionnaireKeys.title] ?? inst.id,
    audience: inst.audience,
    versions: [...(answered?.get(inst.id) ?? [])].map(([version, responses]) => ({ version, responses })).sort((a, b) => a.version - b.version),
    labels: {
      indicators: Object.fromEntries((inst.localIndicators ?? []).map((l) => [l.id, words[l.label] ?? l.id])),
      questions: Object.fromEntries(councilQuestions(inst).map((q) => [q.id, words[q.text] ?? q.id])),
    },
    scoreScales: SCORE_SCALES.filter((scale) => inst.scores.some((id) => inst.questions.find((q) => q.id === id)?.scale === scale)),
  };
}

/** The local questions answered in this round after `core`, each as the version(s) answered. */
function localInstruments(core: Instrument, answered: ReadonlyMap<string, ReadonlyMap<number, number>> | undefined): Instrument[] {
  return [...(answered ?? [])].flatMap(([id, byVersion]) => {
    const current = registry.current(id);
    if (current?.extends?.instrument !== core.id || current.extends.version !== core.version) return [];
    return [definitionOf(current, byVersion)];
  });
}

/**
 * The figures of one set of local questions answered in this round (see
 * localInstruments): their own indicators and scores, with the same
 * suppression and intervals, before/after against the authority's
 * round compared with where it asked the same local question identically,
 * and each indicator's trend over the rounds that asked it so (as the core's).
 * No benchmark: other councils do not ask them. Their comparisons are a
 * family of their own for the q-values, so the core figures are exactly
 * those of a round without local questions.
 */
function localQuestionsFigures(
  ctx: Context,
  inst: Instrument,
  answered: ReadonlyMap<string, ReadonlyMap<number, number>> | undefined,
  versionsOf: (inst: Instrument) => number[],
  trendOf: (inst: Instrument, rule: IndicatorRule) => Report['trend'][number],
): ReportLocalQuestions {
  const own = new Set(councilQuestions(inst).map((q) => q.id));
  const rules = sortedRules(inst).filter((rule) => own.has(rule.question) && askedAlike(inst, versionsOf(inst), rule.question, rule));
  const indicators = rules.map((rule) => ({ ...indicatorFigures(ctx, inst, rule), benchmark: null }));
  const scores = inst.scores
    .filter((q) => own.has(q) && askedAlike(inst, versionsOf(inst), q))
    .map((q) => ({ ...scoreFigures(ctx, inst, q), benchmark: null }));
  adjustForManyComparisons(indicators, scores);
  return { ...questionnaireOf(inst, answered), band: inst.band, indicators, scores, trend: rules.map((rule) => trendOf(inst, rule)) };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
