// Indicator definitions of the question bank. Which question and options
// count towards an indicator is declared per instrument (the scales
// differ between bands); this file says what each indicator is.

export const DOMAINS = ['relationships', 'rights', 'resilience', 'recovery', 'well-being'] as const;
export type Domain = (typeof DOMAINS)[number];

/** Whether a higher share is better or worse. */
export type Direction = 'higher' | 'lower';

export interface IndicatorDefinition {
  id: string;
  domain: Domain;
  direction: Direction;
}

export const INDICATORS = [
  { id: 'knows_social_worker', domain: 'relationships', direction: 'higher' },
  { id: 'trusts_social_worker', domain: 'relationships', direction: 'higher' },
  { id: 'same_social_worker', domain: 'relationships', direction: 'higher' },
  { id: 'can_contact_social_worker', domain: 'relationships', direction: 'higher' },
  { id: 'trusts_carers', domain: 'relationships', direction: 'higher' },
  { id: 'carers_notice_feelings', domain: 'relationships', direction: 'higher' },
  { id: 'has_good_friend', domain: 'relationships', direction: 'higher' },
  { id: 'has_trusted_adult', domain: 'relationships', direction: 'higher' },
  { id: 'knows_personal_adviser', domain: 'relationships', direction: 'higher' },
  { id: 'often_lonely', domain: 'relationships', direction: 'lower' },
  { id: 'understands_why_in_care', domain: 'rights', direction: 'higher' },
  { id: 'included_in_decisions', domain: 'rights', direction: 'higher' },
  { id: 'afraid_of_bullying', domain: 'rights', direction: 'lower' },
  { id: 'made_embarrassed', domain: 'rights', direction: 'lower' },
  { id: 'likes_school', domain: 'resilience', direction: 'higher' },
  { id: 'has_fun', domain: 'resilience', direction: 'higher' },
  { id: 'given_trust', domain: 'resilience', direction: 'higher' },
  { id: 'feels_safe', domain: 'recovery', direction: 'higher' },
  { id: 'feels_settled', domain: 'recovery', direction: 'higher' },
  { id: 'likes_bedroom', domain: 'recovery', direction: 'higher' },
  { id: 'life_getting_better', domain: 'recovery', direction: 'higher' },
  { id: 'low_life_satisfaction', domain: 'well-being', direction: 'lower' },
  { id: 'low_happiness', domain: 'well-being', direction: 'lower' },
] as const satisfies readonly IndicatorDefinition[];

export type IndicatorId = (typeof INDICATORS)[number]['id'];
export const INDICATOR_IDS = INDICATORS.map((i) => i.id) as [IndicatorId, ...IndicatorId[]];

/**
 * Background questions that reports break indicators down by (placement
 * for children in care, where they live for care leavers). Their
 * cross-tab counts are kept as answers arrive (answer_counts_by).
 */
export const BREAKDOWN_QUESTIONS = ['gender', 'placement', 'leaver_home'] as const;
export type BreakdownQuestion = (typeof BREAKDOWN_QUESTIONS)[number];
