// The child app's pure parts, in Node: retry delays, codes and ids, the
// order of screens, the language list, and that every word it shows has a
// key in the locale files.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET as SERVER_ALPHABET, normaliseAccessCode } from '../../server/access-code.js';
import { currentInstrument } from '../../surveys/index.js';
import { flattenLocale } from '../../surveys/i18n-keys.js';
import { BASE_DELAY_MS, MAX_DELAY_MS, retryDelay } from '../../web/survey/backoff.js';
import { CODE_ALPHABET, hasNeverUsed, newResponseId, normaliseCode } from '../../web/survey/code.js';
import { asksAge, forAdults, instrumentsForAge, move, progress, prune, steps } from '../../web/survey/flow.js';
import { parseQuestionnaireFile } from '../../surveys/questionnaire-file.js';
import { toInstrument } from '../../surveys/questionnaire.js';
import { LOCALES } from '../../web/survey/locales.js';

const locale = (code: string) =>
  flattenLocale(JSON.parse(readFileSync(new URL(`../../surveys/locales/${code}.json`, import.meta.url), 'utf8')));

describe('retryDelay', () => {
  it('doubles from one second, with up to half of it random, and stops growing at a minute', () => {
    expect(retryDelay(0, () => 0)).toBe(BASE_DELAY_MS / 2);
    expect(retryDelay(0, () => 1)).toBe(BASE_DELAY_MS);
    expect(retryDelay(3, () => 0)).toBe(4000);
    expect(retryDelay(3, () => 1)).toBe(8000);
    expect(retryDelay(30, () => 1)).toBe(MAX_DELAY_MS);
    expect(retryDelay(30, () => 0)).toBe(MAX_DELAY_MS / 2);
  });
});

describe('codes and ids', () => {
  it('reads codes exactly as the server does', () => {
    expect(CODE_ALPHABET).toBe(SERVER_ALPHABET);
    for (const input of ['abcd-efgh', ' ABCD EFGH ', 'ABCDEFG', 'ABCD-EFG0', 'abcdefgh2', 'wxyz-2345', 'AB-CD-EF-GH'])
      expect(normaliseCode(input)).toBe(normaliseAccessCode(input));
  });

  it('reads a code typed on another keyboard or copied from the hint, and names the look-alikes codes never use', () => {
    // Arabic-Indic digits, a non-breaking hyphen (as the hint writes the example), an en dash, full-width letters.
    expect(normaliseCode('wxyz\u2011\u0662\u0663\u0664\u0665')).toBe('WXYZ2345');
    expect(normaliseCode('WXYZ\u20132345')).toBe('WXYZ2345');
    expect(normaliseCode('\uFF37\uFF38\uFF39\uFF3A2345')).toBe('WXYZ2345');
    // O and 0, I, 1 and L are never in a code (both of each pair are left out): no reading of them is a code.
    for (const typo of ['WXYO-2345', 'WXY0-2345', 'WXYI-2345', 'WXY1-2345', 'wxyl-2345']) {
      expect(normaliseCode(typo)).toBeNull();
      expect(hasNeverUsed(typo)).toBe(true);
    }
    expect(hasNeverUsed('ABC')).toBe(false);
    expect(hasNeverUsed('WXYZ-2345')).toBe(false);
  });

  it('makes v4 UUIDs', () => {
    const ids = new Set(Array.from({ length: 50 }, newResponseId));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('the order of screens', () => {
  const i47 = currentInstrument('ylyc-4-7')!;
  const i811 = currentInstrument('ylyc-8-11')!;

  it('puts the adult first in 4-7, then a handover, then the child, then the review', () => {
    const all = steps(i47, { age: 5 });
    expect(all.slice(0, 5)).toEqual([
      { kind: 'adult-intro' },
      { kind: 'question', id: 'gender' },
      { kind: 'question', id: 'placement' },
      { kind: 'question', id: 'time_in_care' },
      { kind: 'handover' },
    ]);
    expect(all.at(-1)).toEqual({ kind: 'review' });
    // One count across the hand-over: 3 adult questions, then the child's 13.
    expect(progress(i47, 'placement')).toEqual({ current: 2, total: 16 });
    expect(progress(i47, 'sw_know')).toEqual({ current: 4, total: 16 });
    // sw_trust, hidden when the child does not know their social worker, still counts: the total never moves.
    expect(progress(i47, 'carer_trust')).toEqual({ current: 6, total: 16 });
  });

  it('asks no adult part and never asks age again from 8', () => {
    const all = steps(i811, { age: 9 });
    expect(all[0]).toEqual({ kind: 'question', id: 'gender' });
    expect(all.some((s) => s.kind === 'question' && s.id === 'age')).toBe(false);
    expect(all.filter((s) => s.kind !== 'question')).toEqual([{ kind: 'review' }]);
  });

  it('follows conditions and drops answers a changed answer hides', () => {
    expect(move(i811, { age: 9, sw_know: 'no' }, { kind: 'question', id: 'sw_know' }, 1)).toEqual({ kind: 'question', id: 'sw_alone' });
    expect(move(i811, { age: 9, sw_know: 'not_sure' }, { kind: 'question', id: 'sw_know' }, 1)).toEqual({ kind: 'question', id: 'sw_trust' });
    expect(prune(i811, { age: 9, sw_know: 'no', sw_trust: 'never', pet: 'yes' })).toEqual({ age: 9, sw_know: 'no', pet: 'yes' });
  });

  it('asks local questions after every core question, counted on from the core', () => {
    const core = currentInstrument('ylyc-11-17')!;
    const file = parseQuestionnaireFile({
      id: 'our-local',
      version: 1,
      title: { en: 'Our questions' },
      audience: 'young_people',
      locales: ['en'],
      extends: { instrument: 'ylyc-11-17', version: 1 },
      questions: [{ id: 'youth_club', type: 'agree5', text: { en: 'The youth club is good' } }],
    });
    if (!file.ok) throw new Error(JSON.stringify(file.problems));
    const local = toInstrument(file.file, core);
    const questions = steps(local, { age: 14 }).filter((s) => s.kind === 'question');
    expect(questions.at(-1)).toEqual({ kind: 'question', id: 'youth_club' });
    expect(questions.slice(0, -1)).toEqual(steps(core, { age: 14 }).filter((s) => s.kind === 'question'));
    const asked = core.questions.length - 1; // all but the age, asked at the start
    expect(progress(local, 'youth_club')).toEqual({ current: asked + 1, total: asked + 1 });
  });

  it('asks the age on the start screen only for rounds with ages, and speaks to adults as adults', () => {
    const staff = { audience: 'adults', minAge: 0, maxAge: 0 };
    expect(asksAge({ instruments: [staff] })).toBe(false);
    expect(forAdults({ instruments: [staff] })).toBe(true);
    const ylyc = [currentInstrument('ylyc-4-7')!, currentInstrument('ylyc-11-17')!];
    expect(asksAge({ instruments: ylyc })).toBe(true);
    expect(forAdults({ instruments: ylyc })).toBe(false);
  });

  it('offers both surveys at 11 in ylyc, younger first', () => {
    const wave = [currentInstrument('ylyc-11-17')!, i811, i47];
    expect(instrumentsForAge(wave, 11).map((i) => i.id)).toEqual(['ylyc-8-11', 'ylyc-11-17']);
    expect(instrumentsForAge(wave, 7).map((i) => i.id)).toEqual(['ylyc-4-7']);
    expect(instrumentsForAge(wave, 18)).toEqual([]);
  });
});

describe('languages', () => {
  it('offers every locale file, named in its own language, with its direction', () => {
    const files = readdirSync(new URL('../../surveys/locales/', import.meta.url)).filter((f) => f.endsWith('.json'));
    expect(LOCALES.map((l) => `${l.code}.json`).sort()).toEqual(files.sort());
    for (const l of LOCALES) {
      const m = locale(l.code);
      expect([m['meta.nativeName'], m['meta.dir']]).toEqual([l.nativeName, l.dir]);
    }
  });

  it('marks the translations no native speaker has checked', () => {
    expect(locale('cy')['meta.reviewedByNativeSpeaker']).toBe(false);
    expect(locale('ar')['meta.reviewedByNativeSpeaker']).toBe(false);
  });

  it('has a key in en.json for every string the app shows', () => {
    const dir = new URL('../../web/survey/', import.meta.url);
    const sources = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f));
    const used = new Set<string>();
    for (const f of sources)
      for (const m of readFileSync(new URL(f, dir), 'utf8').matchAll(/\bt\(\s*'([a-z0-9_.-]+)'/gi)) used.add(m[1]!);
    // Keys built at run time: the refusal messages (screens/End.tsx).
    for (const s of ['400', '403', '404', '409', '413', 'other']) used.add(`survey.rejected_${s}`);
    expect(used.size).toBeGreaterThan(40);
    const en = locale('en');
    expect([...used].filter((k) => typeof en[k] !== 'string')).toEqual([]);
  });
});
