// What an action may say, shared by the command line and the portal API:
// its fields (zod) and the finding it is tied to (an indicator the
// programme asks, in a band that asks it, or in every band).
import { z } from 'zod';
import { programmeInstruments, type Band, type Programme } from '../../surveys/index.js';
import { ACTION_STATUSES } from '../db/tables.js';
import { IsoDate } from '../dates.js';

export const ActionStatus = z.enum(ACTION_STATUSES);
export const Pledge = z.string().trim().min(1, 'a pledge cannot be empty').max(500, 'a pledge is at most 500 characters');
export const Owner = z.string().trim().min(1, 'an owner cannot be empty').max(200, 'an owner is at most 200 characters');
export const NoteText = z.string().trim().min(1, 'a note cannot be empty').max(2000, 'a note is at most 2000 characters');
export const Due = IsoDate;

/** Why an indicator (and band) is not a finding of the programme, or null when it is. */
export function findingProblem(programme: Programme, indicator: string, band: Band | null): string | null {
  const instruments = programmeInstruments(programme);
  const asking = instruments.filter((i) => i.indicators.some((r) => r.indicator === indicator));
  if (!asking.length) return `${indicator} is not an indicator of ${programme}`;
  if (band === null) return null;
  if (!instruments.some((i) => i.band === band)) return `${band} is not a band of ${programme} (${instruments.map((i) => i.band).join(', ')})`;
  if (!asking.some((i) => i.band === band)) return `${indicator} is not asked in band ${band} (asked in ${asking.map((i) => i.band).join(', ')})`;
  return null;
}
