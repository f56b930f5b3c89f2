// The one-page instruction sheet for trusted adults, made to be printed.
import { api, PROGRAMMES } from '../api.js';
import { useLoad } from '../hooks.js';
import { roundWords } from '../round-words.js';
import type { WaveSummary } from './Waves.js';

interface WaveWithAddress extends WaveSummary {
  /** Null for those who may not see the code. */
  address: { url: string; public: boolean } | null;
  bands: { audience: 'children' | 'young_people' | 'adults' }[];
}

/** For a round of a questionnaire for adults (carers, staff): what they read before they answer, given to them rather than to a trusted adult. */
function AdultsBeforeYouStart() {
  return (
    <>
      <h2>Before you start</h2>
      <ul>
        <li>The survey is anonymous: no names are asked.</li>
        <li>Every question can be skipped.</li>
        <li>It works without internet once started: answers are sent when the device is back online.</li>
      </ul>
    </>
  );
}

export function SheetPage({ id }: { id: number }) {
  const { data: w, error } = useLoad(() => api<WaveWithAddress>('GET', `/waves/${id}`), [id]);
  if (error) return <p class="error">{error}</p>;
  if (!w) return <p>Loading…</p>;
  if (!w.address) return <p class="error">Only staff who run survey rounds can print the sheet: it holds the access code.</p>;
  const address = w.address.url;
  const words = roundWords(w);
  const { adults, one } = words;
  return (
    <article class="sheet">
      <h1>
        Hear Me survey, {PROGRAMMES[w.programme]?.toLowerCase() ?? w.title}: {w.authority.name}, {w.period}
      </h1>
      {/* The same time as the survey's own start screen says. */}
      <p class="lead">
        {adults ? 'Please tell us what you think: your answers are read together with everyone else’s.' : `Thank you for helping ${words.helping} tell us how their life is going. It takes about 10 minutes.`}
      </p>
      <div class="sheet-code">
        <img src={`/api/portal/waves/${id}/qr.svg`} alt={`QR code for ${address}`} width={220} height={220} />
        <div>
          <p>Scan the code with {adults ? 'a phone or tablet' : 'the tablet'}, or open</p>
          <p class="url">{address}</p>
          {!w.address.public && (
            <p class="warning">
              This is the address you opened the portal with: it may not work from other devices such as a tablet. Ask whoever runs Hear Me to set
              PUBLIC_URL to the address tablets can open.
            </p>
          )}
          <p>
            Access code: <strong class="code">{w.code}</strong>
          </p>
        </div>
      </div>
      {adults ? (
        <AdultsBeforeYouStart />
      ) : (
        <>
          <h2>Before you start</h2>
          <ul>
            <li>The survey is anonymous: no names are asked. Let the {one} answer in private; do not look at the screen unless asked.</li>
            <li>Every question except age can be skipped. Questions can be read aloud by the tablet.</li>
            <li>It works without internet once started: answers are sent when the tablet is back online.</li>
            <li>
              When the {one} has finished, the tablet clears itself for the next {one}.
            </li>
          </ul>
          <h2>If a {one} tells you something worrying</h2>
          <p>Follow your safeguarding procedure as you would at any other time. The survey is not monitored live.</p>
        </>
      )}
      <p class="small">
        {w.opensOn ? `open from ${w.opensOn}` : 'open now'}
        {w.closesOn ? ` until ${w.closesOn}` : ''}
      </p>
      <p class="no-print">
        <button type="button" onClick={() => print()}>
          Print this sheet
        </button>
      </p>
    </article>
  );
}
