// The questionnaire file format: the example is valid, and each
// kind of mistake is reported with its JSON path.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonPath, parseQuestionnaireFile } from '../../surveys/questionnaire-file.js';
import { toInstrument } from '../../surveys/questionnaire.js';

const EXAMPLE = JSON.parse(readFileSync(new URL('../../docs/examples/questionnaire-bh-staff.json', import.meta.url), 'utf8'));

/** A copy of the example changed by `edit`. */
function changed(edit: (f: any) => void): unknown {
  const f = structuredClone(EXAMPLE);
  edit(f);
  return f;
}

/** The problems as "path: message". */
function problems(value: unknown): string[] {
  const r = parseQuestionnaireFile(value);
  return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
}

/** A carers' questionnaire in two languages, for the children audience tests. */
const CHILDREN = {
  id: 'kids-club',
  version: 2,
  title: { en: 'Club', cy: 'Clwb' },
  audience: 'children',
  minAge: 8,
  maxAge: 11,
  locales: ['en', 'cy'],
  questions: [
    { id: 'age', type: 'age', text: { en: 'How old are you?', cy: 'Faint yw dy oed di?' } },
    { id: 'club', type: 'yes_no', text: { en: 'Do you go to the club?', cy: 'Wyt ti’n mynd i’r clwb?' } },
    {
      id: 'club_fun',
      type: 'happy5',
      text: { en: 'How much fun is it?', cy: 'Faint o hwyl yw e?' },
      condition: { question: 'club', notIn: ['no'] },
    },
  ],
  indicators: [{ id: 'goes', label: { en: 'Goes', cy: 'Mynd' }, question: 'club', options: ['yes'], better: 'higher' }],
  scores: ['club_fun'],
};

describe('questionnaire file', () => {
  it('accepts the issue’s example (docs/examples/questionnaire-bh-staff.json)', () => {
    const r = parseQuestionnaireFile(EXAMPLE);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.file.id).toBe('bh-staff');
    expect(r.file.questions.map((q) => q.type)).toEqual(['options', 'agree5', 'agree5', 'text']);
    expect(r.file.scores).toEqual(['time_for_children', 'reflective_supervision']);
  });

  it('accepts a children’s questionnaire in two languages with a condition', () => {
    expect(problems(CHILDREN)).toEqual([]);
  });

  it('a missing translation for a listed locale is an error at its path', () => {
    const f = changed((f) => {
      f.locales = ['en', 'cy'];
      f.title.cy = 'Arolwg';
      for (const q of f.questions) q.text.cy = 'Cwestiwn';
      f.questions[0].options[0].text.cy = 'Gweithiwr';
      f.indicators[0].label.cy = 'Amser';
    });
    expect(problems(f)).toEqual(['$.questions[0].options[1].text.cy: missing translation for cy']);
  });

  it('text in a locale the file does not list is an error', () => {
    expect(problems(changed((f) => (f.questions[1].text.ar = 'نص')))).toEqual(['$.questions[1].text.ar: ar is not in locales']);
  });

  it('reports every problem of a file at once, each with its path', () => {
    const f = changed((f) => {
      f.version = 0;
      f.audience = 'parents';
      f.questions[2].type = 'agree7';
      f.indicators[0].better = 'more';
    });
    expect(problems(f).map((p) => p.split(':')[0])).toEqual(['$.version', '$.audience', '$.questions[2].type', '$.indicators[0].better']);
  });

  it('refuses unknown fields, a missing field and an empty text', () => {
    expect(problems(changed((f) => (f.colour = 'red')))).toEqual([expect.stringMatching(/^\$: .*colour/)]);
    expect(problems(changed((f) => delete f.title))).toEqual([expect.stringMatching(/^\$\.title: /)]);
    expect(problems(changed((f) => (f.questions[3].text.en = '  ')))).toEqual(['$.questions[3].text.en: empty text']);
  });

  it('ids: lower case, not a built-in’s prefix, each question once', () => {
    expect(problems(changed((f) => (f.id = 'BH Staff')))).toEqual([expect.stringMatching(/^\$\.id: expected a lower-case id/)]);
    expect(problems(changed((f) => (f.id = 'ylyc-local')))).toEqual([expect.stringMatching(/^\$\.id: ids starting ylyc-/)]);
    expect(problems(changed((f) => (f.questions[2].id = 'time_for_children')))).toEqual([
      '$.questions[2].id: question time_for_children appears twice',
      '$.scores[1]: reflective_supervision is not a question of this file',
    ]);
  });

  it('options: an options question lists at least two, each once; other types list none', () => {
    expect(problems(changed((f) => delete f.questions[0].options))).toEqual(['$.questions[0].options: an options question lists its options']);
    expect(problems(changed((f) => f.questions[0].options.pop()))).toEqual([
      '$.questions[0].options: an options question needs at least 2 options',
    ]);
    expect(problems(changed((f) => (f.questions[0].options[1].id = 'sw')))).toEqual(['$.questions[0].options[1].id: option sw appears twice']);
    expect(problems(changed((f) => (f.questions[1].options = f.questions[0].options)))).toEqual([
      '$.questions[1].options: only an options question has options (this one is agree5)',
    ]);
  });

  it('conditions: on a question asked before, with options, naming its options', () => {
    const on = (condition: unknown) => changed((f) => (f.questions[2].condition = condition));
    expect(problems(on({ question: 'role', notIn: ['pm'] }))).toEqual([]);
    expect(problems(on({ question: 'anything_else', notIn: ['x'] }))).toEqual([
      '$.questions[2].condition.question: anything_else is not asked before reflective_supervision',
    ]);
    expect(problems(on({ question: 'time_for_children', notIn: ['1'] }))).toEqual([
      '$.questions[2].condition.question: time_for_children has no options to depend on',
    ]);
    expect(problems(on({ question: 'role', notIn: ['pm', 'boss'] }))).toEqual([
      '$.questions[2].condition.notIn[1]: boss is not an option of role',
    ]);
  });

  it('audience: children give their ages and are asked their age; adults see no faces and no age', () => {
    const kids = structuredClone(CHILDREN) as any;
    delete kids.minAge;
    expect(problems(kids)).toEqual(['$.minAge: required for the children audience']);
    const noAge = structuredClone(CHILDREN) as any;
    noAge.questions.shift();
    expect(problems(noAge)).toEqual(['$.questions: a children’s questionnaire asks its age once (a question of type age)']);
    expect(problems(changed((f) => (f.questions[1].type = 'happy5')))).toEqual([
      '$.questions[1].type: happy5 is drawn as faces, which adults are not shown',
    ]);
    expect(problems(changed((f) => (f.minAge = 18)))).toEqual(['$.minAge: not for the adults audience']);
  });

  it('indicators: a counted question of the file, answers it has, ids once', () => {
    expect(problems(changed((f) => (f.indicators[0].options = [4, 6])))).toEqual([
      '$.indicators[0].options[1]: 6 is not an answer to time_for_children',
    ]);
    expect(problems(changed((f) => (f.indicators[0].options = ['4'])))).toEqual([
      '$.indicators[0].options[0]: 4 is not an answer to time_for_children',
    ]);
    expect(problems(changed((f) => (f.indicators[0].question = 'anything_else')))).toEqual([
      '$.indicators[0].question: anything_else is free text, which has no answers to count',
    ]);
    expect(problems(changed((f) => (f.indicators[0].question = 'workload')))).toEqual([
      '$.indicators[0].question: workload is not a question of this file',
    ]);
    expect(problems(changed((f) => f.indicators.push(f.indicators[0])))).toEqual(['$.indicators[1].id: indicator has_time appears twice']);
    expect(problems(changed((f) => (f.indicators = [{ ...f.indicators[0], question: 'role', options: ['sw'] }])))).toEqual([]);
  });

  it('scores: numeric questions of the file only', () => {
    expect(problems(changed((f) => (f.scores = ['role'])))).toEqual([
      '$.scores[0]: role is not on a numeric scale (agree5, happy5, scale0_10)',
    ]);
    expect(problems(changed((f) => (f.scores = ['nope'])))).toEqual(['$.scores[0]: nope is not a question of this file']);
  });

  it('scores: a plain id is higher-is-better; {"question", "better"} says which way, and becomes the instrument’s direction', () => {
    const lower = changed((f) => (f.scores = ['time_for_children', { question: 'reflective_supervision', better: 'lower' }]));
    expect(problems(lower)).toEqual([]);
    const r = parseQuestionnaireFile(lower);
    expect(r.ok && toInstrument(r.file)).toMatchObject({ scores: ['time_for_children', 'reflective_supervision'], scoreDirections: { time_for_children: 'higher', reflective_supervision: 'lower' } });
    expect(problems(changed((f) => (f.scores = [{ question: 'time_for_children', better: 'down' }])))).toEqual([
      '$.scores[0].better: Invalid option: expected one of "higher"|"lower"',
    ]);
    expect(problems(changed((f) => (f.scores = [{ question: 'role', better: 'lower' }])))).toEqual([
      '$.scores[0].question: role is not on a numeric scale (agree5, happy5, scale0_10)',
    ]);
    expect(problems(changed((f) => (f.scores = ['time_for_children', { question: 'time_for_children', better: 'lower' }])))).toEqual([
      '$.scores[1].question: time_for_children is listed twice',
    ]);
  });

  it('extends: a core instrument and version; not for adults, and the core asks the age', () => {
    const local = { ...structuredClone(CHILDREN), id: 'kids-local', extends: { instrument: 'ylyc-11-17', version: 1 }, minAge: 11, maxAge: 17 } as any;
    local.audience = 'young_people';
    expect(problems(local)).toEqual(['$.questions[0].type: the core instrument asks the age']);
    local.questions.shift();
    expect(problems(local)).toEqual([]);
    expect(problems(changed((f) => (f.extends = { instrument: 'ylyc-11-17', version: 1 })))).toEqual([
      '$.extends: local questions extend a children’s round, not an adults’ one',
    ]);
  });

  it('JSON paths: dots for names, brackets for indexes and odd keys', () => {
    expect(jsonPath([])).toBe('$');
    expect(jsonPath(['questions', 3, 'text', 'en'])).toBe('$.questions[3].text.en');
    expect(jsonPath(['a-b'])).toBe('$["a-b"]');
  });
});
