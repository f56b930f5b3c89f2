// The start screen arrives drawn in the page (web/survey/prerender.tsx), a
// second or more before the app's script has run on a slow tablet. A child
// who taps an age button in that time must not be ignored, nor answered
// twice: a tiny script inline in the page notes the first button tapped
// (and marks it pressed); the app, once it has taken the screen over,
// presses that same button again, through its own handler. Later taps
// before then are not kept: one tap answers one question.

/** What the inline script leaves on `window` for the app. */
interface EarlyTaps {
  tap: HTMLElement | null;
  started: boolean;
}

/**
 * The inline script, run before the screen can be tapped. Plain ES5 and no
 * module: it must run at once. The server allows exactly this text in its
 * Content Security Policy (by its hash), and nothing else inline.
 */
export const EARLY_TAPS_SCRIPT =
  "(function(){var e=window.hearmeEarly={tap:null,started:false};document.addEventListener('click',function(v){" +
  "if(e.started||e.tap)return;var b=v.target&&v.target.closest?v.target.closest('#app button'):null;" +
  "if(b){e.tap=b;b.classList.add('early');}},true);})();";

/**
 * Called by the app once its screen is live: stops the inline script and
 * gives back the button tapped before, if it is still on the screen (when
 * the app opens on "Are you still answering?" instead, it is not: that
 * question comes first, and the tap is not acted on).
 */
export function takeEarlyTap(): HTMLElement | undefined {
  const early = (window as { hearmeEarly?: EarlyTaps }).hearmeEarly;
  if (!early) return undefined;
  early.started = true;
  const tap = early.tap;
  tap?.classList.remove('early');
  return tap?.isConnected ? tap : undefined;
}
