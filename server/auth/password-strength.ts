// How guessable a password is, estimated by zxcvbn-ts (its English and
// common dictionaries, keyboard patterns, repeats, dates, l33t) rather than
// hand rules. Its dictionaries take a few seconds to load, so they are loaded
// once, on the first password checked, not when the server starts.
import type { ZxcvbnResult } from '@zxcvbn-ts/core';
import { ENGLISH_AUTHORITIES } from '../demo/authorities.js';

/** Words an attacker aiming at this product tries first: its name and the councils that use it. */
const PRODUCT_WORDS = [
  'hearme', 'hear me', 'hear', 'survey', 'council', 'care', 'children', 'portal', 'safeguarding', 'london',
  ...ENGLISH_AUTHORITIES.flatMap((a) => [a.name.toLowerCase(), ...a.name.toLowerCase().split(/[\s-]+/).filter((w) => w.length >= 4)]),
];

/** zxcvbn's top score: at least 10^10 guesses, out of reach of an offline attack on a slow hash. */
const REQUIRED_SCORE = 4;

type Estimate = (password: string, userInputs: string[]) => ZxcvbnResult;
let estimator: Promise<Estimate> | undefined;

function loadEstimator(): Promise<Estimate> {
  return (estimator ??= (async () => {
    const [core, common, en] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ]);
    core.zxcvbnOptions.setOptions({
      graphs: common.adjacencyGraphs,
      dictionary: { ...common.dictionary, ...en.dictionary, hearme: PRODUCT_WORDS },
      translations: en.translations,
    });
    return (password, userInputs) => core.zxcvbn(password, userInputs);
  })());
}

/** The email whole and in parts ("v1", "example", "org"), so a password built from it scores low. */
function emailWords(email: string | undefined): string[] {
  if (!email) return [];
  const lower = email.toLowerCase();
  return [lower, lower.split('@')[0]!, ...lower.split(/[@.+_-]/).filter((part) => part.length >= 2)];
}

/** Why the password is too guessable, or null when it is strong enough. */
export async function weakPasswordReason(password: string, email?: string): Promise<string | null> {
  const estimate = await loadEstimator();
  const result = estimate(password, emailWords(email));
  if (result.score >= REQUIRED_SCORE) return null;
  const hint = result.feedback.warning ?? result.feedback.suggestions[0];
  return `this password is too easy to guess${hint ? ` (${hint.replace(/\.$/, '').toLowerCase()})` : ''}; choose a longer one, for example a few unrelated words`;
}
