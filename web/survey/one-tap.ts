// One tap answers one question. The next question's answers sit where the
// last one's were, so the second tap of a double tap would answer a
// question the child has not seen yet.
import { useRef } from 'preact/hooks';

/**
 * How long after a new question appears a tap on its answers is ignored:
 * 400 ms. Phones count two taps up to 300 ms apart as one double tap
 * (Android's double-tap timeout), and young children's second taps come
 * 80-250 ms after the first; the question appears a few ms after the first
 * tap. Nobody reads a question and chooses an answer in under 400 ms, so a
 * real answer is never lost.
 */
export const TAP_GUARD_MS = 400;

/**
 * Whether a click on an answer counts. Keyboard and switch presses (detail
 * 0) always count; a mouse counts one click, not the second of a
 * double-click; a finger or pen counts once the question has been on screen
 * for TAP_GUARD_MS.
 */
export function useOneTap(): { onPointerDown: (e: PointerEvent) => void; counts: (e: MouseEvent) => boolean } {
  const shownAt = useRef(performance.now());
  const pointer = useRef('');
  return {
    onPointerDown: (e) => void (pointer.current = e.pointerType),
    counts: (e) => {
      if (e.detail === 0) return true;
      if (pointer.current === 'mouse') return e.detail === 1;
      return performance.now() - shownAt.current >= TAP_GUARD_MS;
    },
  };
}
