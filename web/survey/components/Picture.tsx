// Drawn pictures for the 4-7 questions that are not about feelings (do you
// know, do you understand): a tick, a cross, a question mark, a wavy "a bit".
// In the faces' circle, so every answer in 4-7 looks alike. Decorative: the
// word under each picture names the answer.
const MARKS = {
  tick: <path d="M18 33 L28 43 L47 21" />,
  cross: <path d="M22 22 L42 42 M42 22 L22 42" />,
  question: (
    <>
      <path d="M24 24 Q24 14 32 14 Q41 14 41 23 Q41 30 32 33 L32 39" />
      <circle cx="32" cy="48" r="2.5" fill="#4d3800" />
    </>
  ),
  wave: <path d="M16 33 Q24 23 32 33 Q40 43 48 33" />,
} as const;

export type Mark = keyof typeof MARKS;

/** Which picture each option of a 4-7 words-only scale gets. */
export const PICTURES: Partial<Record<string, Record<string, Mark>>> = {
  yes_no: { yes: 'tick', no: 'cross' },
  yes_no_unsure: { yes: 'tick', no: 'cross', not_sure: 'question' },
  understand: { yes: 'tick', a_bit: 'wave', no: 'cross' },
};

export function Picture({ mark }: { mark: Mark }) {
  return (
    <svg class="face" viewBox="0 0 64 64" width="56" height="56" aria-hidden="true" focusable="false">
      <circle cx="32" cy="32" r="29" fill="#ffd966" stroke="#4d3800" stroke-width="3" />
      <g fill="none" stroke="#4d3800" stroke-width="4.5" stroke-linecap="round" stroke-linejoin="round">
        {MARKS[mark]}
      </g>
    </svg>
  );
}

/** Skip: an arrow to a bar, pointing the way the page reads (mirrored right to left by the style sheet). */
export function SkipIcon() {
  return (
    <svg class="skip-icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <path d="M5 5 L15 12 L5 19 Z" fill="currentColor" />
      <rect x="17" y="5" width="3" height="14" fill="currentColor" />
    </svg>
  );
}
