// What staff call each programme: in the portal and in the server's
// messages to them (never the ids ylyc and ylbc alone). No zod here: the
// portal imports it.
import type { Programme } from './schema.js';

export const PROGRAMME_NAMES: Readonly<Record<Programme, string>> = { ylyc: 'Children in care', ylbc: 'Care leavers' };
