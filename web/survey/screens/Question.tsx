// One question a screen: big answer buttons, faces for faces3 and happy5,
// eleven numbers for 0-10, a box for text; Back and Skip always.
import { useState } from 'preact/hooks';
import { optionLabelKeys, labelPrefix } from '../../../surveys/i18n-keys.js';
import { scaleOf, TEXT_MAX_LENGTH } from '../../../surveys/scales.js';
import { isBlank } from '../../../surveys/text.js';
import type { Question as Q } from '../../../surveys/schema.js';
import type { AnswerValue } from '../../../surveys/validate.js';
import { BackButton } from '../components/BackButton.js';
import { councilLine } from '../components/Help.js';
import { FACES3_LEVEL, Face } from '../components/Face.js';
import { Heading } from '../components/Heading.js';
import { PICTURES, Picture, SkipIcon, type Mark } from '../components/Picture.js';
import { Listen, ListenOne } from '../components/Listen.js';
import { t } from '../i18n.js';
import { useOneTap } from '../one-tap.js';

export interface QuestionProps {
  question: Q;
  value: AnswerValue | undefined;
  progress: { current: number; total: number };
  locale: string;
  /** 4-7: the speaker button comes first and larger. */
  young: boolean;
  /** Parents, carers, staff: the free-text notice speaks of a child who is not safe, not of Childline. */
  adults: boolean;
  /** The council running the survey: the free-text question says who reads it and whom to call. */
  council: { name: string; contact?: string | null | undefined };
  onAnswer: (value: AnswerValue) => void;
  onSkip: () => void;
  onBack: () => void;
}

interface Choice {
  value: AnswerValue;
  label: string;
  face?: number;
  picture?: Mark | undefined;
  /** agree5: the number shown before the words (1 strongly disagree … 5 strongly agree). */
  point?: number;
}

/** The answers as buttons; `young` (4-7): every option scale with a picture for each answer. */
function choicesOf(q: Q, young: boolean): Choice[] {
  const scale = scaleOf(q);
  const pictures = young ? PICTURES[q.scale] : undefined;
  if (scale.kind === 'options')
    return scale.options.map((o) => ({
      value: o,
      label: t(optionLabelKeys(q, o)),
      ...(q.scale === 'faces3' && { face: FACES3_LEVEL[o] }),
      ...(pictures && { picture: pictures[o] }),
    }));
  if (scale.kind === 'integer') {
    const out: Choice[] = [];
    for (let n = scale.min; n <= scale.max; n++)
      out.push(
        q.scale === 'happy5'
          ? { value: n, label: t(optionLabelKeys(q, n)), face: n }
          : q.scale === 'agree5'
            ? { value: n, label: t(optionLabelKeys(q, n)), point: n }
            : { value: n, label: String(n) },
      );
    return out;
  }
  return [];
}

export function QuestionScreen(p: QuestionProps) {
  const { question: q } = p;
  const headingId = `q-${q.id}`;
  const choices = choicesOf(q, p.young);
  const text = t(q.text);
  const layout = q.scale === 'scale0_10' ? 'numbers' : choices.some((c) => c.face || c.picture) ? 'faces' : 'list';
  const readers = q.scale === 'text' ? textNotice(p.council, p.adults) : [];
  const listen = (
    <Listen locale={p.locale} parts={[text, ...readers, ...choices.map((c) => c.label), ...(q.scale === 'text' ? [t('common.type_here')] : [])]} />
  );
  const tap = useOneTap();
  return (
    <section class={`question ${p.young ? 'young' : ''}`} onPointerDown={tap.onPointerDown}>
      <p class="progress-text" id="progress-text">
        {t('survey.progress', p.progress)}
      </p>
      <div class="progress" aria-hidden="true">
        <span style={{ inlineSize: `${(100 * p.progress.current) / p.progress.total}%` }} />
      </div>
      {p.young && listen}
      <Heading id={headingId} describedBy="progress-text">
        {text}
      </Heading>
      {!p.young && listen}
      {q.scale === 'text' ? (
        <TextAnswer headingId={headingId} notice={readers} value={p.value} onAnswer={p.onAnswer} onSkip={p.onSkip} />
      ) : (
        <div
          class={`choices ${layout}`}
          role="group"
          aria-labelledby={headingId}
          style={layout === 'faces' ? { '--faces': String(choices.length) } : undefined}
        >
          {layout === 'numbers' && <p class="ends" aria-hidden="true">
            <span>0 = {t(`${labelPrefix(q)}.min`)}</span>
            <span>10 = {t(`${labelPrefix(q)}.max`)}</span>
          </p>}
          {choices.map((c) => {
            const button = (
              <button
                type="button"
                class="choice"
                aria-pressed={p.value === c.value}
                aria-label={layout === 'numbers' ? numberLabel(q, c.value) : undefined}
                onClick={(e) => tap.counts(e) && p.onAnswer(c.value)}
              >
                {c.face !== undefined && <Face level={c.face} />}
                {c.picture && <Picture mark={c.picture} />}
                {c.point !== undefined && <span class="point">{c.point}</span>}
                {c.point !== undefined && ' '}
                <span>{c.label}</span>
              </button>
            );
            // Worded answers can each be heard on their own; a number says itself.
            return layout === 'numbers' ? button : (
              <div class="option">
                {button}
                <ListenOne text={c.label} locale={p.locale} />
              </div>
            );
          })}
        </div>
      )}
      <div class="nav">
        <BackButton onBack={p.onBack} />
        <button type="button" class="secondary skip" onClick={(e) => tap.counts(e) && p.onSkip()}>
          <SkipIcon />
          {t('common.skip')}
        </button>
      </div>
    </section>
  );
}

/** The ends of 0-10 say what they mean, for screen readers too. */
function numberLabel(q: Q, n: AnswerValue): string | undefined {
  if (n === 0) return `0, ${t(`${labelPrefix(q)}.min`)}`;
  if (n === 10) return `10, ${t(`${labelPrefix(q)}.max`)}`;
  return undefined;
}

/**
 * Before a child writes: who reads it, that nobody can reply, and whom to
 * call if they are not safe now. Nothing here promises secrecy: the
 * council's safeguarding team reads worrying answers.
 */
function textNotice(council: QuestionProps['council'], adults: boolean): string[] {
  return [
    t('survey.text_readers', { authority: council.name }),
    t(adults ? 'survey.text_not_safe_adults' : 'survey.text_not_safe'),
    councilLine(council.name, council.contact),
    t('help.emergency'),
  ];
}

function TextAnswer(p: {
  headingId: string;
  notice: string[];
  value: AnswerValue | undefined;
  onAnswer: (v: AnswerValue) => void;
  onSkip: () => void;
}) {
  const [text, setText] = useState(typeof p.value === 'string' ? p.value : '');
  return (
    <form
      class="text-answer"
      onSubmit={(e) => {
        e.preventDefault();
        // Text that shows nothing (spaces, zero-width characters) is a skip, as the server would refuse it.
        if (!isBlank(text)) p.onAnswer(text);
        else p.onSkip();
      }}
    >
      <div id="text-notice" class="text-notice">
        {p.notice.map((line) => (
          <p>{line}</p>
        ))}
      </div>
      <p id="text-hint">{t('common.type_here')}</p>
      <textarea
        aria-labelledby={p.headingId}
        aria-describedby="text-notice text-hint"
        maxLength={TEXT_MAX_LENGTH}
        rows={5}
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <button type="submit" class="primary">
        {t('common.next')}
      </button>
    </form>
  );
}
