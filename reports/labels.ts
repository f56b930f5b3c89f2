// English wording for reports, from the survey's own locale file, so an
// indicator is named the same way in the survey, the portal and a report.
import en from '../surveys/locales/en.json' with { type: 'json' };

const locale = en as unknown as Record<string, Record<string, unknown>>;

function lookup(section: string, key: string): string | undefined {
  const v = locale[section]?.[key];
  return typeof v === 'string' ? v : undefined;
}

export function indicatorLabel(id: string): string {
  return lookup('indicators', id) ?? id;
}

export function domainLabel(domain: string): string {
  return lookup('domains', domain) ?? domain;
}

export function questionLabel(id: string): string {
  return lookup('questions', id) ?? id;
}

/** The label of a background answer (gender, placement, leaver_home); null is "not stated". */
export function optionLabel(scale: string, value: string | null): string {
  if (value === null) return 'Not stated';
  const labels = locale.scales?.[scale];
  const v = labels && typeof labels === 'object' ? (labels as Record<string, unknown>)[value] : undefined;
  return typeof v === 'string' ? v : value;
}

export const PROGRAMME_NAMES: Record<string, string> = {
  ylyc: 'Children in care (Your Life, Your Care)',
  ylbc: 'Care leavers (Your Life Beyond Care)',
};

export const BY_NAMES: Record<string, string> = {
  gender: 'gender',
  placement: 'placement type',
  leaver_home: 'where they live',
};

export const STATUS_NAMES: Record<string, string> = {
  planned: 'Planned',
  in_progress: 'In progress',
  done: 'Done',
  dropped: 'Dropped',
};

/** An action's band: one age band, or all of them. */
export const bandName = (band: string | null) => (band === null ? 'all ages' : band);
