// Who may open rounds of a council's questionnaire: the authority it
// belongs to, or every authority when a programme admin added it for all.
// Shared by the command line and the portal.
import { programmeInstruments, registry } from '../surveys/index.js';

/** Why an authority may not run rounds of a programme, or null when it may (built-ins: every authority). */
export function questionnaireOwnerProblem(programme: string, authorityId: number): string | null {
  for (const inst of programmeInstruments(programme)) {
    const owner = registry.stored(inst.id, inst.version)?.owner;
    if (owner !== undefined && owner !== null && owner !== authorityId) return `${programme} belongs to another authority`;
  }
  return null;
}
