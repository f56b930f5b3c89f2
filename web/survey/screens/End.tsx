// Thank you, what happens next, whether the answers got through, then back
// to the start for the next child on a shared tablet.
import { useEffect, useRef } from 'preact/hooks';
import { Heading } from '../components/Heading.js';
import { RESET_AFTER_MS } from '../idle.js';
import { Listen } from '../components/Listen.js';
import { t } from '../i18n.js';
import type { SendStatus } from '../sender.js';


export interface EndProps {
  authority: string;
  /** Care leavers (ylbc) are thanked as care leavers, not as children in care. */
  programme: string;
  /** Parents, carers, staff: thanked as adults, not for telling us about their life. */
  adults: boolean;
  locale: string;
  status: SendStatus;
  onReset: () => void;
  onRetry: () => void;
}

function statusText(s: SendStatus): string {
  switch (s.kind) {
    case 'sending':
      return t('common.sending');
    case 'sent':
      return t('survey.status_sent');
    case 'waiting':
      return t('survey.status_queued');
    case 'rejected':
      return t('survey.rejected_intro');
  }
}

/** The server's refusal in plain words for the adult (the answers stay on the tablet). */
function refusal(status: number): string {
  const known = [400, 403, 404, 409, 413];
  return t(known.includes(status) ? `survey.rejected_${status}` : 'survey.rejected_other', { status });
}

export function End(p: EndProps) {
  const settled = p.status.kind === 'sent' || p.status.kind === 'waiting';
  const refused = p.status.kind === 'rejected';
  // Counted from the moment the answers are safe (sent, or kept on the tablet): each retry while
  // offline flips the status to "sending" and back, and must not start the wait again.
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => {
    if (settled && !timer.current) timer.current = setTimeout(p.onReset, RESET_AFTER_MS);
    // A refusal waits for the adult to read it.
    if (refused) {
      clearTimeout(timer.current);
      timer.current = undefined;
    }
  }, [settled, refused]);
  useEffect(() => () => clearTimeout(timer.current), []);
  const leavers = p.programme === 'ylbc';
  const heading = t(p.adults ? 'survey.thanks_adults' : 'common.thanks');
  const lines = p.adults
    ? [t('survey.thanks_detail_adults'), t('survey.what_next_adults', { authority: p.authority })]
    : [
        t(leavers ? 'survey.thanks_detail_ylbc' : 'common.thanks_detail'),
        t(leavers ? 'survey.what_next_ylbc' : 'survey.what_next', { authority: p.authority }),
      ];
  return (
    <section class="end">
      <Heading id="step-end">{heading}</Heading>
      <Listen locale={p.locale} parts={[heading, ...lines]} />
      {lines.map((l) => (
        <p>{l}</p>
      ))}
      <p class={`status ${p.status.kind}`} role="status">
        {statusText(p.status)}
      </p>
      {p.status.kind === 'rejected' && (
        <div class="refused">
          <p>{refusal(p.status.status)}</p>
          <button type="button" class="secondary" onClick={p.onRetry}>
            {t('survey.retry_send')}
          </button>
        </div>
      )}
      {settled && <p>{t('survey.reset_soon')}</p>}
      <button type="button" class="primary" onClick={p.onReset}>
        {t('survey.next_person')}
      </button>
    </section>
  );
}

/** The end of a preview (web/survey/preview.tsx), for the staff member reading it: in English, as the portal is. */
export function PreviewEnd({ onReset }: { onReset: () => void }) {
  return (
    <section class="end" lang="en" dir="ltr">
      <Heading id="step-preview-end">This was a preview; nothing was sent</Heading>
      <p>The answers were checked as a real round checks them, then forgotten: nothing was kept on this device or sent, and no response was made.</p>
      <p>In a real round, respondents see the thank-you screen here.</p>
      <button type="button" class="primary" onClick={onReset}>
        Start the preview again
      </button>
    </section>
  );
}

/** A screen that cannot go on (unknown or closed code, nothing loaded): said aloud on request, with the way on. */
export function Problem(p: { message: string; locale: string; onRetry?: (() => void) | undefined; onOtherCode: () => void }) {
  return (
    <section>
      <Heading>{p.message}</Heading>
      <Listen locale={p.locale} parts={[p.message, ...(p.onRetry ? [t('survey.try_again')] : []), t('survey.other_code')]} />
      {p.onRetry && (
        <button type="button" class="primary" onClick={p.onRetry}>
          {t('survey.try_again')}
        </button>
      )}
      <p>
        <button type="button" class="link-button" onClick={p.onOtherCode}>
          {t('survey.other_code')}
        </button>
      </p>
    </section>
  );
}
