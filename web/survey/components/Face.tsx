// Drawn faces for faces3 and happy5: level 1 (very sad) to 5 (very happy).
// Decorative: the word under each face is what names the answer.
const MOUTHS: Record<number, string> = {
  1: 'M20 47 Q32 35 44 47',
  2: 'M21 45 Q32 39 43 45',
  3: 'M21 43 L43 43',
  4: 'M21 40 Q32 48 43 40',
  5: 'M19 38 Q32 55 45 38',
};

export function Face({ level }: { level: number }) {
  return (
    <svg class="face" viewBox="0 0 64 64" width="56" height="56" aria-hidden="true" focusable="false">
      <circle cx="32" cy="32" r="29" fill="#ffd966" stroke="#4d3800" stroke-width="3" />
      <circle cx="23" cy="26" r="3.5" fill="#4d3800" />
      <circle cx="41" cy="26" r="3.5" fill="#4d3800" />
      <path d={MOUTHS[level]} fill="none" stroke="#4d3800" stroke-width="3.5" stroke-linecap="round" />
    </svg>
  );
}

/** faces3 options in display order: yes, sometimes, no. */
export const FACES3_LEVEL: Record<string, number> = { yes: 5, sometimes: 3, no: 1 };
