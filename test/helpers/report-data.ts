// A small, hand-countable data set for report tests: four authorities,
// the 11-17 instrument, with the answers that matter set row by row so
// every expected figure can be worked out in the test.
import { ALL_CSV_COLUMNS, buildCsv, responseRow, type CsvCell } from './cli.js';

export const A = { code: 'E06000002', name: 'Middlesbrough' };
export const B = { code: 'E06000003', name: 'Redcar and Cleveland' };
export const C = { code: 'E06000004', name: 'Stockton-on-Tees' };
/** Only five responses: its own figures are suppressed, and it is left out of others' benchmarks. */
export const D = { code: 'E06000005', name: 'Darlington' };
export const AUTHORITIES = [A, B, C, D];

/** Caught by the shipped safeguarding list ("hits me"): never in a report. */
export const WORRYING_TEXT = 'My carer hits me when nobody is looking';
export const HOSTILE_TEXT = 'Ring me on 07700 900123 <img src=x onerror="document.title=1"> & </script> please';

/**
 * A, 2023: 100 responses; feel_safe "all or most" 30 of 100; like_bedroom yes 50; life_satisfaction 5 (50) or 7 (50).
 * A, 2024: 100 responses; feel_safe 55 of 100; like_bedroom yes 55; life_satisfaction 6 (50) or 8 (50);
 *   gender: rows 0-59 male, 60-96 female, 97-99 another way; placement: 0-79 foster care, 80-99 children's home;
 *   feel_safe positive in rows 0-32 (33 boys), 60-79 (20 girls) and 97-98 (2 another way).
 * B, 2024: 20 responses, feel_safe 10. C, 2024: 20 responses, feel_safe 5. D, 2024: 5 responses, feel_safe 5.
 */
export function reportRows(): Record<string, CsvCell>[] {
  const rows: Record<string, CsvCell>[] = [];
  let n = 1;
  const add = (authority: string, period: string, k: number, answers: Record<string, CsvCell>) =>
    rows.push(responseRow({ n: n++, instrument: 'ylyc-11-17', seed: k, authority, period, submittedOn: `${period}-05-01`, answers }));

  for (let k = 0; k < 100; k++)
    add(A.code, '2023', k, {
      feel_safe: k < 30 ? 'all_or_most' : 'never',
      like_bedroom: k < 50 ? 'yes' : 'no',
      life_satisfaction: k < 50 ? 5 : 7,
      make_care_better: undefined,
    });
  for (let k = 0; k < 100; k++)
    add(A.code, '2024', k, {
      feel_safe: k < 33 || (k >= 60 && k < 80) || k === 97 || k === 98 ? 'all_or_most' : 'never',
      like_bedroom: k < 55 ? 'yes' : 'no',
      life_satisfaction: k < 50 ? 6 : 8,
      gender: k < 60 ? 'male' : k < 97 ? 'female' : 'another_way',
      placement: k < 80 ? 'foster_care' : 'childrens_home',
      make_care_better: k === 0 ? HOSTILE_TEXT : k === 1 ? 'Email me at kid@example.com, I live in TS1 2AB' : k === 2 ? WORRYING_TEXT : undefined,
    });
  for (const [authority, total, positive] of [
    [B.code, 20, 10],
    [C.code, 20, 5],
    [D.code, 5, 5],
  ] as const)
    for (let k = 0; k < total; k++)
      add(authority, '2024', k, { feel_safe: k < positive ? 'all_or_most' : 'never', make_care_better: 'Other authority text' });
  return rows;
}

export function reportCsv(): string {
  return buildCsv(ALL_CSV_COLUMNS, reportRows());
}
