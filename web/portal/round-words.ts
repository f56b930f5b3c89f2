// How the portal's round pages (the round and its printed sheet) speak of
// who answers: children in care or care leavers by age band, or, for a
// council's questionnaire for adults (carers, staff), the people invited.

type Audience = 'children' | 'young_people' | 'adults';

/** A round of a council's questionnaire for adults: no age bands, no results for children. */
export const forAdults = (wave: { bands: { audience: Audience }[] }) => wave.bands.every((b) => b.audience === 'adults');

export function roundWords(wave: { programme: string; bands: { audience: Audience }[] }) {
  const adults = forAdults(wave);
  const leavers = wave.programme === 'ylbc';
  /** Whom a band's population counts. */
  const counted = adults ? 'people invited' : leavers ? 'care leavers' : 'children in care';
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
