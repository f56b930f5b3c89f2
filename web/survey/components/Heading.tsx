// The screen's heading takes focus when the screen appears, so screen
// readers and keyboard users start at the new question.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/** `describedBy`: read with the heading when it takes focus (a question's "5 of 24"). */
export function Heading({ id, describedBy, children }: { id?: string; describedBy?: string; children: ComponentChildren }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <h1 id={id} tabIndex={-1} ref={ref} aria-describedby={describedBy}>
      {children}
    </h1>
  );
}
