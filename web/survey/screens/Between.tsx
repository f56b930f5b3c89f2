// The screens between questions: the adult's introduction (4-7), the
// handover to the child, and the last screen before sending.
import { BackButton } from '../components/BackButton.js';
import { Heading } from '../components/Heading.js';
import { Listen } from '../components/Listen.js';
import { t } from '../i18n.js';

interface Props {
  locale: string;
  onNext: () => void;
  onBack: () => void;
}

function Between(p: Props & { id: string; heading: string; lines: string[]; next: string; young?: boolean }) {
  const listen = <Listen locale={p.locale} parts={[p.heading, ...p.lines]} />;
  return (
    <section class={p.young ? 'young' : ''}>
      {p.young && listen}
      <Heading id={p.id}>{p.heading}</Heading>
      {!p.young && listen}
      {p.lines.map((l) => (
        <p>{l}</p>
      ))}
      <button type="button" class="primary" onClick={p.onNext}>
        {p.next}
      </button>
      <div class="nav">
        <BackButton onBack={p.onBack} />
      </div>
    </section>
  );
}

export const AdultIntro = (p: Props) => (
  <Between {...p} id="step-adult-intro" heading={t('survey.adult_heading')} lines={[t('common.adult_intro')]} next={t('common.next')} />
);

export const Handover = (p: Props) => (
  <Between
    {...p}
    young
    id="step-handover"
    heading={t('common.handover')}
    lines={[t('survey.handover_child'), t('survey.listen_hint')]}
    next={t('survey.handover_ready')}
  />
);

export const Review = (p: Props) => (
  <Between {...p} id="step-review" heading={t('survey.review_heading')} lines={[t('survey.review_body')]} next={t('common.submit')} />
);
