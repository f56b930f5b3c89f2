// "What children told us last time": a round's published children's version
// of its results (what is going well, what needs to change, what the council
// will do), in words, never figures (surveys/results-wording.ts). Loaded
// only when opened (app.tsx), with its text (surveys/results-text.ts), so
// neither weighs on the survey's first screen.
import i18next from 'i18next';
import { RESULTS_LOCALES, RESULTS_TEXT, resultSentence, type ResultsLocale } from '../../../surveys/results-text.js';
import { BackButton } from '../components/BackButton.js';
import { Heading } from '../components/Heading.js';
import { Languages } from '../components/Languages.js';
import { Listen } from '../components/Listen.js';
import { localeInfo } from '../i18n.js';
import type { Results } from '../schemas.js';
import { forgetClipIndex, type Part } from '../speech.js';

type Version = Results['versions'][number];
type Finding = Version['content']['good'][number];

const asResultsLocale = (code: string): ResultsLocale =>
  (RESULTS_LOCALES as readonly string[]).includes(code) ? (code as ResultsLocale) : 'en';

/**
 * The versions to show in `locale`: its own, or, when the council has not
 * published one in it, the English ones (else those of one other language),
 * marked with their language so they are read in it.
 */
export function versionsFor(results: Results, locale: string): Version[] {
  const inLocale = (l: string) => results.versions.filter((v) => v.locale === l);
  const own = inLocale(locale);
  if (own.length) return own;
  const en = inLocale('en');
  return en.length ? en : inLocale(results.versions[0]?.locale ?? 'en');
}

/**
 * Lets the shipped clips say this screen (web/audio/build.ts makes them from
 * the same text under `results.`): the clip index checks each clip against
 * the locale's loaded strings, so the text joins them.
 */
function addForClips(locale: ResultsLocale): void {
  if (!i18next.hasResourceBundle(locale, 'translation') || i18next.exists('results.title', { lng: locale })) return;
  i18next.addResourceBundle(locale, 'translation', { results: RESULTS_TEXT[locale] }, true, false);
  forgetClipIndex(locale);
}

export interface ResultsScreenProps {
  results: Results;
  locale: string;
  onLocale: (code: string) => void;
  /** Back to the start screen it was opened from; none at /results/CODE. */
  onBack?: (() => void) | undefined;
}

export function ResultsScreen(p: ResultsScreenProps) {
  const shown = versionsFor(p.results, p.locale);
  const lang = asResultsLocale(shown[0]?.locale ?? p.locale);
  addForClips(lang);
  const text = RESULTS_TEXT[lang];
  const other = lang !== p.locale ? { lang, dir: localeInfo(lang).dir } : {};
  const sentence = (f: Finding): Part => [text.words[f.words], text.said[f.indicator]];
  const ages = (band: string) => text.ages.replace('{{band}}', band);
  const heard: Part[] = [text.title, text.intro];
  for (const v of shown) {
    const c = v.content;
    heard.push(ages(v.band));
    if (c.good.length) heard.push(text.good, ...c.good.map(sentence));
    if (c.change.length) heard.push(text.change, ...c.change.map(sentence));
    if (c.pledges.length) heard.push(text.pledges, ...c.pledges);
  }
  return (
    <section class="results" {...other}>
      <Heading id="step-results">{text.title}</Heading>
      <Listen locale={lang} parts={heard} />
      <p>{text.intro}</p>
      {shown.map((v) => (
        <article class="results-band" aria-labelledby={`results-${v.band}`}>
          <h2 id={`results-${v.band}`}>{ages(v.band)}</h2>
          <Findings id={`good-${v.band}`} heading={text.good} items={v.content.good.map((f) => resultSentence(lang, f.words, f.indicator))} kind="good" />
          <Findings id={`change-${v.band}`} heading={text.change} items={v.content.change.map((f) => resultSentence(lang, f.words, f.indicator))} kind="change" />
          <Findings id={`pledges-${v.band}`} heading={text.pledges} items={v.content.pledges} kind="pledges" />
        </article>
      ))}
      <div lang={p.locale} dir={localeInfo(p.locale).dir}>
        <Languages locale={p.locale} onLocale={p.onLocale} />
        {p.onBack && (
          <div class="nav">
            <BackButton onBack={p.onBack} />
          </div>
        )}
      </div>
    </section>
  );
}

function Findings({ id, heading, items, kind }: { id: string; heading: string; items: string[]; kind: string }) {
  if (!items.length) return null;
  return (
    <>
      <h3 id={id}>{heading}</h3>
      <ul class={`findings ${kind}`} aria-labelledby={id}>
        {items.map((i) => (
          <li>{i}</li>
        ))}
      </ul>
    </>
  );
}
