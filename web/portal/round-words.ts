// How the portal's round pages (the round and its printed sheet) speak of
// who answers: children in care or care leavers by age band, or the people
// a council's questionnaire invites (for adults: carers, staff, no ages).
// Whom a population counts is the round's report's word (audienceWords).
import { audienceWords } from '../../reports/labels.js';
import { PROGRAMMES } from './api.js';

type Audience = 'children' | 'young_people' | 'adults';

/** A round of a council's questionnaire for adults: no age bands, no results for children. */
export const forAdults = (wave: { bands: { audience: Audience }[] }) => wave.bands.every((b) => b.audience === 'adults');

export function roundWords(wave: { programme: string; bands: { audience: Audience }[] }) {
  const adults = forAdults(wave);
  // A council questionnaire's bands all carry its audience; a built-in's are its age bands'.
  const questionnaire = Object.hasOwn(PROGRAMMES, wave.programme) ? undefined : { audience: wave.bands[0]?.audience ?? 'adults' };
  const { leavers, populationOf: counted } = audienceWords({ programme: wave.programme, questionnaire });
  return {
    adults,
    band: (band: string) => (adults ? 'Adults' : `${band} years`),
    population: (band: string) => (adults ? 'People invited' : leavers ? `Care leavers, ${band} years` : `Looked-after population, ${band} years`),
    answered: adults ? '% of those invited who answered' : `% of ${counted} who answered`,
    unrepresentative: adults ? 'results may not represent everyone invited' : `results may not represent all ${counted}`,
    populationLooksWrong: `the population looks wrong: fewer ${counted} than responses`,
    byBand: adults ? 'Responses and response rate' : 'Responses and response rate by age band',
    bandColumn: adults ? 'Who' : 'Age band',
    /** One of those who answer, on the sheet for trusted adults: "Let the child answer in private". */
    one: leavers ? 'young person' : 'child',
    /** Whom the trusted adult helps, on the sheet. */
    helping: leavers ? 'a care leaver' : 'a child or young person',
    closing: adults ? 'No one will be able to answer.' : leavers ? 'Care leavers will no longer be able to answer.' : 'Children will no longer be able to answer.',
  };
}
