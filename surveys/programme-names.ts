// What staff call each programme: in the portal and in the server's
// messages to them (never the ids ylyc and ylbc alone). No zod here: the
// portal imports it.
export const PROGRAMME_NAMES: Readonly<Record<string, string>> = { ylyc: 'Children in care', ylbc: 'Care leavers' };

/** A programme's name; one added as a questionnaire file goes by its id. */
export const programmeName = (id: string): string => PROGRAMME_NAMES[id] ?? id;
