// Retry delays: exponential, capped, with jitter so that many tablets
// coming back online at once do not all retry in the same instant.
export const BASE_DELAY_MS = 1000;
export const MAX_DELAY_MS = 60_000;

/** Delay before retry number `attempt` (0 for the first retry): half fixed, half random. */
export function retryDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt);
  return ceiling / 2 + random() * (ceiling / 2);
}
