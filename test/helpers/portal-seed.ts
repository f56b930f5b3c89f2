// Responses sent through the public API, as tablets send them, for portal tests.
import { randomUUID } from 'node:crypto';
import { currentInstrument, type Answers } from '../../surveys/index.js';
import { fullAnswers } from './answers.js';
import type { TestApp } from './app.js';

/** Sends `count` full answers (ages 11-17 unless `instrument` says) to the wave; `text` replaces the free-text answers when given. */
export async function submitResponses(t: TestApp, code: string, count: number, text?: string, instrument = 'ylyc-11-17'): Promise<void> {
  const inst = currentInstrument(instrument)!;
  for (let i = 0; i < count; i++) {
    const answers: Answers = fullAnswers(inst, i);
    if (text !== undefined) for (const [k, v] of Object.entries(answers)) if (typeof v === 'string' && v.startsWith('Answer ')) answers[k] = text;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/responses',
      payload: { id: randomUUID(), code, instrument: inst.id, version: inst.version, answers },
    });
    if (res.statusCode !== 201) throw new Error(`submit failed: ${res.statusCode} ${res.body}`);
  }
}
