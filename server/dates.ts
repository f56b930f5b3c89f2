// Calendar dates (YYYY-MM-DD) in the server's time zone. Responses keep
// the date alone, never a time of day.
import { z } from 'zod';

export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A real calendar date written YYYY-MM-DD. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'not a real date');

export function isOpenOn(wave: { opens_on: string | null; closes_on: string | null }, date: string): boolean {
  return (wave.opens_on === null || wave.opens_on <= date) && (wave.closes_on === null || date <= wave.closes_on);
}

/** Closed on `date`: its last day of answers has passed. A round with no closing date is open. */
export function isClosedOn(wave: { closes_on: string | null }, date: string): boolean {
  return wave.closes_on !== null && wave.closes_on < date;
}
