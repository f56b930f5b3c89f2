// A council's questionnaire through the public API, as the built-ins go:
// GET /api/waves/:code, GET /api/instruments/:id and POST /api/responses
// with the same statuses. The questionnaire is added by the command line
// while the app runs (no restart), against the same SQLite file.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../helpers/app.js';
import { query, runCli } from '../helpers/cli.js';

const EXAMPLE = JSON.parse(readFileSync(new URL('../../docs/examples/questionnaire-bh-staff.json', import.meta.url), 'utf8'));

let t: TestApp;
let code: string;
let closedCode: string;
beforeAll(async () => {
  t = await testApp();
  const env = { DATABASE_PATH: t.config.databasePath };
  const path = join(t.dir, 'staff.json');
  writeFileSync(path, JSON.stringify(EXAMPLE));
  expect((await runCli(['authority', 'add', '--code', 'E06000043', '--name', 'Brighton and Hove'], env)).code).toBe(0);
  expect((await runCli(['questionnaire', 'add', path, '--authority', 'E06000043'], env)).code).toBe(0);
  code = JSON.parse((await runCli(['wave', 'create', '--authority', 'E06000043', '--programme', 'bh-staff', '--period', '2025'], env)).stdout).code;
  closedCode = JSON.parse(
    (await runCli(['wave', 'create', '--authority', 'E06000043', '--programme', 'bh-staff', '--period', '2024', '--opens', '2024-01-01', '--closes', '2024-02-01'], env)).stdout,
  ).code;
});
afterAll(() => t.close());

const post = (payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/responses', payload });
const body = (answers: Record<string, unknown>, id = crypto.randomUUID(), over: Record<string, unknown> = {}) => ({
  id,
  code,
  instrument: 'bh-staff',
  version: 1,
  answers,
  ...over,
});

describe('a council questionnaire through the public API', () => {
  it('GET /api/waves/:code lists the questionnaire as the round’s one instrument, with its audience', async () => {
    const r = await t.app.inject({ url: `/api/waves/${code}` });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      programme: 'bh-staff',
      period: '2025',
      open: true,
      instruments: [{ id: 'bh-staff', version: 1, band: 'adults', audience: 'adults' }],
      // The questionnaire's languages, not every language of the app: the start screen offers only these.
      locales: ['en'],
    });
  });

  it('GET /api/instruments/:id serves its questions, own options, words and indicators', async () => {
    const r = await t.app.inject({ url: '/api/instruments/bh-staff' });
    expect(r.statusCode).toBe(200);
    const inst = r.json();
    expect(inst).toMatchObject({ id: 'bh-staff', version: 1, programme: 'bh-staff', audience: 'adults', locales: ['en'] });
    expect(inst.questions[0]).toEqual({
      id: 'role',
      scale: 'options',
      options: ['sw', 'pm'],
      labels: 'questionnaire.o.role',
      text: 'questionnaire.q.role',
      answeredBy: 'child',
      required: false,
    });
    expect(inst.strings.en['questionnaire.o.role.pm']).toBe('Practice manager');
    expect(inst.strings.en[inst.questions[1].text]).toBe('I have time to build relationships with the children I work with');
    expect(inst.scales).toEqual({ agree5: { kind: 'integer', min: 1, max: 5 }, text: { kind: 'text', maxLength: 1000 } });
    expect(inst.localIndicators).toEqual([{ id: 'has_time', direction: 'higher', label: 'questionnaire.i.has_time' }]);
    expect((await t.app.inject({ url: '/api/instruments/bh-staff?version=2' })).statusCode).toBe(404);
  });

  it('POST /api/responses stores answers (201), a retry is 200, a reused id with other answers 409', async () => {
    const id = crypto.randomUUID();
    const answers = { role: 'pm', time_for_children: 2, reflective_supervision: 5, anything_else: 'More admin support' };
    const first = await post(body(answers, id));
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({ id, status: 'stored' });
    expect((await post(body(answers, id))).json()).toEqual({ id, status: 'duplicate' });
    expect((await post(body({ ...answers, time_for_children: 3 }, id))).statusCode).toBe(409);
    // Stored as 1-5 and counted like any answer, free text uncounted.
    expect(query(t.config.databasePath, "SELECT question, value, n FROM answer_counts WHERE instrument = 'bh-staff' ORDER BY question")).toEqual([
      { question: 'reflective_supervision', value: '5', n: 1 },
      { question: 'role', value: 'pm', n: 1 },
      { question: 'time_for_children', value: '2', n: 1 },
    ]);
    expect(query(t.config.databasePath, "SELECT band, instrument_version FROM responses WHERE uuid = ?", id)).toEqual([{ band: 'adults', instrument_version: 1 }]);
  });

  it('answers off the questionnaire’s scales are 400 naming the question; other instruments and versions too; a closed round 403', async () => {
    const bad = await post(body({ role: 'boss', time_for_children: 6 }));
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('answers.role');
    expect(JSON.stringify(bad.json())).toContain('answers.time_for_children');
    expect((await post(body({ age: 9 }, undefined, { instrument: 'ylyc-8-11' }))).statusCode).toBe(400);
    const noVersion = await post(body({ role: 'sw' }, undefined, { version: 3 }));
    expect(noVersion.statusCode).toBe(400);
    expect(JSON.stringify(noVersion.json())).toContain('bh-staff has no version 3');
    expect((await post(body({ role: 'sw' }, undefined, { code: closedCode }))).statusCode).toBe(403);
  });
});
