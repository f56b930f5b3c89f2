// A shared tablet is put down and picked up by someone else. These timers
// decide when an unfinished survey is no longer trusted to belong to the
// person holding the tablet.
import { useEffect, useRef } from 'preact/hooks';

/**
 * Three minutes without a touch during a survey asks "Are you still
 * answering?". A question takes most children 10-30 seconds (36 questions in
 * about ten minutes), and typing an answer counts as touching, so a child
 * still answering meets this only after a long pause; a tablet put down and
 * picked up by the next child in a group session rarely lies still longer.
 */
export const IDLE_MS = 3 * 60_000;

/**
 * One minute for someone to answer "Are you still answering?" before the
 * unfinished answers are deleted: long enough to read it (or hear it) twice
 * and tap, short enough that the answers are not left for the next person.
 */
export const STILL_THERE_MS = 60_000;

/** How long the thank-you stays before the tablet is ready for the next child. */
export const RESET_AFTER_MS = 20_000;

/** What counts as someone using the tablet. */
const ACTIVITY = ['pointerdown', 'keydown', 'input', 'wheel'] as const;

/** Calls `onIdle` once `ms` pass with no touch, key or typing while `active`. */
export function useIdle(active: boolean, ms: number, onIdle: () => void): void {
  const latest = useRef(onIdle);
  latest.current = onIdle;
  useEffect(() => {
    if (!active) return;
    let timer = setTimeout(() => latest.current(), ms);
    const touched = () => {
      clearTimeout(timer);
      timer = setTimeout(() => latest.current(), ms);
    };
    for (const e of ACTIVITY) addEventListener(e, touched, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const e of ACTIVITY) removeEventListener(e, touched, { capture: true });
    };
  }, [active, ms]);
}
