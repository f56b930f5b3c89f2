// hearme demo: realistic, deterministic synthetic data in an empty database.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../server/auth/passwords.js';
import { DEMO_ACCOUNTS } from '../../server/demo/accounts.js';
import { COMMENTS, WORRYING_COMMENTS } from '../../server/demo/comments.js';
import { compileMatcher, loadWordList } from '../../server/safeguarding/matcher.js';
import { freshDatabase, makeTempDir, query, removeTempDir, runCli } from '../helpers/cli.js';
import { spawnHearme } from '../helpers/server-process.js';

let dir: string;
let first: ReturnType<typeof freshDatabase>;
let firstRun: Awaited<ReturnType<typeof runCli>>;
beforeAll(async () => {
  dir = makeTempDir();
  first = freshDatabase(dir, 'demo-a');
  firstRun = await runCli(['demo'], first.env);
}, 120_000);
afterAll(() => removeTempDir(dir));

/** A fingerprint of everything stored but nothing that depends on when it ran. */
function fingerprint(path: string): string {
  const tables = {
    authorities: 'SELECT code, name, region FROM authorities ORDER BY code',
    waves: 'SELECT authority_id, programme, period, opens_on, closes_on, access_code FROM waves ORDER BY id',
    populations: 'SELECT * FROM wave_populations ORDER BY wave_id, band',
    responses: 'SELECT uuid, wave_id, instrument, band, submitted_on, payload_hash FROM responses ORDER BY uuid',
    counts: 'SELECT * FROM answer_counts ORDER BY 1, 2, 3, 4',
  };
  const hash = createHash('sha256');
  for (const sql of Object.values(tables)) hash.update(JSON.stringify(query(path, sql)));
  return hash.digest('hex');
}

/** Share (0-100) of the answers to a question, over some instruments, that are among the values. */
function share(path: string, question: string, instruments: string[], values: string[]): number {
  const [row] = query<{ total: number; hits: number }>(
    path,
    `SELECT sum(n) AS total, sum(CASE WHEN value IN (${values.map(() => '?').join(',')}) THEN n ELSE 0 END) AS hits
     FROM answer_counts WHERE question = ? AND instrument IN (${instruments.map(() => '?').join(',')})`,
    ...values,
    question,
    ...instruments,
  );
  return (100 * row!.hits) / row!.total;
}

describe('hearme demo', () => {
  it('fills an empty database with the small demo and says what it made', () => {
    expect(firstRun.code).toBe(0);
    expect(firstRun.stdout).toMatch(/^demo: 7 authorities, \d+ survey rounds, \d+ responses in [\d.]+ s \(seed 2026\)/);
    const [{ n: responses }] = query<{ n: number }>(first.path, 'SELECT count(*) AS n FROM responses') as [{ n: number }];
    expect(responses).toBeGreaterThan(5000);
    expect(query(first.path, "SELECT name FROM authorities WHERE code = 'E06000002'")).toEqual([{ name: 'Middlesbrough' }]);
    // Every wave has a population per band of its instruments, and response rates between 20% and 60%.
    const rates = query<{ rate: number }>(
      first.path,
      `SELECT 1.0 * (SELECT count(*) FROM responses r WHERE r.wave_id = p.wave_id AND r.band = p.band) / p.population AS rate
       FROM wave_populations p`,
    );
    expect(rates.length).toBeGreaterThan(100);
    for (const { rate } of rates) {
      expect(rate).toBeGreaterThanOrEqual(0.18);
      expect(rate).toBeLessThanOrEqual(0.62);
    }
  });

  it('draws answers whose headline figures look like published ones', () => {
    const knows = share(first.path, 'sw_know', ['ylyc-8-11', 'ylyc-11-17'], ['yes']);
    const threeOrMore = share(first.path, 'sw_count', ['ylyc-11-17'], ['three_or_more']);
    const better = share(first.path, 'life_better', ['ylyc-8-11', 'ylyc-11-17', 'ylbc-16-25'], ['yes']);
    const low = share(first.path, 'life_satisfaction', ['ylyc-11-17', 'ylbc-16-25'], ['0', '1', '2', '3', '4']);
    console.log(`demo headlines: knows SW ${knows.toFixed(1)}%, 3+ SWs ${threeOrMore.toFixed(1)}%, life better ${better.toFixed(1)}%, low life satisfaction ${low.toFixed(1)}%`);
    expect(knows).toBeGreaterThan(82);
    expect(knows).toBeLessThan(92);
    expect(threeOrMore).toBeGreaterThan(18);
    expect(threeOrMore).toBeLessThan(32);
    expect(better).toBeGreaterThan(77);
    expect(better).toBeLessThan(89);
    expect(low).toBeGreaterThan(9);
    expect(low).toBeLessThan(19);
    const byGender = query<{ gender: string; mean: number }>(
      first.path,
      `SELECT g.value AS gender, avg(CAST(a.value AS INTEGER)) AS mean FROM answers a
       JOIN answers g ON g.response_id = a.response_id AND g.question = 'gender'
       WHERE a.question = 'life_satisfaction' AND g.value IN ('male', 'female') GROUP BY 1 ORDER BY 1`,
    );
    expect(byGender[0]!.mean).toBeLessThan(byGender[1]!.mean - 0.3); // girls lower than boys
  });

  it('has authorities that clearly improve between their first and last rounds', () => {
    const sameWorker = query<{ period: string; pct: number }>(
      first.path,
      `SELECT w.period, 100.0 * sum(CASE WHEN c.value = 'one' THEN c.n ELSE 0 END) / sum(c.n) AS pct
       FROM answer_counts c JOIN waves w ON w.id = c.wave_id JOIN authorities a ON a.id = w.authority_id
       WHERE a.code = 'E08000017' AND c.question = 'sw_count' GROUP BY w.id ORDER BY w.period`,
    );
    expect(sameWorker.length).toBeGreaterThanOrEqual(4);
    expect(sameWorker.at(-1)!.pct - sameWorker[0]!.pct).toBeGreaterThan(10);
  });

  it('writes some free text, a few of them worrying, and leaves the latest rounds open', () => {
    const texts = query<{ value: string }>(first.path, "SELECT value FROM answers WHERE question IN ('anything_else', 'make_care_better', 'make_life_better')");
    expect(texts.length).toBeGreaterThan(500);
    // The worrying ones are all caught by the shipped safeguarding list, and only they are.
    const list = compileMatcher(loadWordList(undefined));
    const caught = new Set(texts.filter((t) => list.find(t.value).length).map((t) => t.value));
    expect([...caught].sort()).toEqual([...WORRYING_COMMENTS].sort());
    expect(query(first.path, 'SELECT count(*) AS n FROM waves WHERE closes_on IS NULL')).toEqual([{ n: 14 }]); // 7 authorities × 2 programmes
  });

  it("writes each age's own kind of free text: no driving lessons or flats from 8-year-olds, no sleepovers from care leavers", () => {
    const texts = (instruments: string[]) =>
      new Set(
        query<{ value: string }>(
          first.path,
          `SELECT DISTINCT a.value FROM answers a JOIN responses r ON r.id = a.response_id
           WHERE a.question IN ('anything_else', 'make_care_better', 'make_life_better') AND r.instrument IN (${instruments.map(() => '?').join(',')})`,
          ...instruments,
        ).map((r) => r.value),
      );
    const young = texts(['ylyc-4-7', 'ylyc-8-11']);
    const leavers = texts(['ylbc-16-25']);
    expect(young.size).toBeGreaterThan(5);
    expect(leavers.size).toBeGreaterThan(5);
    for (const [got, pool] of [[young, COMMENTS.children], [texts(['ylyc-11-17']), COMMENTS.teenagers], [leavers, COMMENTS.careLeavers]] as const)
      for (const text of got) expect([...pool, ...WORRYING_COMMENTS]).toContain(text);
    for (const text of young) expect(text).not.toMatch(/drive|apprenticeship|job|flat|bills|college|PA\b/);
    for (const text of leavers) expect(text).not.toMatch(/sleepover|homework|nan|stay up|school trip|foster family/);
  });

  it('has a carers’ and a staff questionnaire run two years by three authorities, and local questions on Middlesbrough’s ylyc rounds', () => {
    const rounds = query<{ programme: string; periods: string; authorities: number; closed: number }>(
      first.path,
      `SELECT programme, group_concat(DISTINCT period) AS periods, count(DISTINCT authority_id) AS authorities, sum(closes_on IS NOT NULL) AS closed
       FROM waves WHERE programme IN ('demo-carers', 'demo-staff') GROUP BY programme ORDER BY programme`,
    );
    expect(rounds).toEqual([
      { programme: 'demo-carers', periods: '2024,2025', authorities: 3, closed: 6 },
      { programme: 'demo-staff', periods: '2024,2025', authorities: 3, closed: 6 },
    ]);
    // Mean agreement with "I have time to build relationships" per authority and year: low, as Brighton & Hove's was.
    const means = query<{ code: string; period: string; mean: number; n: number }>(
      first.path,
      `SELECT a.code, w.period, sum(c.value * c.n) * 1.0 / sum(c.n) AS mean, sum(c.n) AS n
       FROM answer_counts c JOIN waves w ON w.id = c.wave_id JOIN authorities a ON a.id = w.authority_id
       WHERE c.instrument = 'demo-staff' AND c.question = 'time_for_children' GROUP BY a.code, w.period ORDER BY a.code, w.period`,
    );
    expect(means).toHaveLength(6);
    for (const m of means) {
      expect(m.n).toBeGreaterThanOrEqual(10);
      expect(m.mean).toBeGreaterThan(1.8);
      expect(m.mean).toBeLessThan(4);
    }
    // Doncaster and Middlesbrough, the demo's improvers, are agreed with more in 2025 than in 2024.
    for (const code of ['E08000017', 'E06000002']) {
      const [y2024, y2025] = means.filter((m) => m.code === code);
      expect(y2025!.mean).toBeGreaterThan(y2024!.mean);
    }
    // Middlesbrough's local questions: stored with its ylyc 11-17 responses of 2024 and 2025, counted under their own id.
    const local = query<{ period: string; instrument: string; n: number }>(
      first.path,
      `SELECT w.period, r.instrument, count(*) AS n FROM responses r JOIN waves w ON w.id = r.wave_id
       WHERE r.local_instrument = 'demo-middlesbrough-local' GROUP BY w.period, r.instrument ORDER BY w.period`,
    );
    expect(local.map((l) => `${l.period} ${l.instrument}`)).toEqual(['2024 ylyc-11-17', '2025 ylyc-11-17']);
    expect(query(first.path, "SELECT DISTINCT question FROM answer_counts WHERE instrument = 'demo-middlesbrough-local' ORDER BY question")).toEqual([
      { question: 'know_advocate' },
      { question: 'things_to_do' },
    ]);
    expect(query(first.path, 'SELECT id, authority_id IS NULL AS everyone FROM questionnaires ORDER BY id')).toEqual([
      { id: 'demo-carers', everyone: 1 },
      { id: 'demo-middlesbrough-local', everyone: 0 },
      { id: 'demo-staff', everyone: 1 },
    ]);
  });

  it('creates a portal account of each role, with the password it prints', async () => {
    const users = query<{ email: string; role: string; password_hash: string }>(first.path, 'SELECT email, role, password_hash FROM users ORDER BY id');
    expect(users.map((u) => u.role)).toEqual(['programme_admin', 'authority_officer', 'viewer']);
    for (const [i, account] of DEMO_ACCOUNTS.entries()) {
      expect(users[i]!.email).toBe(account.email);
      expect(await verifyPassword(account.password, users[i]!.password_hash)).toBe(true);
    }
    const officerAuthorities = query(
      first.path,
      `SELECT a.code FROM user_authorities ua JOIN users u ON u.id = ua.user_id JOIN authorities a ON a.id = ua.authority_id
       WHERE u.role = 'authority_officer'`,
    );
    expect(officerAuthorities).toEqual([{ code: 'E06000002' }]);
  }, 60_000);

  it('gives the same data for the same seed, and other data for another', async () => {
    const again = freshDatabase(dir, 'demo-b');
    expect((await runCli(['demo'], again.env)).code).toBe(0);
    expect(fingerprint(again.path)).toBe(fingerprint(first.path));
    const other = freshDatabase(dir, 'demo-c');
    expect((await runCli(['demo', '--seed', '7'], other.env)).code).toBe(0);
    expect(fingerprint(other.path)).not.toBe(fingerprint(first.path));
  }, 120_000);

  it('refuses a database that holds data (exit 2), unless told --if-empty', async () => {
    const r = await runCli(['demo'], first.env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/already holds data/);
    // A second npm run demo keeps the data and says so.
    expect(await runCli(['demo', '--if-empty'], first.env)).toMatchObject({
      code: 0,
      stdout: `demo: ${first.path} already holds data: kept as it is (delete the file for a new demo)\n`,
    });
    expect((await runCli(['demo', '--scale', 'huge'], first.env)).code).toBe(2);
  });
});

describe('hearme demo closes the loop', () => {
  it('makes actions at the previous round of two authorities, shown before and after in their latest report', async () => {
    expect(firstRun.stdout).toContain("demo: 4 actions at the previous round of two authorities (in their latest report); the children's version of E06000002 2024 published in en, cy, ar");
    for (const [code, madeAt] of [
      ['E06000002', '2024'],
      ['E08000017', '2023'],
    ] as const) {
      const r = await runCli(['report', '--authority', code, '--period', '2025', '--format', 'json'], first.env);
      expect(r.code).toBe(0);
      const actions = JSON.parse(r.stdout).actions as { madeAt: string; before: { n: number } | null; after: { n: number } | null; pValue: number | null }[];
      expect(actions).toHaveLength(2);
      for (const a of actions) {
        expect(a.madeAt).toBe(madeAt);
        expect(a.before!.n).toBeGreaterThan(10);
        expect(a.after!.n).toBeGreaterThan(10);
        expect(a.pValue).not.toBeNull();
      }
    }
  });

  it("publishes Middlesbrough's children's version in en, cy and ar, words and pledges only", () => {
    const rows = query<{ band: string; locale: string; content: string; published_at: string | null }>(first.path, 'SELECT band, locale, content, published_at FROM children_results ORDER BY locale');
    expect(rows.map((r) => [r.band, r.locale, r.published_at !== null])).toEqual([
      ['11-17', 'ar', true],
      ['11-17', 'cy', true],
      ['11-17', 'en', true],
    ]);
    for (const r of rows) {
      const content = JSON.parse(r.content);
      expect(content.good.length).toBeGreaterThan(0);
      expect(content.pledges).toHaveLength(2);
      expect(JSON.stringify(content)).not.toMatch(/\d/);
    }
  });
});

describe('hearme demo --serve on a database it filled before', () => {
  /** Starts the built bin as npm run demo does, a second time; everything it printed once listening, then stops it. */
  async function welcome(): Promise<{ stdout: string; code: number | null }> {
    const child = spawnHearme(['demo', '--if-empty', '--serve'], { DATABASE_PATH: first.path, PORT: '0', PUBLIC_URL: 'https://hearme.example.org' });
    let stdout = '';
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (d) => {
        stdout += d;
        if (stdout.includes('Stop it with Ctrl+C.')) resolve();
      });
      void exited.then(() => reject(new Error(`demo exited early: ${stdout}${stderr}`)));
    });
    child.kill('SIGTERM');
    return { stdout, code: await exited };
  }

  it("says the data was kept, prints the child survey's link, the accounts and command lines that work on the demo's data", async () => {
    const { stdout, code } = await welcome();
    expect(code).toBe(0);
    expect(stdout).toContain(`demo: ${first.path} already holds data: kept as it is`);
    const url = /Hear Me demo is running at (http:\/\/127\.0\.0\.1:\d+)\n/.exec(stdout)![1]!;
    // The first open ylyc round: Doncaster's 2025, as on the first start.
    const [open] = query<{ access_code: string }>(
      first.path,
      "SELECT access_code FROM waves WHERE programme = 'ylyc' AND closes_on IS NULL ORDER BY id LIMIT 1",
    );
    const code8 = open!.access_code;
    // Children's link on PUBLIC_URL; the portal where this machine reaches it.
    expect(stdout).toContain(`A survey children can answer now: https://hearme.example.org/s/${code8.slice(0, 4)}-${code8.slice(4)} (Doncaster E08000017, 2025)\n`);
    expect(stdout).toContain(`The portal: ${url}/portal, with these demo accounts`);
    for (const a of DEMO_ACCOUNTS) expect(stdout).toContain(`${a.email}  password ${a.password}`);

    // Each printed command names the demo's database; run as printed, the report and the export work.
    const commands = stdout.split('\n').filter((l) => l.includes('npm run --silent hearme --'));
    expect(commands).toHaveLength(3);
    expect(commands[0]).toBe(`  DATABASE_PATH=${first.path} npm run --silent hearme -- report --authority E06000002 --period 2024 --out middlesbrough-2024.html`);
    for (const line of commands.slice(0, 2)) {
      const [, path, args, file] = /^ {2}DATABASE_PATH=(\S+) npm run --silent hearme -- (.*) --out (\S+)$/.exec(line)!;
      const r = await runCli([...args!.split(' '), '--out', `${dir}/${file}`], { DATABASE_PATH: path! });
      expect(r).toMatchObject({ code: 0, stdout: '' });
      expect(r.stderr).toMatch(/^(wrote|exported) .*\d+ responses/);
    }
  }, 60_000);

  it('gives each authority only its phone number as contact: the survey already names the authority and the service', () => {
    expect(query(first.path, "SELECT contact FROM authorities WHERE code = 'E08000017'")).toEqual([{ contact: '01632 960000' }]);
  });
});
