/** The element in which the server puts the round's data beside the drawn start screen (server/survey-page.ts); the app reads it. */
export const WAVE_DATA_ID = 'hearme-wave';
