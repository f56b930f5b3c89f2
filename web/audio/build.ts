// `npm run audio`: makes the spoken clips of the child survey from the
// locale files (surveys/locales/*.json) and the results screen's text
// (surveys/results-text.ts, under `results.`) with espeak-ng and lame, into
// web/survey/public/audio/<locale>/, and writes audio/manifest.json, which
// says which clips exist for which string (with a hash of its text). Only
// missing clips are made, and clips no string uses any more are removed, so
// running it after changing any string is quick. A council's own recording
// at audio/recordings/<locale>/<string key>.mp3 wins over the generated clip.
// The clips are committed: npm install && npm start need neither program.
// test/unit/survey-audio.test.ts fails when the manifest is out of date.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generatedClip, hashText, isPlaceholder, spokenStrings, splitAtPlaceholders, type ClipEntry, type ClipManifest } from '../survey/clips.js';
import { LOCALES } from '../survey/locales.js';
import { RESULTS_LOCALES, RESULTS_TEXT, type ResultsLocale } from '../../surveys/results-text.js';

const ROOT = new URL('../../', import.meta.url).pathname;
export const AUDIO_DIR = join(ROOT, 'web/survey/public/audio');
export const MANIFEST = join(AUDIO_DIR, 'manifest.json');
/** espeak-ng's voice for each locale, a little slower than its default for young listeners. */
const VOICES: Record<string, string> = { en: 'en-gb', cy: 'cy', ar: 'ar' };
const SPEED = '140';
/** Mono, 16 kHz, 16 kbit/s: clear enough for a voice, about 2 KB a second. */
const LAME_ARGS = ['--quiet', '-m', 'm', '--resample', '16', '-b', '16'];
export const ENGINE = `espeak-ng (-s ${SPEED}) + lame ${LAME_ARGS.slice(1).join(' ')}`;

export function readLocale(code: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(ROOT, 'surveys/locales', `${code}.json`), 'utf8')) as Record<string, unknown>;
}

/**
 * Every string of a locale the child can hear, by key: its locale file's, and
 * the results screen's text under `results.` (kept out of the locale file so
 * it loads only with that screen, which adds it to i18next for the clips).
 */
export function spokenFor(code: string): Map<string, string> {
  const strings = spokenStrings(readLocale(code));
  if ((RESULTS_LOCALES as readonly string[]).includes(code))
    for (const [key, text] of spokenStrings({ results: RESULTS_TEXT[code as ResultsLocale] })) strings.set(key, text);
  return strings;
}

/** A recording's path with a hash of its bytes, so a replaced recording is fetched again. */
function recording(locale: string, key: string): string | undefined {
  const path = join(AUDIO_DIR, 'recordings', locale, `${key}.mp3`);
  if (!existsSync(path)) return undefined;
  const v = createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 12);
  return `recordings/${locale}/${key}.mp3?v=${v}`;
}

/** What the manifest should say for the current locale files, and the generated clips it needs (path → locale, text). */
export function plan(): { manifest: ClipManifest; needed: Map<string, { locale: string; text: string }> } {
  const needed = new Map<string, { locale: string; text: string }>();
  const locales: ClipManifest['locales'] = {};
  for (const { code } of LOCALES) {
    const entries: Record<string, ClipEntry> = {};
    for (const [key, text] of [...spokenFor(code)].sort(([a], [b]) => a.localeCompare(b))) {
      const recorded = recording(code, key);
      if (recorded) {
        entries[key] = { source: hashText(text), pieces: [recorded], recorded: true };
        continue;
      }
      const pieces = splitAtPlaceholders(text).map((piece) => {
        if (isPlaceholder(piece)) return piece;
        const clip = generatedClip(code, piece);
        needed.set(clip, { locale: code, text: piece.trim() });
        return clip;
      });
      entries[key] = { source: hashText(text), pieces };
    }
    locales[code] = entries;
  }
  return { manifest: { engine: ENGINE, locales }, needed };
}

function requireProgram(name: string, debianPackage: string): void {
  if (spawnSync(name, ['--version'], { stdio: 'ignore' }).error)
    throw new Error(`${name} is needed to make the missing clips: apt-get install ${debianPackage}`);
}

function makeClip(path: string, locale: string, text: string, tmp: string): void {
  const wav = join(tmp, 'clip.wav');
  execFileSync('espeak-ng', ['-v', VOICES[locale] ?? locale, '-s', SPEED, '-w', wav, '--stdin'], { input: text });
  mkdirSync(join(AUDIO_DIR, locale), { recursive: true });
  execFileSync('lame', [...LAME_ARGS, wav, join(AUDIO_DIR, path)]);
}

function main(): number {
  try {
    parseArgs({ args: process.argv.slice(2), options: {}, strict: true });
  } catch (error) {
    console.error(`${(error as Error).message}\nusage: npm run audio`);
    return 2;
  }
  const { manifest, needed } = plan();
  const missing = [...needed].filter(([path]) => !existsSync(join(AUDIO_DIR, path)));
  if (missing.length) {
    requireProgram('espeak-ng', 'espeak-ng');
    requireProgram('lame', 'lame');
    const tmp = mkdtempSync(join(tmpdir(), 'hearme-audio-'));
    try {
      for (const [i, [path, { locale, text }]] of missing.entries()) {
        makeClip(path, locale, text, tmp);
        if ((i + 1) % 50 === 0) console.log(`  ${i + 1} of ${missing.length} clips made`);
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  let removed = 0;
  for (const { code } of LOCALES) {
    const dir = join(AUDIO_DIR, code);
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir))
      if (!needed.has(`${code}/${file}`)) {
        rmSync(join(dir, file));
        removed++;
      }
  }
  writeFileSync(MANIFEST, `${JSON.stringify(manifest, null, 1)}\n`);
  console.log(`audio: ${needed.size} clips (${missing.length} made, ${removed} removed); manifest at ${MANIFEST.slice(ROOT.length)}`);
  return 0;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, '/'))) {
  try {
    process.exitCode = main();
  } catch (error) {
    console.error(`audio: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
