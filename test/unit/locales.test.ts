// Every locale file has every key the surveys and reports use.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOMAINS, INDICATOR_IDS, BUILT_IN_INSTRUMENTS } from '../../surveys/index.js';
import { flattenLocale, instrumentKeys, reportKeys, variantOf } from '../../surveys/i18n-keys.js';

const LOCALES_DIR = new URL('../../surveys/locales/', import.meta.url);
const localeFiles = readdirSync(LOCALES_DIR).filter((f) => f.endsWith('.json')).sort();

function readLocale(file: string): Record<string, unknown> {
  return flattenLocale(JSON.parse(readFileSync(new URL(file, LOCALES_DIR), 'utf8')));
}

/** Keys whose value is not text (the locale's own description). */
const NON_TEXT_KEYS = new Set(['meta.reviewedByNativeSpeaker']);
const META_KEYS = ['meta.language', 'meta.nativeName', 'meta.dir', 'meta.reviewedByNativeSpeaker'];
const COMMON_KEYS = ['start', 'next', 'back', 'skip', 'submit', 'help', 'childline', 'thanks'].map((k) => `common.${k}`);

function isText(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

const QUESTION_IDS = new Set(BUILT_IN_INSTRUMENTS.flatMap((i) => i.questions.map((q) => q.id)));

/** What is wrong with `other` compared with the English locale: missing, empty or extra keys (other than a variant of an English key), bad meta. */
function localeProblems(en: Record<string, unknown>, other: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(en)) {
    if (NON_TEXT_KEYS.has(key)) {
      if (typeof other[key] !== typeof en[key]) problems.push(`${key}: expected a ${typeof en[key]}`);
    } else if (!Object.hasOwn(other, key)) problems.push(`${key}: missing`);
    else if (!isText(other[key])) problems.push(`${key}: not a non-empty string`);
  }
  for (const key of Object.keys(other)) {
    if (Object.hasOwn(en, key)) continue;
    if (!variantOf(key, (k) => Object.hasOwn(en, k), QUESTION_IDS)) problems.push(`${key}: not in en.json`);
    else if (!isText(other[key])) problems.push(`${key}: not a non-empty string`);
  }
  if (other['meta.dir'] !== 'ltr' && other['meta.dir'] !== 'rtl') problems.push('meta.dir: expected ltr or rtl');
  return problems;
}

const en = readLocale('en.json');

describe('en.json', () => {
  it('is present', () => {
    expect(localeFiles).toContain('en.json');
  });

  it.each(BUILT_IN_INSTRUMENTS.map((i) => [i.id, i] as const))('has every key %s uses, as non-empty text', (_id, inst) => {
    const keys = instrumentKeys(inst);
    expect(keys.length).toBeGreaterThan(inst.questions.length);
    expect(keys.filter((k) => !isText(en[k]))).toEqual([]);
  });

  it('has a label for every indicator and domain', () => {
    const keys = reportKeys();
    expect(keys).toHaveLength(INDICATOR_IDS.length + DOMAINS.length);
    expect(keys.filter((k) => !isText(en[k]))).toEqual([]);
  });

  it('has the common words the child app needs', () => {
    expect(COMMON_KEYS.filter((k) => !isText(en[k]))).toEqual([]);
    expect(en['common.childline']).toContain('0800 1111');
  });

  it('describes itself in meta', () => {
    expect(Object.fromEntries(META_KEYS.map((k) => [k, en[k]]))).toEqual({
      'meta.language': 'English',
      'meta.nativeName': 'English',
      'meta.dir': 'ltr',
      'meta.reviewedByNativeSpeaker': true,
    });
  });

  it('holds only text apart from meta', () => {
    const notText = Object.keys(en).filter((k) => !NON_TEXT_KEYS.has(k) && !isText(en[k]));
    expect(notText).toEqual([]);
  });

  it('uses the band wording where the band needs it', () => {
    const byId = new Map(BUILT_IN_INSTRUMENTS.map((i) => [i.id, i]));
    const text = (instId: string, qid: string) => en[byId.get(instId)!.questions.find((q) => q.id === qid)!.text];
    expect(text('ylyc-4-7', 'age')).toBe('How old is the child?');
    expect(text('ylyc-8-11', 'age')).toBe('How old are you?');
    expect(text('ylbc-16-25', 'gender')).toBe('Are you a man, a woman, or another way?');
    expect(en['scales.gender_adult.male']).toBe('Man');
    expect(en['scales.gender.male']).toBe('Boy');
  });
});

describe('the locale checker', () => {
  it('finds nothing wrong with en.json compared with itself', () => {
    expect(localeProblems(en, en)).toEqual([]);
  });

  it('reports missing, empty and extra keys and a bad direction', () => {
    const other: Record<string, unknown> = {
      ...en,
      'meta.dir': 'sideways',
      'questions.pet': '  ',
      'questions.pets': 'x',
      'questions.pet_female': ' ',
      'questions.pets_female': 'x',
      'scales.yes_no.yes_nobody': 'x',
    };
    delete other['questions.age'];
    expect(localeProblems(en, other).sort()).toEqual([
      'meta.dir: expected ltr or rtl',
      'questions.age: missing',
      'questions.pet: not a non-empty string',
      'questions.pet_female: not a non-empty string',
      'questions.pets: not in en.json',
      'questions.pets_female: not in en.json',
      'scales.yes_no.yes_nobody: not in en.json',
    ]);
  });

  it('takes a girl\'s wording of a key, and an answer worded for a question, as variants of English keys', () => {
    const other = { ...en, 'questions.pet_female': 'x', 'scales.yes_no.yes_pet': 'Oes', 'scales.yes_no_unsure.not_sure_female': 'x', 'scales.yes_no.no_pet_female': 'x' };
    expect(localeProblems(en, other)).toEqual([]);
  });
});

describe('every other locale file', () => {
  const others = localeFiles.filter((f) => f !== 'en.json');

  it('is named by a language tag', () => {
    expect(localeFiles.filter((f) => !/^[a-z]{2,3}(-[A-Z]{2})?\.json$/.test(f))).toEqual([]);
  });

  it('has every key en.json has, as non-empty text, and no others', () => {
    const problems = Object.fromEntries(
      others.map((file) => [file, localeProblems(en, readLocale(file))] as const).filter(([, p]) => p.length > 0),
    );
    expect(problems).toEqual({});
  });
});

describe('the time-in-care answers', () => {
  // "1 to 2 years" and "2 to 5 years" both held a child in care for exactly 2 years (issue 15). The answer ids
  // stay (answers given before mean the same: 2 years was always meant to count as "2 to 5"), so the wording
  // changed, not the instrument: [0, 1), [1, 2), [2, 5], more than 5.
  it('do not overlap, in any language', () => {
    expect(['under_1_year', '1_to_2_years', '2_to_5_years', 'over_5_years'].map((o) => en[`scales.time_in_care.${o}`])).toEqual([
      'Less than 1 year',
      '1 year, but less than 2',
      '2 to 5 years',
      'More than 5 years',
    ]);
    // Each other language says "less than" 2 years (Welsh "llai", Arabic "أقل").
    const lessThan: Record<string, string> = { 'cy.json': 'llai na 2', 'ar.json': 'أقل من سنتين' };
    expect(Object.keys(lessThan).sort()).toEqual(localeFiles.filter((f) => f !== 'en.json'));
    for (const [file, words] of Object.entries(lessThan)) expect(readLocale(file)['scales.time_in_care.1_to_2_years'], file).toContain(words);
  });
});

describe('instrumentKeys', () => {
  const byId = (id: string) => BUILT_IN_INSTRUMENTS.find((i) => i.id === id)!;

  it('lists the title, each question text and each answer label, once each', () => {
    const keys = instrumentKeys(byId('ylbc-16-25'));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys[0]).toBe('instruments.ylbc-16-25.title');
    expect(keys).toContain('questions.age');
    expect(keys).toContain('questions.make_life_better');
    expect(keys).toEqual(expect.arrayContaining(['scales.lonely5.often_always', 'scales.lonely5.never']));
  });

  it('uses a question\'s own label prefix instead of the scale\'s', () => {
    const keys = instrumentKeys(byId('ylbc-16-25'));
    expect(keys.filter((k) => k.startsWith('scales.gender'))).toEqual([
      'scales.gender_adult.male',
      'scales.gender_adult.female',
      'scales.gender_adult.another_way',
      'scales.gender_adult.prefer_not_to_say',
    ]);
  });

  it('gives integer scales end labels, and happy5 a label for each face', () => {
    expect(instrumentKeys(byId('ylyc-11-17')).filter((k) => k.startsWith('scales.scale0_10'))).toEqual([
      'scales.scale0_10.min',
      'scales.scale0_10.max',
    ]);
    expect(instrumentKeys(byId('ylyc-8-11')).filter((k) => k.startsWith('scales.happy5'))).toEqual([
      'scales.happy5.min',
      'scales.happy5.max',
      'scales.happy5.1',
      'scales.happy5.2',
      'scales.happy5.3',
      'scales.happy5.4',
      'scales.happy5.5',
    ]);
  });

  it('gives age and text questions no answer labels', () => {
    const keys = instrumentKeys(byId('ylyc-4-7'));
    expect(keys.filter((k) => k.startsWith('scales.age') || k.startsWith('scales.text'))).toEqual([]);
  });
});

describe('flattenLocale', () => {
  it('flattens nested objects and keeps flat dotted keys', () => {
    expect(flattenLocale({ a: { b: 'x', c: { d: 'y' } }, 'e.f': 'z', g: true })).toEqual({
      'a.b': 'x',
      'a.c.d': 'y',
      'e.f': 'z',
      g: true,
    });
  });
});
