// The report JSON (`hearme report --format json`): the contract's shape,
// extended with breakdowns, trend and what children said. Exported so
// that other tools (the portal, a council's own scripts) can validate a
// report file, and used by the JSON renderer to check every report
// before it is written.
import { z } from 'zod';
import { ACTION_STATUSES } from '../server/db/tables.js';
import { DOMAINS, SCORE_SCALES } from '../surveys/index.js';

/** A built-in age band, or a council questionnaire's ages or audience. */
const Band = z.string().min(1);
/** A percentage 0-100, to one decimal place. */
const Percent = z.number().min(0).max(100);
const Count = z.number().int().min(0);
/** Percentage points, to one decimal place. */
const Points = z.number().min(-100).max(100);
const PValue = z.number().min(0).max(1);

/** Figures of another wave (previous) or of other authorities pooled (benchmark). */
const ComparisonFigures = {
  /** True when this side's base is under minBase, or the comparison would reveal a suppressed figure. */
  suppressed: z.boolean(),
  n: Count.nullable(),
  count: Count.nullable(),
  percent: Percent.nullable(),
  pValue: PValue.nullable(),
  /** Benjamini-Hochberg adjusted p-value within the report's family (all before/after, or all benchmark, comparisons). */
  qValue: PValue.nullable(),
  significant: z.boolean().nullable(),
};

export const IndicatorPreviousSchema = z
  .object({ period: z.string(), ...ComparisonFigures, change: Points.nullable() })
  .strict();

export const IndicatorBenchmarkSchema = z
  .object({
    /** How many other authorities are pooled. */
    authorities: Count,
    ...ComparisonFigures,
    difference: Points.nullable(),
  })
  .strict();

/** A published figure from outside this installation (hearme reference import), beside the benchmark. */
export const IndicatorReferenceSchema = z
  .object({
    source: z.string(),
    period: z.string(),
    percent: Percent,
    /** How many answered, when published; without it no test is made. */
    n: Count.nullable(),
    /** This authority's percent minus the reference's, in points; null when this authority's figure is suppressed. */
    difference: Points.nullable(),
    pValue: PValue.nullable(),
    significant: z.boolean().nullable(),
  })
  .strict();

export const IndicatorSchema = z
  .object({
    id: z.string(),
    band: Band,
    /** A built-in indicator's domain; null for a council questionnaire's own indicator (it has none). */
    domain: z.enum(DOMAINS).nullable(),
    direction: z.enum(['higher', 'lower']),
    /** Suppressed (base under minBase): n, count, percent and ci are null. */
    suppressed: z.boolean(),
    n: Count.nullable(),
    count: Count.nullable(),
    percent: Percent.nullable(),
    /** Wilson 95% interval, percent. */
    ci: z.object({ low: Percent, high: Percent }).strict().nullable(),
    previous: IndicatorPreviousSchema.nullable(),
    benchmark: IndicatorBenchmarkSchema.nullable(),
    /** Published reference figures for this indicator and band, by source and period. */
    reference: z.array(IndicatorReferenceSchema),
  })
  .strict();

const ScoreFigures = {
  suppressed: z.boolean(),
  n: Count.nullable(),
  mean: z.number().nullable(),
  sd: z.number().nullable(),
  pValue: PValue.nullable(),
  /** Benjamini-Hochberg adjusted p-value within the report's family (all before/after, or all benchmark, comparisons). */
  qValue: PValue.nullable(),
  significant: z.boolean().nullable(),
};

export const ScoreSchema = z
  .object({
    question: z.string(),
    band: Band,
    /** Which way is better: higher for every built-in score; a questionnaire's file may say lower. */
    direction: z.enum(['higher', 'lower']),
    suppressed: z.boolean(),
    n: Count.nullable(),
    mean: z.number().nullable(),
    sd: z.number().nullable(),
    /** 95% interval for the mean, t-based (mean ± t(0.975, n − 1)·sd/√n, clipped to the scale's ends); null when suppressed or under 2 answers. */
    ci: z.object({ low: z.number(), high: z.number() }).strict().nullable(),
    previous: z
      .object({
        period: z.string(),
        ...ScoreFigures,
        change: z.number().nullable(),
        /** Welch's t (positive when this round is higher) and its Welch-Satterthwaite degrees of freedom; null when not tested. */
        t: z.number().nullable(),
        df: z.number().nullable(),
      })
      .strict()
      .nullable(),
    benchmark: z.object({ authorities: Count, ...ScoreFigures, difference: z.number().nullable() }).strict().nullable(),
  })
  .strict();

/** One group of a breakdown; `value` null is the group who did not answer the background question. */
export const BreakdownCellSchema = z
  .object({
    value: z.string().nullable(),
    suppressed: z.boolean(),
    /** base: under minBase; small: a count of 1 to 4; secondary: hidden so another cell cannot be worked out. */
    reason: z.enum(['base', 'small', 'secondary']).nullable(),
    n: Count.nullable(),
    count: Count.nullable(),
    /** True when the count is 1 to 4, shown as "fewer than 5". */
    fewerThan5: z.boolean(),
    percent: Percent.nullable(),
  })
  .strict();

export const BreakdownSchema = z
  .object({
    indicator: z.string(),
    band: Band,
    by: z.enum(['gender', 'placement', 'leaver_home']),
    cells: z.array(BreakdownCellSchema),
  })
  .strict();

export const TrendPointSchema = z
  /** provisional: that round is still open, so its figures may change. */
  .object({ period: z.string(), provisional: z.boolean(), suppressed: z.boolean(), n: Count.nullable(), percent: Percent.nullable() })
  .strict();

/** One indicator in one band across the authority's rounds that asked it alike. */
export const TrendSchema = z.object({ id: z.string(), band: Band, points: z.array(TrendPointSchema) }).strict();

/** One side of an action's before and after: n and percent null when the base is under minBase. */
const ActionSide = z.object({ period: z.string(), n: Count.nullable(), percent: Percent.nullable() }).strict();

/** An action made at an earlier round, with its indicator then (before) and now (after). */
export const ActionSchema = z
  .object({
    id: z.number().int().min(1),
    indicator: z.string(),
    /** Null: pooled over every band that asks the indicator. */
    band: Band.nullable(),
    pledge: z.string(),
    owner: z.string(),
    due: z.string(),
    status: z.enum(ACTION_STATUSES),
    /** The period of the round it was made at. */
    madeAt: z.string(),
    /** Null when nobody answered the indicator in that round. */
    before: ActionSide.nullable(),
    after: ActionSide.nullable(),
    /** Percentage points, after − before; null unless both are shown. */
    change: Points.nullable(),
    pValue: PValue.nullable(),
    significant: z.boolean().nullable(),
  })
  .strict();

/** Only in the report of a council's questionnaire: what it is, the versions answered, and its words. */
export const ReportQuestionnaireSchema = z
  .object({
    id: z.string(),
    /** The version the figures are read with: the one this round was answered in (the newest of them if several). */
    version: z.number().int().min(1),
    title: z.string(),
    audience: z.enum(['children', 'young_people', 'adults']),
    /** Every version answered in this round, with its responses. */
    versions: z.array(z.object({ version: z.number().int().min(1), responses: Count }).strict()),
    /** Labels of the questionnaire's own indicators and of its questions, by id. */
    labels: z.object({ indicators: z.record(z.string(), z.string()), questions: z.record(z.string(), z.string()) }).strict(),
    /** The scales its mean scores are on, so that a report names only those. */
    scoreScales: z.array(z.enum(SCORE_SCALES)),
  })
  .strict();

/**
 * Only in the report of a core round that asked local questions (`extends`): the questionnaire,
 * the band it follows, and its own indicators and scores (no benchmark: other councils do not ask them).
 */
export const ReportLocalQuestionsSchema = ReportQuestionnaireSchema.extend({
  band: Band,
  indicators: z.array(IndicatorSchema),
  scores: z.array(ScoreSchema),
  /** Each local indicator across the authority's rounds that asked it alike (as the core's `trend`). */
  trend: z.array(TrendSchema),
}).strict();

export const ReportSchema = z
  .object({
    authority: z.object({ code: z.string(), name: z.string() }).strict(),
    /** A built-in programme or a council questionnaire's id. */
    programme: z.string().min(1),
    questionnaire: ReportQuestionnaireSchema.optional(),
    period: z.string(),
    comparePeriod: z.string().nullable(),
    minBase: z.number().int().min(1),
    /** The round is still open (no closing date, or one not yet passed): every figure may still change. */
    provisional: z.boolean(),
    /**
     * Which rounds of other authorities the benchmark pools: those closed before `closedBefore` (the day the
     * report was made). Open rounds are left out, so the benchmark does not move as answers arrive.
     */
    benchmarkRounds: z.object({ closedBefore: z.string(), openLeftOut: Count }).strict(),
    responses: z.object({ total: Count, byBand: z.record(z.string(), Count) }).strict(),
    responseRate: z
      .object({
        byBand: z.record(
          z.string(),
          z
            .object({
              responses: Count,
              population: Count,
              /** Percent of the looked-after population who answered. */
              rate: z.number().min(0).max(100).nullable(),
              /** Under 30%: results should be read with care. */
              low: z.boolean(),
              /** More responses than the population entered: the population must be wrong, and `rate` is null. */
              populationLooksWrong: z.boolean(),
            })
            .strict()
            .nullable(),
        ),
      })
      .strict(),
    indicators: z.array(IndicatorSchema),
    scores: z.array(ScoreSchema),
    /** A core round's local questions (one set per band that asked some), apart from the core figures, which every council shares. */
    localQuestions: z.array(ReportLocalQuestionsSchema).optional(),
    breakdowns: z.array(BreakdownSchema),
    trend: z.array(TrendSchema),
    /** Free-text answers, masked; only in a single authority's report. */
    said: z.array(z.object({ band: Band, question: z.string(), text: z.string() }).strict()),
    /** Free-text answers left out of said because the safeguarding list catches them. */
    saidWithheld: z.number().int().min(0),
    /** Actions made at earlier rounds of the programme, oldest round first. */
    actions: z.array(ActionSchema),
  })
  .strict();

export type Report = z.infer<typeof ReportSchema>;
export type ReportIndicator = z.infer<typeof IndicatorSchema>;
export type ReportScore = z.infer<typeof ScoreSchema>;
export type ReportQuestionnaire = z.infer<typeof ReportQuestionnaireSchema>;
export type ReportLocalQuestions = z.infer<typeof ReportLocalQuestionsSchema>;
export type ReportBreakdown = z.infer<typeof BreakdownSchema>;
export type ReportAction = z.infer<typeof ActionSchema>;
export type BreakdownCell = z.infer<typeof BreakdownCellSchema>;
