// hearme authority add and edit, wave create and wave population: what they print,
// and what they store, read back from the SQLite file with better-sqlite3.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWave, testApp } from '../helpers/app.js';
import { freshDatabase, makeTempDir, query, removeTempDir, runCli } from '../helpers/cli.js';

/** Eight characters in two groups of four, with no 0, O, 1, I or L. */
const ACCESS_CODE = /^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/;

let dir: string;
beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => removeTempDir(dir));

describe('hearme authority add', () => {
  it('stores the authority and prints it as JSON', async () => {
    const { path, env } = freshDatabase(dir);
    const r = await runCli(['authority', 'add', '--code', 'E06000002', '--name', 'Middlesbrough', '--region', 'North East'], env);
    expect(r).toEqual({
      code: 0,
      stdout: '{"code":"E06000002","name":"Middlesbrough","region":"North East","contact":null}\n',
      stderr: '',
    });
    expect(query(path, 'SELECT code, name, region FROM authorities')).toEqual([
      { code: 'E06000002', name: 'Middlesbrough', region: 'North East' },
    ]);
  });

  it('stores the code upper-cased and the name trimmed; the region is optional', async () => {
    const { path, env } = freshDatabase(dir);
    const r = await runCli(['authority', 'add', '--code', 'w06000015', '--name', '  Caerdydd (Cardiff)  '], env);
    expect(r.code).toBe(0);
    expect(query(path, 'SELECT code, name, region FROM authorities')).toEqual([
      { code: 'W06000015', name: 'Caerdydd (Cardiff)', region: null },
    ]);
  });
});

describe('hearme authority add --contact', () => {
  it("stores how children reach the council's children's services", async () => {
    const { path, env } = freshDatabase(dir);
    const r = await runCli(['authority', 'add', '--code', 'E06000002', '--name', 'Middlesbrough', '--contact', ' 01632 960001 '], env);
    expect(r.code).toBe(0);
    expect(query(path, 'SELECT contact FROM authorities')).toEqual([{ contact: '01632 960001' }]);
    const tooLong = await runCli(['authority', 'add', '--code', 'E06000003', '--name', 'Redcar', '--contact', 'x'.repeat(201)], env);
    expect(tooLong.code).toBe(2);
  });
});

describe('hearme authority edit', () => {
  it('changes only what is given; an empty --contact clears it', async () => {
    const { path, env } = freshDatabase(dir);
    await runCli(['authority', 'add', '--code', 'E06000002', '--name', 'Middlesbrough', '--region', 'North East', '--contact', '01632 960001'], env);
    const r = await runCli(['authority', 'edit', '--code', 'e06000002', '--contact', ' 01632 960002 '], env);
    expect(r).toEqual({
      code: 0,
      stdout: '{"code":"E06000002","name":"Middlesbrough","region":"North East","contact":"01632 960002"}\n',
      stderr: '',
    });
    expect((await runCli(['authority', 'edit', '--code', 'E06000002', '--contact', '', '--name', 'Middlesbrough Council'], env)).code).toBe(0);
    expect(query(path, 'SELECT code, name, region, contact FROM authorities')).toEqual([
      { code: 'E06000002', name: 'Middlesbrough Council', region: 'North East', contact: null },
    ]);
  });

  it('refuses an unknown authority, nothing to change, or an empty name, and changes nothing', async () => {
    const { path, env } = freshDatabase(dir);
    await runCli(['authority', 'add', '--code', 'E06000002', '--name', 'Middlesbrough'], env);
    for (const [args, reason] of [
      [['--code', 'E06000003', '--name', 'Redcar'], /no authority E06000003/],
      [['--code', 'E06000002'], /give at least one of --name, --region, --contact/],
      [['--code', 'E06000002', '--name', '  '], /--name: a name cannot be empty/],
    ] as const) {
      const r = await runCli(['authority', 'edit', ...args], env);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(reason);
    }
    expect(query(path, 'SELECT name, region, contact FROM authorities')).toEqual([{ name: 'Middlesbrough', region: null, contact: null }]);
  });

  it('a running server shows children the new contact at once', async () => {
    const t = await testApp();
    try {
      const { code, authorityCode } = await seedWave(t);
      expect((await t.app.inject(`/api/waves/${code}`)).json().authority.contact).toBeNull();
      const env = { DATABASE_PATH: t.config.databasePath };
      expect((await runCli(['authority', 'edit', '--code', authorityCode, '--contact', '01632 960123'], env)).code).toBe(0);
      expect((await t.app.inject(`/api/waves/${code}`)).json().authority.contact).toBe('01632 960123');
    } finally {
      await t.close();
    }
  });
});

describe('hearme wave create', () => {
  it('prints {"id","code"} with a code a child can type, and stores the wave', async () => {
    const { path, env } = freshDatabase(dir);
    await runCli(['authority', 'add', '--code', 'E06000002', '--name', 'Middlesbrough'], env);
    const r = await runCli(
      ['wave', 'create', '--authority', 'E06000002', '--period', '2024-25', '--opens', '2024-09-01', '--closes', '2025-03-31'],
      env,
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const printed = JSON.parse(r.stdout) as { id: number; code: string };
    expect(Object.keys(printed)).toEqual(['id', 'code']);
    expect(printed.id).toBe(1);
    expect(printed.code).toMatch(ACCESS_CODE);

    expect(
      query(
        path,
        `SELECT w.id, a.code AS authority, w.programme, w.period, w.opens_on, w.closes_on, w.access_code
           FROM waves w JOIN authorities a ON a.id = w.authority_id`,
      ),
    ).toEqual([
      {
        id: 1,
        authority: 'E06000002',
        programme: 'ylyc', // the default
        period: '2024-25',
        opens_on: '2024-09-01',
        closes_on: '2025-03-31',
        access_code: printed.code.replace('-', ''), // stored without the separator
      },
    ]);
  });

  it('without dates the wave has no bounds; --programme ylbc makes a care leavers wave', async () => {
    const { path, env } = freshDatabase(dir);
    await runCli(['authority', 'add', '--code', 'E06000002', '--name', 'Middlesbrough'], env);
    const r = await runCli(['wave', 'create', '--authority', 'E06000002', '--period', '2024', '--programme', 'ylbc'], env);
    expect(r.code).toBe(0);
    expect(query(path, 'SELECT programme, period, opens_on, closes_on FROM waves')).toEqual([
      { programme: 'ylbc', period: '2024', opens_on: null, closes_on: null },
    ]);
  });

  it('gives every wave its own code, none with a confusable character', async () => {
    const { path, env } = freshDatabase(dir);
    await runCli(['authority', 'add', '--code', 'E06000002', '--name', 'Middlesbrough'], env);
    const codes: string[] = [];
    for (let year = 2001; year <= 2025; year++)
      for (const programme of ['ylyc', 'ylbc']) {
        const r = await runCli(['wave', 'create', '--authority', 'E06000002', '--period', String(year), '--programme', programme], env);
        expect(r.code).toBe(0);
        codes.push((JSON.parse(r.stdout) as { code: string }).code);
      }
    // 25 years x 2 programmes
    expect(codes).toHaveLength(50);
    expect(new Set(codes).size).toBe(50);
    for (const code of codes) expect(code).toMatch(ACCESS_CODE);
    expect(query(path, 'SELECT count(*) AS n FROM waves')).toEqual([{ n: 50 }]);
  });
});

describe('hearme wave population', () => {
  it('stores the population of each band, and a band given again replaces its number', async () => {
    const { path, env } = freshDatabase(dir);
    await runCli(['authority', 'add', '--code', 'E06000002', '--name', 'Middlesbrough'], env);
    const wave = JSON.parse((await runCli(['wave', 'create', '--authority', 'E06000002', '--period', '2024'], env)).stdout) as {
      id: number;
    };

    const first = await runCli(
      ['wave', 'population', '--authority', 'E06000002', '--period', '2024', '--band', '4-7=120', '--band', '8-11=150', '--band', '11-17=310'],
      env,
    );
    expect(first).toEqual({
      code: 0,
      stdout: `{"wave":${wave.id},"population":{"4-7":120,"8-11":150,"11-17":310}}\n`,
      stderr: '',
    });

    const second = await runCli(['wave', 'population', '--authority', 'E06000002', '--period', '2024', '--band', '4-7=125'], env);
    expect(second.code).toBe(0);

    expect(query(path, 'SELECT wave_id, band, population FROM wave_populations ORDER BY band')).toEqual([
      { wave_id: wave.id, band: '11-17', population: 310 },
      { wave_id: wave.id, band: '4-7', population: 125 }, // replaced
      { wave_id: wave.id, band: '8-11', population: 150 }, // kept
    ]);
  });

  it('finds the wave by programme: the ylbc wave gets its own population', async () => {
    const { path, env } = freshDatabase(dir);
    await runCli(['authority', 'add', '--code', 'E06000002', '--name', 'Middlesbrough'], env);
    await runCli(['wave', 'create', '--authority', 'E06000002', '--period', '2024'], env);
    const leavers = JSON.parse(
      (await runCli(['wave', 'create', '--authority', 'E06000002', '--period', '2024', '--programme', 'ylbc'], env)).stdout,
    ) as { id: number };
    const r = await runCli(
      ['wave', 'population', '--authority', 'E06000002', '--period', '2024', '--programme', 'ylbc', '--band', '16-25=90'],
      env,
    );
    expect(r.code).toBe(0);
    expect(query(path, 'SELECT wave_id, band, population FROM wave_populations')).toEqual([
      { wave_id: leavers.id, band: '16-25', population: 90 },
    ]);
  });
});
