// English wording for reports, from the survey's own locale file, so an
// indicator is named the same way in the survey, the portal and a report.
import en from '../surveys/locales/en.json' with { type: 'json' };
import { SCORE_SCALES } from '../surveys/scales.js';
import type { ReportQuestionnaire } from './schema.js';

type ScoreScale = (typeof SCORE_SCALES)[number];

const locale = en as unknown as Record<string, Record<string, unknown>>;

function lookup(section: string, key: string): string | undefined {
  const v = locale[section]?.[key];
  return typeof v === 'string' ? v : undefined;
}

export function indicatorLabel(id: string): string {
  return lookup('indicators', id) ?? id;
}

/** A built-in domain's name; null is a council questionnaire's own indicators, which belong to no domain. */
export function domainLabel(domain: string | null): string {
  return domain === null ? 'Indicators' : (lookup('domains', domain) ?? domain);
}

export function questionLabel(id: string): string {
  return lookup('questions', id) ?? id;
}

/**
 * The words a report names its rows with: a council questionnaire's own (carried in the report,
 * `questionnaire.labels`) where it has them, then those of a core round's local questions (their
 * free text is in the report's `said`), else the question bank's.
 */
export function reportLabels(r: { questionnaire?: ReportQuestionnaire | undefined; localQuestions?: readonly Pick<ReportQuestionnaire, 'labels'>[] | undefined }) {
  const own = r.questionnaire?.labels;
  const local = (id: string) => r.localQuestions?.find((l) => Object.hasOwn(l.labels.questions, id))?.labels.questions[id];
  return {
    indicator: (id: string) => own?.indicators[id] ?? indicatorLabel(id),
    question: (id: string) => own?.questions[id] ?? local(id) ?? questionLabel(id),
  };
}

/** Each scale a mean score may be on, as the reports name it. */
const SCALE_WORDS: Record<ScoreScale, string> = { agree5: 'agree: 1 strongly disagree to 5 strongly agree', scale0_10: '0 to 10', happy5: 'faces 1 to 5' };

/** What a council questionnaire's mean scores are: on the scales it uses, none other. */
function meanScoresIntro(scales: readonly ScoreScale[]): string {
  const agreement = scales.length === 1 && scales[0] === 'agree5';
  return `Mean answers to each question on its scale (${scales.map((s) => SCALE_WORDS[s]).join('; ')}), with a 95% interval for the mean. Higher means ${agreement ? 'more agreement' : 'nearer the top of the scale'}.`;
}

/** The scores section's heading and what its scales are. Care leavers answer only 0 to 10 scales. */
export function scoreWords(r: { programme?: string; questionnaire?: ReportQuestionnaire | undefined }): { heading: string; intro: string } {
  if (r.questionnaire) return { heading: 'Mean scores', intro: meanScoresIntro(r.questionnaire.scoreScales) };
  const scales = careLeavers(r) ? 'the 0 to 10 scales' : 'the 0 to 10 scales (ages 11 and over) and the five faces from very sad (1) to very happy (5) (younger children)';
  return { heading: 'Well-being scores', intro: `Average answers on ${scales}, with a 95% interval for the average. Higher is better.` };
}

/** What the report's "Your own questions" section is (HTML, Word and the portal say the same). */
export function localQuestionsIntro(authorityName: string, sets: readonly Pick<ReportQuestionnaire, 'scoreScales'>[]): string {
  const scales = SCORE_SCALES.filter((s) => sets.some((l) => l.scoreScales.includes(s)));
  return `The questions ${authorityName} added after the core survey. No other council asks them, so they have no comparison with other authorities; the core figures above are unchanged by them.${scales.length ? ` ${meanScoresIntro(scales)}` : ''}`;
}

/** The label of a background answer (gender, placement, leaver_home); null is "not stated". */
export function optionLabel(scale: string, value: string | null): string {
  if (value === null) return 'Not stated';
  const labels = locale.scales?.[scale];
  const v = labels && typeof labels === 'object' ? (labels as Record<string, unknown>)[value] : undefined;
  return typeof v === 'string' ? v : value;
}

export const PROGRAMME_NAMES: Record<string, string> = {
  ylyc: 'Children in care (Your Life, Your Care)',
  ylbc: 'Care leavers (Your Life Beyond Care)',
};

export const BY_NAMES: Record<string, string> = {
  gender: 'gender',
  placement: 'placement type',
  leaver_home: 'where they live',
};

export const STATUS_NAMES: Record<string, string> = {
  planned: 'Planned',
  in_progress: 'In progress',
  done: 'Done',
  dropped: 'Dropped',
};

/** An action's band: one age band, or all of them. */
export const bandName = (band: string | null) => (band === null ? 'all ages' : band);

type AudienceOf = { programme?: string; questionnaire?: Pick<ReportQuestionnaire, 'audience'> | undefined };

/** The built-in care leavers' programme (ylbc, 16 to 25): young people, not children in care. */
const careLeavers = (r: AudienceOf) => !r.questionnaire && r.programme === 'ylbc';

/** Who answered a report's rounds: a council questionnaire's own audience; care leavers are young people. */
export function reportAudience(r: AudienceOf): ReportQuestionnaire['audience'] {
  return r.questionnaire?.audience ?? (careLeavers(r) ? 'young_people' : 'children');
}

/**
 * How a report speaks of who answered, in every output (portal, HTML, Word, CSV, summary) alike.
 * Built-in children's rounds (and a core round with local questions) are about children: age bands,
 * findings better or worse for children, children in care. Care leavers (ylbc, 16 to 25) are young
 * people, and their population is the authority's care leavers. A council's questionnaire says so of
 * its own audience: young people, or, for adults (carers, staff), people, with one band, "adults",
 * which is no age, and no population of children.
 */
export function audienceWords(r: AudienceOf) {
  const leavers = careLeavers(r);
  const audience = reportAudience(r);
  const adults = audience === 'adults';
  const children = audience === 'children';
  /** Who answered, in a sentence: "Fewer than 30% of children answered". */
  const people = adults ? 'people' : audience === 'young_people' ? 'young people' : 'children';
  /** Whom a finding is better or worse for: "for children"; nothing for adults, whose findings are their own views. */
  const forWhom = adults ? '' : ` for ${people}`;
  return {
    /** An adults' questionnaire (carers, staff): one band, no ages, no population of children. */
    adults,
    /** Whether the respondents are children in care (ylyc, or a ylyc round with local questions). */
    children,
    /** Whether they are care leavers (ylbc): their population is the authority's care leavers. */
    leavers,
    people,
    forWhom,
    /** At the start of a sentence or heading. */
    People: people[0]!.toUpperCase() + people.slice(1),
    /** One of them: "one child's answers". */
    one: adults ? 'person' : audience === 'young_people' ? 'young person' : 'child',
    /** Some bands in a sentence ("ages 4-7 and 8-11"); null for adults, whose one band is no age. */
    ages: (bands: string[], joiner: string) => (adults ? null : `ages ${bands.join(joiner)}`),
    /** Whom a band's population entered counts, in a sentence. */
    populationOf: children ? 'children in care' : leavers ? 'care leavers' : `${people} invited`,
    /** A figure's band within a sentence: "ages 8-11". */
    band: (band: string) => (adults ? 'all respondents' : `ages ${band}`),
    /** A band starting a heading or title: "Ages 8-11". */
    heading: (band: string) => (adults ? 'All respondents' : `Ages ${band}`),
    /** A band as a table's row heading (HTML, Word): "8-11". */
    row: (band: string) => (adults ? 'Adults' : band),
    /** A band as the portal's row heading and the CSV's band: "8-11 years". */
    rowYears: (band: string) => (adults ? 'Adults' : `${band} years`),
    /** The heading of a table's band column. */
    bandHead: adults ? 'Respondents' : 'Ages',
    /** Every band at once (an action's figures pooled over them). */
    all: adults ? 'all respondents' : 'all ages',
    /** Which way a result went, by the indicator's direction. */
    verdict: (good: boolean) => `${good ? 'better' : 'worse'}${forWhom}`,
    /** The "Who answered" table's population column. */
    population: children ? 'Children in care' : leavers ? 'Care leavers' : 'Invited',
    /** Who answered, after a count: "289 care leavers answered". */
    answered: children ? 'children and young people' : leavers ? 'care leavers' : people,
  };
}
