// Free text is published verbatim except for what could identify or
// reach a child: phone numbers, email addresses, UK postcodes and social
// media names. They are looked for in the text made plain (surveys/text.ts:
// digits of any script as 0-9, any dash as -, invisible characters gone,
// fullwidth letters as plain ones), so "٠٧٧٠٠ ٩٠٠١٢٣", "07700‑900‑123"
// and "kid＠example.com" are found, and replaced in the text as written.
import { plainText } from '../surveys/text.js';

// Starts only where such a run starts: trying from inside a run would make long texts slow.
const LOCAL = String.raw`(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+`;
const LABEL = String.raw`[\p{L}\p{N}-]+`;
const BRACKETED = (word: string) => String.raw`\s*[(\[{<]\s*${word}\s*[)\]}>]\s*`;
const DOT = String.raw`(?:\.|${BRACKETED('dot')}|\s+dot\s+)`;
const END = String.raw`(?![\p{L}\p{N}])`;

// Each with a mask, in order: what an earlier one masked, a later one leaves.
const PATTERNS: [RegExp, string][] = [
  // kid@example.com, kid (at) example.com, kid [at] example [dot] com
  [new RegExp(String.raw`${LOCAL}(?:@|${BRACKETED('at')})${LABEL}(?:${DOT}${LABEL})*${DOT}\p{L}{2,}${END}`, 'giu'), '[email removed]'],
  // kid at example dot com: "at" is an ordinary word, so only before a mail domain's ending.
  [
    new RegExp(String.raw`${LOCAL}\s+at\s+${LABEL}(?:${DOT}${LABEL})*${DOT}(?:com|net|org|uk|ie|me|io|info|edu)${END}`, 'giu'),
    '[email removed]',
  ],
  // UK postcode, with or without the space, any case (e.g. TS1 2AB, ts12ab, SW1A 1AA).
  [/\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)\s*\d[A-Z]{2}\b/gi, '[postcode removed]'],
  // Seven or more digits, allowing spaces, dots, dashes, brackets and a leading +.
  [/(?:\+|(?<!\d))\d(?:[\s().-]*\d){6,}(?!\d)/g, '[phone number removed]'],
  // @name, as on Instagram, TikTok, X.
  [/(?<![\p{L}\p{N}._%+-])@[\p{L}\p{N}_][\p{L}\p{N}._]*[\p{L}\p{N}_]/gu, '[username removed]'],
];

// A name after a platform's name ("snap: jamie", "insta jamie.smith2011"). Masked
// when it looks like a user name (digits, dots or underscores) or follows a colon
// or =, so that "my instagram is great" stays as written.
const PLATFORM = String.raw`\b(?:instagram|insta|ig|snapchat|snap|sc|tiktok|tik tok|twitter|facebook|fb|discord|kik|telegram|twitch|youtube|roblox|xbox|psn)`;
const PLATFORM_NAME = new RegExp(
  // What lies between is taken whole, once (a lookahead's capture cannot be backtracked into): no slow retries.
  String.raw`${PLATFORM}(?=((?:[\s:=\-]|\b(?:is|name|username|handle|account|id)\b)*))\1([\p{L}\p{N}_](?:[\p{L}\p{N}._]*[\p{L}\p{N}_])?)`,
  'giu',
);

interface Span {
  start: number;
  end: number;
  mask: string;
}

/** Where each pattern matches in the plain text, without overlaps, in the plain text's positions. */
function spans(plain: string): Span[] {
  const found: Span[] = [];
  const free = (s: number, e: number) => found.every((f) => e <= f.start || s >= f.end);
  const add = (start: number, end: number, mask: string) => {
    if (free(start, end)) found.push({ start, end, mask });
  };
  for (const [re, mask] of PATTERNS) for (const m of plain.matchAll(re)) add(m.index, m.index + m[0].length, mask);
  for (const m of plain.matchAll(PLATFORM_NAME)) {
    const [all, between, name] = m as unknown as [string, string, string];
    if (name.length < 3 || !(/[\d._]/.test(name) || /[:=]/.test(between))) continue;
    add(m.index + all.length - name.length, m.index + all.length, '[username removed]');
  }
  return found.sort((a, b) => a.start - b.start);
}

export function maskFreeText(text: string): string {
  const plain = plainText(text);
  const at = (i: number) => (i < plain.from.length ? plain.from[i]! : plain.length);
  let out = '';
  let done = 0;
  for (const s of spans(plain.text)) {
    out += text.slice(done, at(s.start)) + s.mask;
    done = at(s.end);
  }
  return out + text.slice(done);
}
