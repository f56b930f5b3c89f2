// hearme action add | update | list: what they print, what they refuse
// (exit 2 with the reason) and what they store in the SQLite file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, makeTempDir, query, removeTempDir, runCli } from '../helpers/cli.js';

let dir: string;
let db: { path: string; env: { DATABASE_PATH: string } };

const ADD = ['action', 'add', '--authority', 'E06000002', '--period', '2023', '--indicator', 'knows_social_worker'];
const WHAT = ['--pledge', 'Every child will know who their social worker is', '--owner', 'QA manager', '--due', '2024-03-31'];

beforeAll(async () => {
  dir = makeTempDir();
  db = freshDatabase(dir);
  expect((await runCli(['authority', 'add', '--code', 'E06000002', '--name', 'Middlesbrough'], db.env)).code).toBe(0);
  for (const period of ['2023', '2024']) expect((await runCli(['wave', 'create', '--authority', 'E06000002', '--period', period], db.env)).code).toBe(0);
  expect((await runCli(['wave', 'create', '--authority', 'E06000002', '--programme', 'ylbc', '--period', '2023'], db.env)).code).toBe(0);
});
afterAll(() => removeTempDir(dir));

const json = (stdout: string) => stdout.trimEnd().split('\n').map((l) => JSON.parse(l));

describe('hearme action add', () => {
  it('prints the action as JSON with its id, planned, and stores it against the round', async () => {
    const r = await runCli([...ADD, '--band', '8-11', ...WHAT], db.env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const [action] = json(r.stdout);
    expect(action).toMatchObject({
      id: expect.any(Number),
      authority: 'E06000002',
      programme: 'ylyc',
      period: '2023',
      indicator: 'knows_social_worker',
      band: '8-11',
      pledge: 'Every child will know who their social worker is',
      owner: 'QA manager',
      due: '2024-03-31',
      status: 'planned',
      notes: [],
    });
    const [row] = query<{ period: string; band: string; status: string }>(
      db.path,
      'SELECT waves.period, actions.band, actions.status FROM actions JOIN waves ON waves.id = actions.wave_id WHERE actions.id = ?',
      action.id,
    );
    expect(row).toEqual({ period: '2023', band: '8-11', status: 'planned' });
  });

  it('without --band, the action covers every band (band null)', async () => {
    const r = await runCli([...ADD, ...WHAT], db.env);
    expect(r.code).toBe(0);
    expect(json(r.stdout)[0].band).toBeNull();
  });

  it.each([
    [['--authority', 'E06000099'], /no authority E06000099/],
    [['--period', '2022'], /no ylyc round for E06000002 in 2022/],
    [['--indicator', 'likes_cake'], /--indicator: expected one of knows_social_worker/],
    [['--band', '5-9'], /--band: /],
    [['--band', '16-25'], /16-25 is not a band of ylyc/],
    [['--indicator', 'knows_personal_adviser'], /knows_personal_adviser is not an indicator of ylyc/],
    [['--indicator', 'same_social_worker', '--band', '4-7'], /same_social_worker is not asked in band 4-7/],
    [['--due', '2024-02-30'], /--due: not a real date/],
    [['--pledge', '  '], /--pledge: a pledge cannot be empty/],
  ])('refuses %j with exit 2 and the reason, storing nothing', async (change, reason) => {
    const before = query<{ n: number }>(db.path, 'SELECT count(*) AS n FROM actions')[0]!.n;
    const args = [...ADD, ...WHAT];
    for (let i = 0; i < change.length; i += 2) {
      const at = args.indexOf(change[i]!);
      if (at >= 0) args[at + 1] = change[i + 1]!;
      else args.push(change[i]!, change[i + 1]!);
    }
    const r = await runCli(args, db.env);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(reason);
    expect(query<{ n: number }>(db.path, 'SELECT count(*) AS n FROM actions')[0]!.n).toBe(before);
  });

  it('refuses a missing pledge, owner or due date', async () => {
    const r = await runCli([...ADD, '--owner', 'x', '--due', '2024-01-01'], db.env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--pledge/);
  });
});

describe('hearme action update and list', () => {
  it('changes status and due date, adds a note dated today, and lists one action a line', async () => {
    const added = json((await runCli([...ADD, '--programme', 'ylbc', '--indicator', 'knows_personal_adviser', ...WHAT], db.env)).stdout)[0];
    const r = await runCli(['action', 'update', '--id', String(added.id), '--status', 'in_progress', '--note', 'Contact sheets sent', '--due', '2024-06-30'], db.env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const updated = json(r.stdout)[0];
    const day = new Date();
    const today = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
    expect(updated).toMatchObject({ id: added.id, status: 'in_progress', due: '2024-06-30', notes: [{ date: today, text: 'Contact sheets sent', by: null }] });
    expect((await runCli(['action', 'update', '--id', String(added.id), '--status', 'done'], db.env)).code).toBe(0);

    const list = await runCli(['action', 'list', '--authority', 'e06000002'], db.env);
    expect(list.code).toBe(0);
    const all = json(list.stdout);
    expect(all.length).toBeGreaterThanOrEqual(3);
    expect(all.find((a) => a.id === added.id)).toMatchObject({ status: 'done', notes: [{ text: 'Contact sheets sent' }] });
    const ylbc = json((await runCli(['action', 'list', '--authority', 'E06000002', '--programme', 'ylbc', '--period', '2023'], db.env)).stdout);
    expect(ylbc.map((a) => a.id)).toEqual([added.id]);
    expect((await runCli(['action', 'list', '--authority', 'E06000002', '--period', '2024'], db.env)).stdout).toBe('');
  });

  it.each([
    [['--id', '9999', '--status', 'done'], /no action 9999/],
    [['--id', '1', '--status', 'finished'], /--status: /],
    [['--id', '1'], /give at least one of --status, --note, --due/],
    [['--id', 'x', '--note', 'y'], /--id: /],
  ])('update refuses %j with exit 2', async (args, reason) => {
    const r = await runCli(['action', 'update', ...args], db.env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(reason);
  });

  it('list refuses an unknown authority with exit 2', async () => {
    const r = await runCli(['action', 'list', '--authority', 'E06000099'], db.env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no authority E06000099/);
  });
});
