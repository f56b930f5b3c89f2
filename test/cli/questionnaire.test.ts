// hearme questionnaire add | list | show, versions that never change once
// answered, and rounds of a council's questionnaire: the command line
// (in-process, and the built bin for a refused file) against a real SQLite
// file that a real app (app.inject) serves from.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../helpers/app.js';
import { query, runCli } from '../helpers/cli.js';
import { HEARME_BIN, runToEnd } from '../helpers/server-process.js';

const EXAMPLE_PATH = new URL('../../docs/examples/questionnaire-bh-staff.json', import.meta.url);
const EXAMPLE = JSON.parse(readFileSync(EXAMPLE_PATH, 'utf8'));

let t: TestApp;
let env: { DATABASE_PATH: string };
beforeAll(async () => {
  t = await testApp();
  env = { DATABASE_PATH: t.config.databasePath };
  expect((await runCli(['authority', 'add', '--code', 'E06000043', '--name', 'Brighton and Hove'], env)).code).toBe(0);
  expect((await runCli(['authority', 'add', '--code', 'E06000002', '--name', 'Middlesbrough'], env)).code).toBe(0);
});
afterAll(() => t.close());

/** Writes a questionnaire file into the test folder and returns its path. */
function file(name: string, value: unknown): string {
  const path = join(t.dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

const rows = (id: string) => query<{ version: number; authority_id: number | null; hash: string }>(t.config.databasePath, 'SELECT version, authority_id, hash FROM questionnaires WHERE id = ? ORDER BY version', id);

describe('hearme questionnaire add', () => {
  it('stores the issue’s example for everyone and prints {"id","version"}; the same file again changes nothing', async () => {
    const r = await runCli(['questionnaire', 'add', file('staff.json', EXAMPLE)], env);
    expect(r).toEqual({ code: 0, stdout: '{"id":"bh-staff","version":1}\n', stderr: '' });
    const [row] = rows('bh-staff');
    expect(row).toMatchObject({ version: 1, authority_id: null });
    expect(row!.hash).toMatch(/^[0-9a-f]{64}$/);
    // The same definition with its keys in another order is the same file.
    const reordered = Object.fromEntries(Object.entries(EXAMPLE).reverse());
    expect((await runCli(['questionnaire', 'add', file('again.json', reordered)], env)).stdout).toBe('{"id":"bh-staff","version":1}\n');
    expect(rows('bh-staff')).toEqual([row]);
  });

  // Node runs the built bin, as the other tests do: only test/cli/bin.test.ts makes it executable, as npm link would.
  it('the built bin refuses an invalid file with every problem and its JSON path (exit 2), storing nothing', () => {
    const bad = structuredClone(EXAMPLE);
    bad.id = 'bh-carers';
    bad.locales = ['en', 'cy'];
    bad.title.cy = 'Arolwg';
    const r = runToEnd(process.execPath, [HEARME_BIN, 'questionnaire', 'add', file('bad.json', bad)], { LOG_LEVEL: 'silent', ...env }, t.dir);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^hearme questionnaire add: .*bad\.json refused:$/);
    expect(lines).toHaveLength(1 + 7);
    expect(lines).toContain('$.questions[0].text.cy: missing translation for cy');
    expect(lines).toContain('$.questions[0].options[0].text.cy: missing translation for cy');
    expect(lines).toContain('$.indicators[0].label.cy: missing translation for cy');
    expect(rows('bh-carers')).toEqual([]);
  });

  it('refuses what is not JSON, an unknown authority and an unknown core instrument (exit 2)', async () => {
    const notJson = await runCli(['questionnaire', 'add', file('x.json', '{"id": ')], env);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/is not JSON/);
    const noAuthority = await runCli(['questionnaire', 'add', file('s.json', EXAMPLE), '--authority', 'E09000001'], env);
    expect(noAuthority).toMatchObject({ code: 2, stderr: expect.stringMatching(/no authority E09000001/) });
    const local = { ...EXAMPLE, id: 'bh-local', audience: 'young_people', extends: { instrument: 'ylyc-11-17', version: 9 } };
    const noCore = await runCli(['questionnaire', 'add', file('l.json', local)], env);
    expect(noCore).toMatchObject({ code: 2, stderr: expect.stringContaining('$.extends: no instrument ylyc-11-17 version 9') });
    expect(rows('bh-local')).toEqual([]);
  });
});

describe('versions, ownership and rounds', () => {
  const owned = { ...EXAMPLE, id: 'bh-carers', title: { en: 'Carers’ survey' } };

  it('an authority’s questionnaire opens rounds for that authority only; an unknown programme is refused', async () => {
    expect((await runCli(['questionnaire', 'add', file('c.json', owned), '--authority', 'E06000043'], env)).code).toBe(0);
    expect(rows('bh-carers')).toEqual([expect.objectContaining({ version: 1, authority_id: 1 })]);
    const wave = await runCli(['wave', 'create', '--authority', 'E06000043', '--programme', 'bh-carers', '--period', '2025'], env);
    expect(wave.stderr).toBe('');
    expect(query(t.config.databasePath, 'SELECT programme, period FROM waves')).toEqual([{ programme: 'bh-carers', period: '2025' }]);
    const other = await runCli(['wave', 'create', '--authority', 'E06000002', '--programme', 'bh-carers', '--period', '2025'], env);
    expect(other).toMatchObject({ code: 2, stderr: expect.stringMatching(/bh-carers belongs to another authority/) });
    const unknown = await runCli(['wave', 'create', '--authority', 'E06000002', '--programme', 'nobody', '--period', '2025'], env);
    expect(unknown).toMatchObject({ code: 2, stderr: expect.stringMatching(/--programme: unknown programme nobody/) });
    // Another authority may not take it over either.
    const takeOver = await runCli(['questionnaire', 'add', file('c2.json', owned), '--authority', 'E06000002'], env);
    expect(takeOver).toMatchObject({ code: 2, stderr: expect.stringContaining('$.id: bh-carers belongs to another authority') });
  });

  it('a version nobody answered may be corrected; once answered it never changes, and the next version is added beside it', async () => {
    const corrected = { ...owned, title: { en: 'Foster carers’ survey' } };
    expect((await runCli(['questionnaire', 'add', file('c3.json', corrected), '--authority', 'E06000043'], env)).code).toBe(0);
    const before = rows('bh-carers');
    expect(before).toHaveLength(1);

    const { code } = JSON.parse((await runCli(['wave', 'create', '--authority', 'E06000043', '--programme', 'bh-carers', '--period', '2026'], env)).stdout);
    const answer = await t.app.inject({
      method: 'POST',
      url: '/api/responses',
      payload: { id: '6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b', code, instrument: 'bh-carers', version: 1, answers: { role: 'sw', time_for_children: 4 } },
    });
    expect(answer.statusCode).toBe(201);

    const changed = { ...corrected, title: { en: 'Kinship carers’ survey' } };
    const refused = await runCli(['questionnaire', 'add', file('c4.json', changed), '--authority', 'E06000043'], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('$.version: version 1 of bh-carers has answers and never changes; give the changed file version 2');
    expect(rows('bh-carers')).toEqual(before);

    const next = await runCli(['questionnaire', 'add', file('c5.json', { ...changed, version: 2 }), '--authority', 'E06000043'], env);
    expect(next.stdout).toBe('{"id":"bh-carers","version":2}\n');
    const shown = await runCli(['questionnaire', 'show', 'bh-carers', '--version', '1'], env);
    expect(JSON.parse(shown.stdout).title).toEqual({ en: 'Foster carers’ survey' });
    expect(JSON.parse((await runCli(['questionnaire', 'show', 'bh-carers'], env)).stdout)).toEqual({ ...changed, version: 2 });
    expect((await runCli(['questionnaire', 'show', 'bh-nothing'], env)).code).toBe(2);

    const list = (await runCli(['questionnaire', 'list'], env)).stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(list).toEqual([
      { id: 'bh-carers', version: 1, title: 'Foster carers’ survey', authority: 'E06000043', createdAt: expect.any(String), responses: 1 },
      { id: 'bh-carers', version: 2, title: 'Kinship carers’ survey', authority: 'E06000043', createdAt: expect.any(String), responses: 0 },
      { id: 'bh-staff', version: 1, title: "Social workers' survey", authority: null, createdAt: expect.any(String), responses: 0 },
    ]);
  });
});
