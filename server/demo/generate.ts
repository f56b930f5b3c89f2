// Fills an empty database with the demo: real English authorities, survey
// rounds from 2019 to 2025, looked-after populations, and responses drawn
// from answer-model.ts. Deterministic: the same seed gives the same data.
import type SQLite from 'better-sqlite3';
import { programmeInstruments, validateAnswers, type Band } from '../../surveys/index.js';
import { generateAccessCode } from '../access-code.js';
import { ResponseStore, type NewResponse } from '../repos/responses.js';
import { drawAnswers } from './answer-model.js';
import { ENGLISH_AUTHORITIES, SMALL_DEMO_CODES, type DemoAuthority } from './authorities.js';
import { seeded, type Random } from './random.js';

export type DemoScale = 'small' | 'national';

export interface DemoSummary {
  authorities: number;
  waves: number;
  responses: number;
}

/** Survey rounds an authority may run: yearly, or every other year. */
const CADENCES = [
  ['2019', '2021', '2023', '2025'],
  ['2020', '2022', '2024', '2025'],
  ['2019', '2020', '2021', '2022', '2023', '2024', '2025'],
];
const EVERY_YEAR = CADENCES[2]!;

/** Share of an authority's looked-after children in each band (11 counts in 8-11 here), and care leavers per child in care. */
const BAND_SHARE: Record<Band, number> = { '4-7': 0.16, '8-11': 0.2, '11-17': 0.54, '16-25': 0.8 };

interface AuthorityPlan extends DemoAuthority {
  periods: string[];
  /** How much better than average its children's answers are (logit scale). */
  level: number;
  /** Change in level from one wave to the next: some improve clearly, a few decline. */
  trend: number;
  lookedAfter: number;
}

function plan(scale: DemoScale, rnd: Random): AuthorityPlan[] {
  const chosen =
    scale === 'small'
      ? SMALL_DEMO_CODES.map((c) => ENGLISH_AUTHORITIES.find((a) => a.code === c)!)
      : ENGLISH_AUTHORITIES;
  return chosen.map((a, i) => {
    const kind = rnd.next();
    return {
      ...a,
      periods: scale === 'national' ? EVERY_YEAR : CADENCES[i % CADENCES.length]!,
      level: 0.3 * rnd.normal(),
      // The first two of the small demo (Doncaster, Middlesbrough) are the improvers to look at.
      trend: (scale === 'small' && i < 2) || kind < 0.3 ? 0.3 : kind > 0.9 ? -0.15 : 0,
      // Median 490 and this spread: about 84,000 over the 151 authorities, England's total.
      lookedAfter: Math.round(Math.exp(Math.log(490) + 0.5 * rnd.normal())),
    };
  });
}

function dateBetween(rnd: Random, from: string, days: number): string {
  const d = new Date(`${from}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + rnd.int(0, days));
  return d.toISOString().slice(0, 10);
}

export function fillDemo(
  sqlite: SQLite.Database,
  opts: { scale: DemoScale; seed: number; onProgress?: (doneWaves: number, totalWaves: number) => void },
): DemoSummary {
  const rnd = seeded(opts.seed);
  const authorities = plan(opts.scale, rnd);
  const insertAuthority = sqlite.prepare('INSERT INTO authorities (code, name, region, contact) VALUES (?, ?, ?, ?) RETURNING id');
  const insertWave = sqlite.prepare(
    `INSERT INTO waves (authority_id, programme, period, opens_on, closes_on, access_code)
     VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
  );
  const insertPopulation = sqlite.prepare('INSERT INTO wave_populations (wave_id, band, population) VALUES (?, ?, ?)');
  const store = new ResponseStore(sqlite);
  const latest = (a: AuthorityPlan) => a.periods.at(-1)!;
  const totalWaves = authorities.reduce((n, a) => n + a.periods.length * 2, 0);
  const summary: DemoSummary = { authorities: authorities.length, waves: 0, responses: 0 };

  for (const a of authorities) {
    // One transaction per authority: all of it or none, and progress to show between them.
    sqlite.transaction(() => {
      // Numbers from Ofcom's range kept for drama, so no real line is printed on a demo help screen.
      // Only the number: the survey already says "contact children's services at <authority>: <contact>".
      const contact = `01632 960${String(authorities.indexOf(a)).padStart(3, '0')}`;
      const { id: authorityId } = insertAuthority.get(a.code, a.name, a.region, contact) as { id: number };
      a.periods.forEach((period, waveIndex) => {
        for (const programme of ['ylyc', 'ylbc'] as const) {
          const opens = `${period}-01-10`;
          // The latest round is still open, so the demo has a survey children can take.
          const open = period === latest(a);
          // Drawn from the seed too, so the same seed gives the same codes (a demo is not a real survey).
          const code = generateAccessCode((n) => rnd.int(0, n - 1));
          const { id: waveId } = insertWave.get(authorityId, programme, period, opens, open ? null : `${period}-03-31`, code) as {
            id: number;
          };
          const batch: NewResponse[] = [];
          for (const inst of programmeInstruments(programme)) {
            const population = Math.max(5, Math.round(a.lookedAfter * BAND_SHARE[inst.band]! * (0.9 + 0.2 * rnd.next())));
            insertPopulation.run(waveId, inst.band, population);
            const rate = 0.2 + 0.4 * rnd.next();
            const effect = a.level + a.trend * waveIndex;
            for (let i = Math.round(population * rate); i > 0; i--) {
              const answers = drawAnswers(inst, rnd, effect + 0.2 * rnd.normal());
              const valid = validateAnswers(inst, answers);
              if (!valid.ok) throw new Error(`demo drew an invalid response: ${JSON.stringify(valid.issues)}`);
              batch.push({
                uuid: rnd.uuid(),
                waveId,
                instrument: inst.id,
                version: inst.version,
                band: inst.band,
                submittedOn: dateBetween(rnd, opens, 75),
                answers: valid.answers,
              });
            }
          }
          store.storeBatch(batch);
          summary.responses += batch.length;
          summary.waves++;
        }
      });
    }).immediate();
    opts.onProgress?.(summary.waves, totalWaves);
  }
  return summary;
}
