// The child app: which screen shows, and what each tap does to the survey
// saved on the device. Every answer is written to the device store before
// the next screen is needed, so a reload can carry on at the same question;
// but the tablet is shared, so an unfinished survey is only ever carried on
// after "Are you still answering?", and "Start again", "Leave now" and an
// unanswered question delete it.
//
// In preview mode (`preview`, web/survey/preview.tsx) the same screens run
// on a store in memory, the address never changes, and finishing shows
// "nothing was sent" instead of queueing the answers.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Instrument } from '../../surveys/schema.js';
import { validateAnswers, type AnswerValue, type Answers } from '../../surveys/validate.js';
import { loadInstrument, loadResults, loadWave, type Loaded } from './api.js';
import { newResponseId } from './code.js';
import { Frame } from './components/Frame.js';
import { forAdults, instrumentsForAge, move, progress, prune, sameStep, steps } from './flow.js';
import { IDLE_MS, STILL_THERE_MS, useIdle } from './idle.js';
import { addInstrumentWords, setAddressee, setLocale, t } from './i18n.js';
import { roundLocale } from './locales.js';
import type { SurveyStore } from './outbox.js';
import type { Results, Session, Step, Wave } from './schemas.js';
import type { Sender, SendStatus } from './sender.js';
import { AdultIntro, Handover, Review } from './screens/Between.js';
import { CodeEntry } from './screens/CodeEntry.js';
import { End, PreviewEnd, Problem } from './screens/End.js';
import { QuestionScreen } from './screens/Question.js';
import { School, Start, useWaiting } from './screens/Start.js';
import { StillThere } from './screens/StillThere.js';
import { stopSpeaking } from './speech.js';

export type View =
  | { kind: 'code' }
  | { kind: 'loading' }
  | { kind: 'problem'; message: string; retry?: () => void }
  | { kind: 'start'; wave: Wave; code: string }
  | { kind: 'school'; wave: Wave; code: string; age: number }
  | { kind: 'survey'; session: Session }
  /** An unfinished survey is on the device: ask before showing any of it. */
  | { kind: 'still-there'; session: Session }
  /** `gender`: the thank-you is still said to the child who answered, in her own forms (see setAddressee). */
  | { kind: 'end'; wave: Wave; code: string; responseId: string; gender: unknown }
  /** The end of a preview: the answers were checked, then dropped. */
  | { kind: 'preview-end'; wave: Wave }
  /** What children told us last time: `from` is the start screen it was opened from (none at /results/CODE). */
  | { kind: 'results'; results: Results; screen: ResultsModule['ResultsScreen']; from?: { wave: Wave; code: string } };

type ResultsModule = typeof import('./screens/Results.js');
let resultsModule: Promise<ResultsModule | undefined> | undefined;
/** The results screen's code and text, fetched the first time it is opened (the service worker keeps it for offline); a failure is tried again next time. */
function loadResultsScreen(): Promise<ResultsModule | undefined> {
  resultsModule ??= import('./screens/Results.js').catch(() => (resultsModule = undefined));
  return resultsModule;
}

export interface AppProps {
  store: SurveyStore;
  sender: Sender;
  /** The code in the address (`/s/CODE`), or undefined at `/`. */
  code: string | undefined;
  /** The code in the address `/results/CODE`: that round's published results are shown. */
  results?: string | undefined;
  /** An unfinished survey found on the device (of any code): it is offered back only after asking. */
  resumed: Session | undefined;
  locale: string;
  /** The wave, already being fetched while the app started (saves a round trip on slow networks). */
  wave?: Promise<Loaded<Wave>>;
  /** The open wave whose start screen the server drew into the page: the app starts on it, as drawn. */
  drawn?: Wave | undefined;
  /** The same for the results of `results`. */
  shared?: Promise<Loaded<Results>> | undefined;
  /** A preview for portal staff of this questionnaire (the wave is a round of it alone): every screen marked, nothing sent. */
  preview?: Instrument | undefined;
}

const PROBLEM_KEYS: Record<Exclude<Loaded<unknown>, { ok: true }>['reason'], string> = {
  not_found: 'survey.code_unknown',
  offline: 'survey.offline_start',
  failed: 'survey.load_failed',
};

export function App(props: AppProps) {
  const { store, sender, preview } = props;
  const [locale, setLocaleState] = useState(props.locale);
  /** The language now, for steps that finish after a change of it (the state their closure saw may be older). */
  const localeNow = useRef(props.locale);
  const [view, setView] = useState<View>(() =>
    props.resumed
      ? { kind: 'still-there', session: props.resumed }
      : props.drawn && props.code
        ? { kind: 'start', wave: props.drawn, code: props.code }
        : props.code || props.results
          ? { kind: 'loading' }
          : { kind: 'code' },
  );
  // A girl is spoken to as a girl once she has said so, on the survey's own screens and its thank-you
  // only: the screen that asks whether the last child is still there must not show anything of that child.
  setAddressee(view.kind === 'survey' ? view.session.answers.gender : view.kind === 'end' ? view.gender : undefined);
  // A council questionnaire carries its own words (a survey left on the tablet too): t() needs them before the screen draws.
  if (view.kind === 'survey') addInstrumentWords(view.session.instrument);
  const [statuses, setStatuses] = useState<Record<string, SendStatus>>({});
  useEffect(() => sender.onStatus((id, s) => setStatuses((all) => ({ ...all, [id]: s }))), []);
  /**
   * Which survey round "start again" returns to: the last one opened on this
   * page. Unset while the page has only found a survey left on the device,
   * whose round may not be the one in the address.
   */
  const home = useRef<{ wave: Wave; code: string } | undefined>(view.kind === 'start' ? { wave: view.wave, code: view.code } : undefined);
  /**
   * Bumped by every "start again": a step still in flight (an answer being
   * saved, a survey loading) checks it and never brings the old survey back.
   * Also the key of the whole page, so nothing typed survives.
   */
  const [round, setRound] = useState(0);
  const roundRef = useRef(0);
  /** The code in the address: the page's own, or the one typed on the code screen. */
  const addressCode = useRef(props.code);
  const live = () => {
    const at = roundRef.current;
    return () => at === roundRef.current;
  };

  const openWave = async (code: string, early?: Promise<Loaded<Wave>>) => {
    const still = live();
    setView({ kind: 'loading' });
    const got = await (early ?? loadWave(code));
    if (!still()) return;
    // An unknown code stays unknown: the way on is another code, not trying again.
    if (!got.ok)
      return setView({ kind: 'problem', message: t(PROBLEM_KEYS[got.reason]), retry: got.reason === 'not_found' ? undefined : () => openWave(code) });
    if (!got.value.open) return setView({ kind: 'problem', message: t('survey.wave_closed') });
    home.current = { wave: got.value, code };
    await showStart(got.value, code);
  };

  /** A round's start screen, in a language the round is asked in (a choice made before, on another screen, may not be one). */
  const showStart = async (wave: Wave, code: string) => {
    const still = live();
    const want = roundLocale(wave, localeNow.current);
    if (want !== localeNow.current) await changeLocale(want);
    if (still()) setView({ kind: 'start', wave, code });
  };
  useEffect(() => {
    if (view.kind === 'loading' && props.code) void openWave(props.code, props.wave);
    else if (view.kind === 'loading' && props.results) void openResults(props.results, false, undefined, props.shared);
  }, []);

  /** The results of `code`'s round, or (`from` a start screen) of the round before it. */
  const openResults = async (code: string, last: boolean, from?: { wave: Wave; code: string }, early?: Promise<Loaded<Results>>) => {
    const still = live();
    stopSpeaking();
    setView({ kind: 'loading' });
    const [got, module] = await Promise.all([early ?? loadResults(code, last), loadResultsScreen()]);
    if (!still()) return;
    if (!got.ok)
      return setView({
        kind: 'problem',
        message: t(got.reason === 'not_found' ? 'survey.results_none' : PROBLEM_KEYS[got.reason]),
        retry: got.reason === 'not_found' ? undefined : () => openResults(code, last, from),
      });
    if (!module) return setView({ kind: 'problem', message: t('survey.load_failed'), retry: () => openResults(code, last, from) });
    setView({ kind: 'results', results: got.value, screen: module.ResultsScreen, ...(from && { from }) });
  };

  /** Whether the round before the one on the start screen published what its children said (then the start screen links to it). */
  const startCode = view.kind === 'start' ? view.code : undefined;
  const [earlier, setEarlier] = useState<string | undefined>(undefined);
  useEffect(() => {
    // A preview's round is no real round: it has no results.
    if (!startCode || preview) return;
    let current = true;
    void loadResults(startCode, true).then((got) => current && setEarlier(got.ok && got.value.versions.length ? startCode : undefined));
    return () => void (current = false);
  }, [startCode]);

  const changeLocale = async (code: string) => {
    localeNow.current = code;
    await setLocale(code);
    setLocaleState(code);
  };

  /** The next screen shows once the answer is on the device (a few ms), so a reload never loses it. */
  const save = async (session: Session) => {
    const still = live();
    // A failed write (storage full, private mode) must not stop the child: the answers are still in memory.
    await store.saveCurrent(session).catch(() => undefined);
    if (still()) setView({ kind: 'survey', session });
  };

  /** `age` undefined: a round that does not ask it (adults, or a questionnaire without ages) has one instrument. */
  const begin = async (wave: Wave, code: string, age: number | undefined, secondary?: boolean) => {
    const fits = age === undefined ? wave.instruments.slice(0, 1) : instrumentsForAge(wave.instruments, age);
    if (age !== undefined && fits.length > 1 && secondary === undefined) return setView({ kind: 'school', wave, code, age });
    const pick = secondary ? fits[fits.length - 1] : fits[0];
    if (!pick) return;
    const still = live();
    setView({ kind: 'loading' });
    const got = preview?.id === pick.id && preview.version === pick.version ? { ok: true as const, value: preview } : await loadInstrument(pick.id, pick.version);
    if (!still()) return;
    if (!got.ok) return setView({ kind: 'problem', message: t(PROBLEM_KEYS[got.reason]), retry: () => begin(wave, code, age, secondary) });
    const instrument = got.value;
    const answers: Answers = age !== undefined && instrument.questions.some((q) => q.id === 'age') ? { age } : {};
    await save({ v: 1, id: newResponseId(), code, locale, wave, instrument, answers, step: steps(instrument, answers)[0]! });
  };

  /**
   * Start again, Leave now, the thank-you's reset and an unanswered "Are you
   * still answering?": the screen is cleared at once, then the unfinished
   * answers are deleted from the device. Finished answers waiting to be sent
   * stay in the outbox.
   */
  const startAgain = () => {
    roundRef.current++;
    setRound(roundRef.current);
    const still = live();
    stopSpeaking();
    setView({ kind: 'loading' });
    void store.clearCurrent().catch(() => undefined);
    // The next person starts in English; the screen stays clear until it is loaded.
    void changeLocale('en')
      .catch(() => undefined)
      .then(() => {
        if (!still()) return;
        const to = home.current;
        if (to) void showStart(to.wave, to.code);
        else if (addressCode.current) void openWave(addressCode.current, addressCode.current === props.code ? props.wave : undefined);
        else setView({ kind: 'code' });
      });
  };

  /** Changes the address without a reload (the tablet's Back leaves the survey, as it does from any screen). */
  const setAddress = (path: string, code: string | undefined) => {
    // A preview stays at its own address: a reload opens the same preview.
    if (preview) return;
    addressCode.current = code;
    if (location.pathname !== path) history.replaceState(null, '', path);
  };

  const carryOn = (session: Session) => {
    home.current = { wave: session.wave, code: session.code };
    setAddress(`/s/${session.code}`, session.code);
    setView({ kind: 'survey', session });
  };

  useIdle(view.kind === 'survey', IDLE_MS, () => view.kind === 'survey' && setView({ kind: 'still-there', session: view.session }));
  useIdle(view.kind === 'still-there', STILL_THERE_MS, startAgain);

  const finish = async (s: Session) => {
    const result = validateAnswers(s.instrument, prune(s.instrument, s.answers));
    if (!result.ok) return setView({ kind: 'problem', message: t('survey.invalid_answers') });
    if (preview) {
      void store.clearCurrent();
      return setView({ kind: 'preview-end', wave: s.wave });
    }
    const body = { id: s.id, code: s.code, instrument: s.instrument.id, version: s.instrument.version, answers: result.answers };
    const still = live();
    await store.finish(body);
    setStatuses((all) => ({ ...all, [s.id]: { kind: 'sending' } }));
    if (still()) setView({ kind: 'end', wave: s.wave, code: s.code, responseId: s.id, gender: s.answers.gender });
    void sender.flushNow();
  };

  const waiting = useWaiting(async () => {
    const items = await store.pending();
    return { count: items.length, refused: items.filter((i) => i.rejected).length };
  }, [view.kind]);

  const council =
    'wave' in view ? view.wave.authority : view.kind === 'survey' ? view.session.wave.authority : view.kind === 'results' ? view.results.authority : undefined;
  const authority = council?.name;

  return (
    <Frame key={round} authority={authority} contact={council?.contact} onLeave={startAgain} preview={!!preview}>
      {screen()}
    </Frame>
  );

  function screen() {
    switch (view.kind) {
      case 'code':
        return (
          <CodeEntry
            locale={locale}
            onLocale={changeLocale}
            onCode={(code) => {
              // Opened in the page (no reload), so the language chosen here stays.
              setAddress(`/s/${code}`, code);
              void openWave(code);
            }}
          />
        );
      case 'loading':
        return <p class="loading" role="status">{t('survey.loading')}</p>;
      case 'problem':
        return problem(view.message, view.retry);
      case 'start':
        return (
          <Start
            wave={view.wave}
            locale={locale}
            waiting={waiting}
            onLocale={changeLocale}
            onAge={(age) => void begin(view.wave, view.code, age)}
            onBegin={() => void begin(view.wave, view.code, undefined)}
            onResults={earlier === view.code ? () => void openResults(view.code, true, { wave: view.wave, code: view.code }) : undefined}
          />
        );
      case 'school':
        return (
          <School
            locale={locale}
            onPick={(secondary) => void begin(view.wave, view.code, view.age, secondary)}
            onBack={() => setView({ kind: 'start', wave: view.wave, code: view.code })}
          />
        );
      case 'survey':
        return surveyStep(view.session);
      case 'still-there': {
        const session = view.session;
        return <StillThere locale={locale} onCarryOn={() => carryOn(session)} onStartAgain={startAgain} />;
      }
      case 'results': {
        const { from, screen: ResultsScreen } = view;
        return (
          <ResultsScreen
            results={view.results}
            locale={locale}
            onLocale={changeLocale}
            onBack={from && (() => (stopSpeaking(), void showStart(from.wave, from.code)))}
          />
        );
      }
      case 'preview-end':
        return <PreviewEnd onReset={startAgain} />;
      case 'end':
        return (
          <End
            authority={view.wave.authority.name}
            programme={view.wave.programme}
            adults={forAdults(view.wave)}
            locale={locale}
            status={statuses[view.responseId] ?? { kind: 'sending' }}
            onReset={startAgain}
            onRetry={() => void sender.retryRejected()}
          />
        );
    }
  }

  function problem(message: string, retry?: () => void) {
    const otherCode = () => {
      setAddress('/', undefined);
      home.current = undefined;
      setView({ kind: 'code' });
    };
    return <Problem message={message} locale={locale} onRetry={retry} onOtherCode={otherCode} />;
  }

  function surveyStep(s: Session) {
    const inst: Instrument = s.instrument;
    const go = (answers: Answers, by: 1 | -1) => {
      const cleaned = prune(inst, answers);
      const first = steps(inst, cleaned)[0]!;
      // Back from the first screen returns to the start; only the age was given.
      if (by === -1 && sameStep(s.step, first)) {
        stopSpeaking();
        void store.clearCurrent();
        home.current = { wave: s.wave, code: s.code };
        return setView({ kind: 'start', wave: s.wave, code: s.code });
      }
      stopSpeaking();
      void save({ ...s, locale, answers: cleaned, step: move(inst, cleaned, s.step, by) });
    };
    const nav = { locale, onNext: () => go(s.answers, 1), onBack: () => go(s.answers, -1) };
    const step: Step = s.step;
    switch (step.kind) {
      case 'adult-intro':
        return <AdultIntro {...nav} />;
      case 'handover':
        return <Handover {...nav} />;
      case 'review':
        return <Review {...nav} onNext={() => void finish(s)} />;
      case 'question': {
        const q = inst.questions.find((x) => x.id === step.id);
        if (!q) return problem(t('survey.load_failed'));
        const without = (): Answers => {
          const { [q.id]: _skipped, ...rest } = s.answers;
          return rest;
        };
        return (
          <QuestionScreen
            key={q.id}
            question={q}
            value={s.answers[q.id]}
            progress={progress(inst, q.id)}
            locale={locale}
            young={inst.band === '4-7' && q.answeredBy === 'child'}
            adults={inst.audience === 'adults'}
            council={s.wave.authority}
            onAnswer={(value: AnswerValue) => go({ ...s.answers, [q.id]: value }, 1)}
            onSkip={() => go(without(), 1)}
            onBack={nav.onBack}
          />
        );
      }
    }
  }
}
