// Fills an empty database with the demo: real English authorities, survey
// rounds from 2019 to 2025, looked-after populations, and responses drawn
// from answer-model.ts. Deterministic: the same seed gives the same data.
import type SQLite from 'better-sqlite3';
import { programmeInstruments, registry, validateAnswers, type Band, type Instrument } from '../../surveys/index.js';
import { generateAccessCode } from '../access-code.js';
import type { DB } from '../db/database.js';
import { storeQuestionnaire } from '../repos/questionnaires.js';
import { ResponseStore, storedAs, type NewResponse } from '../repos/responses.js';
import { drawAnswers } from './answer-model.js';
import { ENGLISH_AUTHORITIES, SMALL_DEMO_CODES, type DemoAuthority } from './authorities.js';
import {
  CARERS_QUESTIONNAIRE,
  LOCAL_QUESTIONS,
  LOCAL_QUESTIONS_AUTHORITY,
  QUESTIONNAIRE_AUTHORITIES,
  QUESTIONNAIRE_PERIODS,
  STAFF_QUESTIONNAIRE,
} from './questionnaires.js';
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

/** Staff and carers asked per looked-after child, for the questionnaires' rounds. */
const ADULTS_PER_CHILD: Record<string, number> = { [STAFF_QUESTIONNAIRE.id]: 0.12, [CARERS_QUESTIONNAIRE.id]: 0.35 };

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

/**
 * The councils' questionnaires of the small demo (server/demo/questionnaires.ts), stored as
 * `hearme questionnaire add` stores them: the carers' and staff questionnaires for everyone,
 * the local questions for their authority.
 */
async function addDemoQuestionnaires(db: DB, authorityIds: ReadonlyMap<string, number>): Promise<void> {
  await storeQuestionnaire(db, STAFF_QUESTIONNAIRE, null);
  await storeQuestionnaire(db, CARERS_QUESTIONNAIRE, null);
  await storeQuestionnaire(db, LOCAL_QUESTIONS, authorityIds.get(LOCAL_QUESTIONS_AUTHORITY)!);
}

export async function fillDemo(
  sqlite: SQLite.Database,
  opts: {
    scale: DemoScale;
    seed: number;
    onProgress?: (doneWaves: number, totalWaves: number) => void;
    /** The same database through Kysely: the small demo adds councils' questionnaires through the one store. */
    db?: DB;
  },
): Promise<DemoSummary> {
  const rnd = seeded(opts.seed);
  const authorities = plan(opts.scale, rnd);
  const insertAuthority = sqlite.prepare('INSERT INTO authorities (code, name, region, contact) VALUES (?, ?, ?, ?) RETURNING id');
  // Numbers from Ofcom's range kept for drama, so no real line is printed on a demo help screen.
  // Only the number: the survey already says "contact children's services at <authority>: <contact>".
  const authorityIds = new Map(
    sqlite.transaction(() =>
      authorities.map((a, i) => {
        const contact = `01632 960${String(i).padStart(3, '0')}`;
        return [a.code, (insertAuthority.get(a.code, a.name, a.region, contact) as { id: number }).id] as const;
      }),
    ).immediate(),
  );
  const questionnaires = opts.scale === 'small' && opts.db !== undefined;
  if (questionnaires) await addDemoQuestionnaires(opts.db!, authorityIds);
  const insertWave = sqlite.prepare(
    `INSERT INTO waves (authority_id, programme, period, opens_on, closes_on, access_code)
     VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
  );
  const insertPopulation = sqlite.prepare('INSERT INTO wave_populations (wave_id, band, population) VALUES (?, ?, ?)');
  const store = new ResponseStore(sqlite);
  const latest = (a: AuthorityPlan) => a.periods.at(-1)!;
  const questionnaireRounds = questionnaires ? QUESTIONNAIRE_AUTHORITIES.length * QUESTIONNAIRE_PERIODS.length * 2 : 0;
  const totalWaves = authorities.reduce((n, a) => n + a.periods.length * 2, 0) + questionnaireRounds;
  const summary: DemoSummary = { authorities: authorities.length, waves: 0, responses: 0 };

  for (const a of authorities) {
    // One transaction per authority: all of it or none, and progress to show between them.
    sqlite.transaction(() => {
      const authorityId = authorityIds.get(a.code)!;
      /** Draws a round's responses to one instrument into `batch`, with the band's population. */
      const drawRound = (waveId: number, inst: Instrument, population: number, effect: number, opens: string, batch: NewResponse[]) => {
        insertPopulation.run(waveId, inst.band, population);
        const rate = 0.2 + 0.4 * rnd.next();
        for (let i = Math.round(population * rate); i > 0; i--) {
          const answers = drawAnswers(inst, rnd, effect + 0.2 * rnd.normal());
          const valid = validateAnswers(inst, answers);
          if (!valid.ok) throw new Error(`demo drew an invalid response: ${JSON.stringify(valid.issues)}`);
          batch.push({
            uuid: rnd.uuid(),
            waveId,
            // Local questions are stored as a response to their core instrument, naming them.
            ...storedAs(inst),
            band: inst.band,
            submittedOn: dateBetween(rnd, opens, 75),
            answers: valid.answers,
          });
        }
      };
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
          // From the questionnaires' years, an authority with local questions asks them in its rounds.
          const instruments =
            questionnaires && period >= QUESTIONNAIRE_PERIODS[0]! ? registry.roundInstruments(programme, authorityId) : programmeInstruments(programme);
          for (const inst of instruments) {
            const population = Math.max(5, Math.round(a.lookedAfter * BAND_SHARE[inst.band]! * (0.9 + 0.2 * rnd.next())));
            drawRound(waveId, inst, population, a.level + a.trend * waveIndex, opens, batch);
          }
          store.storeBatch(batch);
          summary.responses += batch.length;
          summary.waves++;
        }
      });
      // The carers' and staff questionnaires, both closed, so their reports compare this year with last.
      if (questionnaires && QUESTIONNAIRE_AUTHORITIES.includes(a.code))
        QUESTIONNAIRE_PERIODS.forEach((period, yearIndex) => {
          for (const file of [STAFF_QUESTIONNAIRE, CARERS_QUESTIONNAIRE]) {
            const inst = registry.current(file.id)!;
            const opens = `${period}-04-01`;
            const code = generateAccessCode((n) => rnd.int(0, n - 1));
            const { id: waveId } = insertWave.get(authorityId, file.id, period, opens, `${period}-06-30`, code) as { id: number };
            const batch: NewResponse[] = [];
            const population = Math.max(10, Math.round(a.lookedAfter * ADULTS_PER_CHILD[file.id]!));
            // Improvers' staff and carers agree more the second year; a declining authority's less.
            const change = a.trend > 0 ? 1 : a.trend < 0 ? -0.6 : 0.2;
            drawRound(waveId, inst, population, a.level + change * yearIndex, opens, batch);
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
