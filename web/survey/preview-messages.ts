// How a portal page hands a checked questionnaire file, not yet added, to
// the survey app's preview it opened in a new tab: the preview says it is
// ready, the page answers with the file as the survey app takes it
// (`respondentView` from POST /api/portal/questionnaires/check). Both
// sides take messages from their own origin and the other window only.
export const PREVIEW_READY = 'hearme-preview-ready';
export const PREVIEW_FILE = 'hearme-preview-file';
