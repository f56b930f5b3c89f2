// Contact details in free text are masked however they were typed: digits
// of any script, any dash or space, invisible characters, "(at)" for @,
// and social media names.
import { describe, expect, it } from 'vitest';
import { maskFreeText } from '../../reports/mask.js';

const PHONE = '[phone number removed]';
const EMAIL = '[email removed]';
const NAME = '[username removed]';

describe('masking contact details', () => {
  it.each([
    ['٠٧٧٠٠ ٩٠٠١٢٣', PHONE],
    ['رقمي ٠٧٧٠٠٩٠٠١٢٣ اتصل بي', `رقمي ${PHONE} اتصل بي`],
    ['۰۷۷۰۰۹۰۰۱۲۳', PHONE],
    ['call ０７７００ ９００１２３', `call ${PHONE}`],
    ['07700\u2011900\u2011123', PHONE],
    ['07700\u2013900\u2013123 now', `${PHONE} now`],
    ['07700\u00a0900\u00a0123', PHONE],
    ['077\u200b00 900\u00ad123', PHONE],
    ['07700900123am', `${PHONE}am`],
  ])('a phone number written %s', (text, masked) => {
    expect(maskFreeText(text)).toBe(masked);
  });

  it.each([
    ['kid (at) example.com', EMAIL],
    ['mail kid [at] example [dot] com please', `mail ${EMAIL} please`],
    ['kid at example dot com', EMAIL],
    ['kid at example.co.uk', EMAIL],
    ['kid\uff20example.com', EMAIL],
    ['ki\u200bd@exam\u200bple.com', EMAIL],
  ])('an email address written %s', (text, masked) => {
    expect(maskFreeText(text)).toBe(masked);
  });

  it.each([
    ['instagram @jamie.smith2011', `instagram ${NAME}`],
    ['add me @jamie_s', `add me ${NAME}`],
    ['my snap is jamie_s2011', `my snap is ${NAME}`],
    ['insta: jamiesmith', `insta: ${NAME}`],
    ['tiktok jamie.smith', `tiktok ${NAME}`],
    ['Snapchat - jamiesmith11 x', `Snapchat - ${NAME} x`],
  ])('a social media name written %s', (text, masked) => {
    expect(maskFreeText(text)).toBe(masked);
  });

  it.each([
    'I am 12 and have 3 brothers; since 2021 in care',
    'I love instagram and tiktok',
    'my instagram is great',
    'I was at home. Then we went out',
    'meet me @ the park',
    'I scored 10/10 in my spelling test',
    'café ２ friends',
    'أحب مدرستي',
  ])('leaves %s as it is', (text) => {
    expect(maskFreeText(text)).toBe(text);
  });
});
