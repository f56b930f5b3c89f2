// Reads from the public API, parsed at the edge. Failures are returned as
// reasons the screens turn into words, never thrown at the child.
import type { Instrument } from '../../surveys/schema.js';
import { InstrumentSchema, ResultsSchema, WaveSchema, type Results, type Wave } from './schemas.js';

export type Loaded<T> = { ok: true; value: T } | { ok: false; reason: 'not_found' | 'offline' | 'failed' };

export async function getJson(url: string): Promise<Loaded<unknown>> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: 'application/json' } });
  } catch {
    // No network, and the service worker had no copy.
    return { ok: false, reason: 'offline' };
  }
  if (res.status === 404) return { ok: false, reason: 'not_found' };
  if (!res.ok) return { ok: false, reason: 'failed' };
  try {
    return { ok: true, value: await res.json() };
  } catch {
    return { ok: false, reason: 'failed' };
  }
}

export async function loadWave(code: string): Promise<Loaded<Wave>> {
  const got = await getJson(`/api/waves/${encodeURIComponent(code)}`);
  if (!got.ok) return got;
  const parsed = WaveSchema.safeParse(got.value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: 'failed' };
}

export async function loadInstrument(id: string, version: number): Promise<Loaded<Instrument>> {
  const got = await getJson(`/api/instruments/${encodeURIComponent(id)}?version=${version}`);
  if (!got.ok) return got;
  const parsed = InstrumentSchema.safeParse(got.value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: 'failed' };
}

/** A round's published results for children: the round of `code`, or (`last`) the latest earlier round that has them. */
export async function loadResults(code: string, last: boolean): Promise<Loaded<Results>> {
  const got = await getJson(`/api/results/${encodeURIComponent(code)}${last ? '?last=1' : ''}`);
  if (!got.ok) return got;
  const parsed = ResultsSchema.safeParse(got.value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: 'failed' };
}
