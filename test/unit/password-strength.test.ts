// Password strength by zxcvbn-ts plus the product's words and the user's
// email: every weak password the hardening issue listed is refused.
import { describe, expect, it } from 'vitest';
import { generatePassword, passwordProblem } from '../../server/auth/passwords.js';

describe('password strength', () => {
  it.each([
    'P@ssw0rd12345',
    'Welcome2Hearme',
    'hearmehearme',
    'Qwerty!Qwerty!',
    'abcabcabcabc',
    'london london',
    'zzzz00000000',
    'Middlesbrough2024!',
    'password1234',
    '1234567890123456',
  ])('refuses %s', async (pw) => {
    expect(await passwordProblem(pw, 'v1@example.org')).toMatch(/too easy to guess/);
  });

  it('refuses a password made of the user\'s own email', async () => {
    expect(await passwordProblem('v1@example.org is me', 'v1@example.org')).toMatch(/too easy to guess/);
  });

  it('refuses short and overlong passwords before estimating', async () => {
    expect(await passwordProblem('short1!')).toMatch(/at least 12/);
    expect(await passwordProblem('x'.repeat(201))).toMatch(/at most 200/);
  });

  it('accepts a good passphrase and a generated password', async () => {
    expect(await passwordProblem('tangerine kettle Orbit 42', 'v1@example.org')).toBeNull();
    expect(await passwordProblem('correct horse battery staple', 'v1@example.org')).toBeNull();
    expect(await passwordProblem(generatePassword(), 'v1@example.org')).toBeNull();
  });
});
