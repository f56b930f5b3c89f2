// Calls to /api/portal. The CSRF token (from /session) goes with every state
// change; the session cookie goes by itself (same origin, HttpOnly).
import { PROGRAMME_NAMES } from '../../surveys/programme-names.js';
export { programmeName } from '../../surveys/programme-names.js';
export type Role = 'programme_admin' | 'authority_officer' | 'viewer';

export interface Me {
  email: string;
  role: Role;
  authorities: { code: string; name: string }[];
  csrfToken: string;
}

/** GET /session: who is signed in, or that nobody is. */
export type Session = { signedIn: false } | ({ signedIn: true } & Me);

export interface Issue {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** For a refused field: which one (e.g. `password`) and why. */
    readonly issues: Issue[] = [],
  ) {
    super(message);
  }
}

/**
 * An error to show above a form: each field the server refused named by its
 * label on the form ("Closes after: the closing date is before the opening
 * date") rather than by its JSON path.
 */
export function formError(error: unknown, form: HTMLFormElement): string {
  if (!(error instanceof ApiError) || !error.issues.length) return (error as Error).message;
  return error.issues
    .map((i) => {
      const label = form.querySelector(`label[for="${CSS.escape(i.path)}"]`)?.textContent?.replace(/\s*\(.*\)$/, '');
      return label ? `${label}: ${i.message}` : i.message;
    })
    .join('. ');
}

let csrf = '';
export const setCsrf = (token: string) => void (csrf = token);

/** Called when the server says the session is gone, so the app can show sign-in. */
let onSignedOut: () => void = () => {};
export const whenSignedOut = (fn: () => void) => void (onSignedOut = fn);

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`/api/portal${path}`, {
    method,
    credentials: 'same-origin',
    headers: {
      ...(body !== undefined && { 'content-type': 'application/json' }),
      ...(method !== 'GET' && { 'x-csrf-token': csrf }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  if (res.status === 401 && path !== '/sign-in') onSignedOut();
  if (!res.ok) {
    const data = (await res.json().catch(() => ({}))) as { error?: string; issues?: Issue[] };
    throw new ApiError(res.status, data.error ?? `the server answered ${res.status}`, data.issues);
  }
  return res.status === 204 ? (undefined as T) : ((await res.json()) as T);
}

export const can = {
  manageWaves: (me: Me) => me.role !== 'viewer',
  actionPlan: (me: Me) => me.role !== 'viewer',
  safeguarding: (me: Me) => me.role !== 'viewer',
  admin: (me: Me) => me.role === 'programme_admin',
};

export const PROGRAMMES: Readonly<Record<string, string>> = PROGRAMME_NAMES;
