// The committed clips match the locale files: every string a child can hear
// has a clip for its current text in every locale, and the manifest lists
// nothing else. Fast: hashes and file checks, no speech engine needed.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIO_DIR, MANIFEST, plan, spokenFor } from '../../web/audio/build.js';
import { generatedClip, hashText, splitAtPlaceholders, type ClipManifest } from '../../web/survey/clips.js';
import { LOCALES } from '../../web/survey/locales.js';

const REGENERATE = 'the spoken clips are out of date with surveys/locales: run `npm run audio` and commit web/survey/public/audio';
const committed = JSON.parse(readFileSync(MANIFEST, 'utf8')) as ClipManifest;

describe('the spoken clips', () => {
  it('are listed in a manifest that matches the current locale files', () => {
    expect(committed, REGENERATE).toEqual(plan().manifest);
  });

  it('exist for every string in every locale, one file per distinct text', () => {
    for (const { code } of LOCALES) {
      const strings = spokenFor(code);
      expect(strings.size).toBeGreaterThan(100);
      for (const [key, text] of strings) {
        const entry = committed.locales[code]?.[key];
        expect(entry?.source, `${code} ${key}: ${REGENERATE}`).toBe(hashText(text));
        for (const piece of entry!.pieces.filter((p) => !p.startsWith('{{')))
          expect(existsSync(join(AUDIO_DIR, piece.replace(/\?.*$/, ''))), `${code}/${key} ${piece}: ${REGENERATE}`).toBe(true);
      }
      // Identical texts share a clip: no more files than distinct texts.
      const distinct = new Set([...strings.values()].flatMap((t) => splitAtPlaceholders(t).map((p) => generatedClip(code, p))));
      expect(readdirSync(join(AUDIO_DIR, code)).length).toBeLessThanOrEqual(distinct.size);
    }
  });

  it('cover the questions, their options, skip, help, the screens the child sees and the results screen', () => {
    const en = committed.locales.en!;
    for (const key of ['common.skip', 'common.help', 'help.call', 'survey.code_heading', 'survey.code_invalid', 'survey.load_failed', 'survey.age_heading'])
      expect(en[key], key).toBeDefined();
    expect(Object.keys(en).filter((k) => k.startsWith('questions.')).length).toBeGreaterThan(30);
    expect(Object.keys(en).filter((k) => k.startsWith('scales.')).length).toBeGreaterThan(20);
    // A string with a placeholder is spoken as its clips with the value between them.
    expect(en['survey.welcome']!.pieces[0]).toBe('{{authority}}');
    expect(en['survey.welcome']!.pieces[1]).toMatch(/^en\/\w+\.mp3$/);
    // The results screen's text (surveys/results-text.ts) is heard too, in every locale: its sentences as the words and what was said.
    for (const { code } of LOCALES)
      for (const key of ['results.title', 'results.intro', 'results.pledges', 'results.words.most', 'results.said.feels_safe'])
        expect(committed.locales[code]![key], `${code} ${key}`).toBeDefined();
    expect(en['results.ages']!.pieces[1]).toBe('{{band}}');
  });
});
