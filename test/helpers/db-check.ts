// What the resilience suite checks in a database file after the fact.
import SQLite from 'better-sqlite3';
import { scaleOf, getInstrument } from '../../surveys/index.js';
import type { Sent } from './load.js';

export interface DurabilityReport {
  acknowledged: number;
  found: number;
  lost: number;
  duplicated: number;
  wrongAnswers: number;
  countsMatchRecount: boolean;
  integrity: string;
}

/** Checks every acknowledged response is stored once with exactly its answers, and the counts agree. */
export function checkDurability(path: string, acknowledged: Iterable<string>, sent: Map<string, Sent>): DurabilityReport {
  const db = new SQLite(path, { readonly: true });
  try {
    const integrity = String(db.pragma('integrity_check', { simple: true }));
    const rows = db.prepare('SELECT uuid, count(*) AS n FROM responses GROUP BY uuid').all() as { uuid: string; n: number }[];
    const stored = new Map(rows.map((r) => [r.uuid, r.n]));
    const answersOf = db.prepare(
      'SELECT question, value FROM answers JOIN responses r ON r.id = answers.response_id WHERE r.uuid = ?',
    );
    let found = 0;
    let lost = 0;
    let wrongAnswers = 0;
    for (const id of acknowledged) {
      if (!stored.has(id)) {
        lost++;
        continue;
      }
      found++;
      const got = Object.fromEntries((answersOf.all(id) as { question: string; value: string }[]).map((a) => [a.question, a.value]));
      const want = Object.fromEntries(Object.entries(sent.get(id)!.answers).map(([q, v]) => [q, String(v)]));
      if (JSON.stringify(Object.entries(got).sort()) !== JSON.stringify(Object.entries(want).sort())) wrongAnswers++;
    }
    const duplicated = rows.filter((r) => r.n > 1).length;
    const texts = [...new Set(
      [...sent.values()].flatMap((s) => getInstrument(s.instrument, 1)!.questions.filter((q) => scaleOf(q).kind === 'text').map((q) => q.id)),
    )];
    const recount = db
      .prepare(
        `SELECT r.wave_id, r.instrument, a.question, a.value, count(*) AS n
         FROM answers a JOIN responses r ON r.id = a.response_id
         WHERE a.question NOT IN (${texts.map(() => '?').join(',') || "''"})
         GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
      )
      .all(...texts);
    const counts = db.prepare('SELECT wave_id, instrument, question, value, n FROM answer_counts ORDER BY 1, 2, 3, 4').all();
    return {
      acknowledged: found + lost,
      found,
      lost,
      duplicated,
      wrongAnswers,
      countsMatchRecount: JSON.stringify(recount) === JSON.stringify(counts),
      integrity,
    };
  } finally {
    db.close();
  }
}
