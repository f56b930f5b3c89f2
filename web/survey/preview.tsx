// The survey app's preview mode, for portal staff reading a questionnaire
// as its respondents will: the app's own screens, components, styles and
// read-aloud, from a round of that questionnaire alone. Two addresses:
//   /s/preview/ID/VERSION?locale=cy  a stored questionnaire, read through
//                                    the portal's API (signed in, scoped on
//                                    the server);
//   /s/preview/file?locale=cy        a file checked but not yet added,
//                                    handed over by the portal page that
//                                    opened this tab (postMessage, same origin).
// A preview keeps nothing on the device: its answers live in a store in
// memory, the device store (a real survey left half-way, the outbox) is
// never opened, no service worker is registered, nothing is sent, and the
// last screen says so (app.tsx, `preview`). Loaded only at these addresses,
// so a child's first load carries none of it.
import { render } from 'preact';
import * as z from 'zod/mini';
import { getJson } from './api.js';
import { App } from './app.js';
import { setLocale } from './i18n.js';
import { SurveyStore } from './outbox.js';
import { PREVIEW_FILE, PREVIEW_READY } from './preview-messages.js';
import { InstrumentSchema, WaveSchema } from './schemas.js';
import { Sender } from './sender.js';
import type { KeyValueStore } from './storage.js';

/** What the portal serves for a preview (server/questionnaire-preview.ts, respondentView). */
const RespondentViewSchema = z.object({ wave: WaveSchema, instrument: InstrumentSchema });
type RespondentView = z.infer<typeof RespondentViewSchema>;

/** The portal page's answer to PREVIEW_READY: the file (web/portal/pages/Questionnaires.tsx). */
const FileMessageSchema = z.object({ type: z.literal(PREVIEW_FILE), view: RespondentViewSchema });

/** How long a preview of a file waits for the page that opened it (closed, or gone elsewhere, it never answers). */
const HANDOVER_MS = 10_000;

/** A device store that is only memory: the preview's answers are gone with the tab. */
function memoryStore(): KeyValueStore {
  const values = new Map<string, unknown>();
  return {
    get: async (key) => values.get(key),
    set: async (key, value) => void values.set(key, value),
    delete: async (key) => void values.delete(key),
    keys: async (prefix) => [...values.keys()].filter((k) => k.startsWith(prefix)),
  };
}

/** The stored questionnaire named by the address, from the portal's API. */
async function storedView(id: string, version: number): Promise<RespondentView | undefined> {
  const got = await getJson(`/api/portal/questionnaires/${encodeURIComponent(id)}/respondent-view?version=${version}`);
  const parsed = got.ok ? RespondentViewSchema.safeParse(got.value) : undefined;
  return parsed?.success ? parsed.data : undefined;
}

/** The checked file the portal page that opened this tab holds: asked for, and answered only by that page. */
function fileView(): Promise<RespondentView | undefined> {
  const portal = window.opener as Window | null;
  if (!portal) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), HANDOVER_MS);
    addEventListener('message', (event: MessageEvent) => {
      if (event.origin !== location.origin || event.source !== portal) return;
      const parsed = FileMessageSchema.safeParse(event.data);
      if (!parsed.success) return;
      clearTimeout(timer);
      resolve(parsed.data.view);
    });
    portal.postMessage({ type: PREVIEW_READY }, location.origin);
  });
}

/** Starts the preview at its address; says in words (for the staff member) when it cannot. */
export async function startPreview(root: HTMLElement): Promise<void> {
  const params = new URLSearchParams(location.search);
  const stored = /^\/s\/preview\/([a-z][a-z0-9-]*)\/(\d+)\/?$/.exec(location.pathname);
  const [view, language] = await Promise.all([
    stored ? storedView(stored[1]!, Number(stored[2])) : location.pathname.replace(/\/$/, '') === '/s/preview/file' ? fileView() : undefined,
    setLocale(params.get('locale') ?? 'en'),
  ]);
  if (!view) {
    root.innerHTML = '';
    const main = root.appendChild(document.createElement('main'));
    const message = main.appendChild(document.createElement('p'));
    message.setAttribute('role', 'alert');
    message.textContent = stored
      ? 'This preview could not be loaded. Sign in to the portal in this browser, then open the preview again from the questionnaire’s page.'
      : 'This preview could not be loaded. Open it again from the portal’s Questionnaires page, where the file was chosen.';
    return;
  }
  const store = new SurveyStore(memoryStore());
  root.textContent = ''; // the "Loading…" shown before the script ran
  render(
    <App
      store={store}
      sender={new Sender(store)}
      code="preview"
      resumed={undefined}
      locale={language.code}
      wave={Promise.resolve({ ok: true, value: view.wave })}
      preview={view.instrument}
    />,
    root,
  );
}
