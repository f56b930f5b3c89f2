// The children's version of the results as a printable A4 poster, one per
// band and locale: words, never figures, and the authority's pledges.
import { RESULTS_TEXT, resultSentence, type ResultsLocale } from '../../surveys/results-text.js';
import type { ResultsContent } from '../../server/loop/children-results.js';
import { esc } from './html.js';

const DIR: Record<ResultsLocale, 'ltr' | 'rtl'> = { en: 'ltr', cy: 'ltr', ar: 'rtl' };

const CSS = `
@page { size: A4; margin: 15mm; }
* { box-sizing: border-box; }
body { font-family: system-ui, "Segoe UI", Arial, sans-serif; color: #1a1a1a; margin: 0 auto; max-width: 180mm; font-size: 14pt; line-height: 1.4; }
h1 { font-size: 26pt; margin: 0 0 4mm; color: #1d3c78; }
h2 { font-size: 17pt; margin: 7mm 0 2mm; padding: 2mm 4mm; border-radius: 3mm; }
.good h2 { background: #dff3e4; }
.change h2 { background: #fde7d9; }
.pledges h2 { background: #e3eafb; }
.lede { font-size: 13pt; }
ul { margin: 0; padding-inline-start: 8mm; }
li { margin: 1.5mm 0; }
footer { margin-top: 8mm; font-size: 10pt; color: #444; }
@media print { section { break-inside: avoid; } }
`;

export function renderChildrenPoster(p: {
  authority: string;
  period: string;
  band: string;
  locale: ResultsLocale;
  content: ResultsContent;
}): string {
  const t = RESULTS_TEXT[p.locale];
  const list = (cls: string, heading: string, items: string[]) =>
    items.length ? `<section class="${cls}"><h2>${esc(heading)}</h2><ul>${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul></section>` : '';
  return `<!doctype html>
<html lang="${p.locale}" dir="${DIR[p.locale]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`${t.title} – ${p.authority}`)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<h1>${esc(t.title)}</h1>
<p class="lede">${esc(p.authority)} · ${esc(t.ages.replace('{{band}}', p.band))} · ${esc(p.period)}</p>
<p>${esc(t.intro)}</p>
${list('good', t.good, p.content.good.map((f) => resultSentence(p.locale, f.words, f.indicator)))}
${list('change', t.change, p.content.change.map((f) => resultSentence(p.locale, f.words, f.indicator)))}
${list('pledges', t.pledges, p.content.pledges)}
</main>
</body>
</html>
`;
}
