// Portal accounts of the demo, one of each role. Their passwords are
// fixed and printed on every start, so anyone trying the demo can sign
// in: they are for the demo database only, never for a real one.
import { hashPassword } from '../auth/passwords.js';
import type { DB } from '../db/database.js';
import type { Role } from '../db/tables.js';
import { createUser } from '../repos/users.js';

export interface DemoAccount {
  email: string;
  password: string;
  role: Role;
  authorities: string[];
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'admin@demo.hearme.example', password: 'demo-admin-hear-me', role: 'programme_admin', authorities: [] },
  {
    email: 'officer@middlesbrough.demo.hearme.example',
    password: 'demo-officer-hear-me',
    role: 'authority_officer',
    authorities: ['E06000002'],
  },
  {
    email: 'viewer@middlesbrough.demo.hearme.example',
    password: 'demo-viewer-hear-me',
    role: 'viewer',
    authorities: ['E06000002'],
  },
];

export async function createDemoAccounts(db: DB): Promise<void> {
  for (const a of DEMO_ACCOUNTS)
    await createUser(db, { email: a.email, role: a.role, passwordHash: await hashPassword(a.password), authorities: a.authorities });
}
