// How the portal's round page and printed sheet speak of who answers: care
// leavers are not children in care, and adults are neither.
import { describe, expect, it } from 'vitest';
import { forAdults, roundWords } from '../../web/portal/round-words.js';

const round = (programme: string, ...audiences: ('children' | 'young_people' | 'adults')[]) => ({ programme, bands: audiences.map((audience) => ({ audience })) });

describe('roundWords', () => {
  it('speaks of children in care for a children’s round', () => {
    const w = roundWords(round('ylyc', 'children', 'children', 'young_people'));
    expect(w).toMatchObject({ adults: false, one: 'child', answered: '% of children in care who answered', closing: 'Children will no longer be able to answer.' });
    expect(w.population('8-11')).toBe('Looked-after population, 8-11 years');
    expect(w.populationLooksWrong).toBe('the population looks wrong: fewer children in care than responses');
  });

  it('speaks of care leavers, never children, for a care leavers’ round', () => {
    const w = roundWords(round('ylbc', 'young_people'));
    expect(w).toMatchObject({ adults: false, one: 'young person', helping: 'a care leaver', answered: '% of care leavers who answered' });
    expect(w.population('16-25')).toBe('Care leavers, 16-25 years');
    expect(w.unrepresentative).toBe('results may not represent all care leavers');
    expect(w.closing).toBe('Care leavers will no longer be able to answer.');
    const said = [w.population('16-25'), w.answered, w.unrepresentative, w.populationLooksWrong, w.closing, w.one, w.helping];
    for (const words of said) expect(words).not.toMatch(/child|looked-after/i);
  });

  it('speaks of the young people invited for a council’s questionnaire for young people, as its report does', () => {
    const w = roundWords(round('bh-young', 'young_people'));
    expect(w).toMatchObject({ adults: false, answered: '% of young people invited who answered', unrepresentative: 'results may not represent all young people invited' });
    expect(w.populationLooksWrong).toBe('the population looks wrong: fewer young people invited than responses');
  });

  it('speaks of the people invited for an adults’ questionnaire, with no ages', () => {
    const adults = round('bh-staff', 'adults');
    expect(forAdults(adults)).toBe(true);
    const w = roundWords(adults);
    expect(w).toMatchObject({ adults: true, byBand: 'Responses and response rate', bandColumn: 'Who', answered: '% of those invited who answered' });
    expect(w.band('adults')).toBe('Adults');
    expect(w.populationLooksWrong).toBe('the population looks wrong: fewer people invited than responses');
    expect(forAdults(round('bh-mixed', 'adults', 'young_people'))).toBe(false);
  });
});
