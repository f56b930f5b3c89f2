// Calls to /api/portal. The CSRF token (from /me) goes with every state
// change; the session cookie goes by itself (same origin, HttpOnly).
export type Role = 'programme_admin' | 'authority_officer' | 'viewer';

export interface Me {
  email: string;
  role: Role;
  authorities: { code: string; name: string }[];
  csrfToken: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** For a refused field: which one (e.g. `password`) and why. */
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
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
  if (res.status === 401 && path !== '/sign-in' && path !== '/me') onSignedOut();
  if (!res.ok) {
    const data = (await res.json().catch(() => ({}))) as { error?: string; issues?: { path: string; message: string }[] };
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

export const BANDS: Record<string, string[]> = { ylyc: ['4-7', '8-11', '11-17'], ylbc: ['16-25'] };
export const PROGRAMMES: Record<string, string> = { ylyc: 'Children in care', ylbc: 'Care leavers' };
