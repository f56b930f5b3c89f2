// The text of the children's version of the results, in every locale the
// survey has: the headings, the words of each band (results-wording.ts)
// and what each indicator means said to the children themselves. Kept out
// of the locale files so it is loaded only with the results screen, not
// on the survey's first screen. A sentence is `${words} ${said}.`.
import type { IndicatorId } from './indicators.js';
import type { Words } from './results-wording.js';

export interface ResultsText {
  title: string;
  intro: string;
  good: string;
  change: string;
  pledges: string;
  /** "{{band}}" is replaced by the age band (written as i18next writes a placeholder, so the spoken clips are cut at it). */
  ages: string;
  words: Record<Words, string>;
  said: Record<IndicatorId, string>;
}

const en: ResultsText = {
  title: 'What children told us last time',
  intro: 'Thank you for telling us about your life. Here is what you said, and what we will do.',
  good: 'What is going well',
  change: 'What needs to change',
  pledges: 'What we will do',
  ages: 'Ages {{band}}',
  words: {
    nearly_all: 'Nearly all of you',
    most: 'Most of you',
    about_half: 'About half of you',
    nearly_half: 'Nearly half of you',
    some: 'Some of you',
    hardly_any: 'Hardly any of you',
  },
  said: {
    knows_social_worker: 'know who your social worker is',
    trusts_social_worker: 'trust your social worker',
    same_social_worker: 'had only one social worker in the last year',
    can_contact_social_worker: 'can easily get in touch with your social worker',
    trusts_carers: 'trust the adults you live with',
    carers_notice_feelings: 'say the adults you live with notice how you feel',
    has_good_friend: 'have a really good friend',
    has_trusted_adult: 'have an adult you trust who sticks by you',
    knows_personal_adviser: 'know who your personal adviser is',
    often_lonely: 'often feel lonely',
    understands_why_in_care: 'understand why you are in care',
    included_in_decisions: 'feel included in decisions about your life',
    afraid_of_bullying: 'are afraid to go to school because of bullying',
    made_embarrassed: 'have been made to feel embarrassed about being in care',
    likes_school: 'like school',
    has_fun: 'get to have fun and do hobbies',
    given_trust: 'get the chance to show you can be trusted',
    feels_safe: 'feel safe where you live',
    feels_settled: 'feel settled where you live',
    likes_bedroom: 'like your bedroom',
    life_getting_better: 'think your life is getting better',
    low_life_satisfaction: 'are not happy with your life at the moment',
    low_happiness: 'did not feel happy yesterday',
  },
};

const cy: ResultsText = {
  title: 'Beth ddywedodd plant wrthym y tro diwethaf',
  intro: "Diolch am ddweud wrthym am eich bywyd. Dyma beth ddywedoch chi, a beth fyddwn ni'n ei wneud.",
  good: "Beth sy'n mynd yn dda",
  change: 'Beth sydd angen newid',
  pledges: "Beth fyddwn ni'n ei wneud",
  ages: 'Oed {{band}}',
  words: {
    nearly_all: 'Mae bron pob un ohonoch chi',
    most: "Mae'r rhan fwyaf ohonoch chi",
    about_half: 'Mae tua hanner ohonoch chi',
    nearly_half: 'Mae bron hanner ohonoch chi',
    some: 'Mae rhai ohonoch chi',
    hardly_any: 'Prin fod neb ohonoch chi',
  },
  said: {
    knows_social_worker: 'yn gwybod pwy yw eich gweithiwr cymdeithasol',
    trusts_social_worker: 'yn ymddiried yn eich gweithiwr cymdeithasol',
    same_social_worker: 'wedi cael dim ond un gweithiwr cymdeithasol yn y flwyddyn ddiwethaf',
    can_contact_social_worker: "yn gallu cysylltu â'ch gweithiwr cymdeithasol yn hawdd",
    trusts_carers: "yn ymddiried yn yr oedolion rydych chi'n byw gyda nhw",
    carers_notice_feelings: "yn dweud bod yr oedolion rydych chi'n byw gyda nhw yn sylwi sut rydych chi'n teimlo",
    has_good_friend: 'gyda ffrind da iawn',
    has_trusted_adult: "gydag oedolyn rydych chi'n ymddiried ynddo sy'n glynu wrthoch chi",
    knows_personal_adviser: 'yn gwybod pwy yw eich cynghorydd personol',
    often_lonely: "yn teimlo'n unig yn aml",
    understands_why_in_care: 'yn deall pam rydych chi mewn gofal',
    included_in_decisions: 'yn teimlo eich bod yn cael eich cynnwys mewn penderfyniadau am eich bywyd',
    afraid_of_bullying: "ag ofn mynd i'r ysgol oherwydd bwlio",
    made_embarrassed: 'wedi cael eich gwneud i deimlo cywilydd am fod mewn gofal',
    likes_school: "yn hoffi'r ysgol",
    has_fun: 'yn cael hwyl ac yn gwneud hobïau',
    given_trust: 'yn cael cyfle i ddangos bod modd ymddiried ynoch chi',
    feels_safe: "yn teimlo'n ddiogel lle rydych chi'n byw",
    feels_settled: "yn teimlo'n gartrefol lle rydych chi'n byw",
    likes_bedroom: 'yn hoffi eich ystafell wely',
    life_getting_better: 'yn meddwl bod eich bywyd yn gwella',
    low_life_satisfaction: "ddim yn hapus â'ch bywyd ar hyn o bryd",
    low_happiness: "ddim wedi teimlo'n hapus ddoe",
  },
};

const ar: ResultsText = {
  title: 'ما أخبرنا به الأطفال في المرة الماضية',
  intro: 'شكرًا لأنكم أخبرتمونا عن حياتكم. هذا ما قلتموه، وهذا ما سنفعله.',
  good: 'ما يسير بشكل جيد',
  change: 'ما يجب أن يتغيّر',
  pledges: 'ما سنفعله',
  ages: 'الأعمار {{band}}',
  words: {
    nearly_all: 'جميعكم تقريبًا',
    most: 'معظمكم',
    about_half: 'حوالي نصفكم',
    nearly_half: 'ما يقارب نصفكم',
    some: 'بعضكم',
    hardly_any: 'قلة قليلة جدًا منكم',
  },
  said: {
    knows_social_worker: 'يعرفون من هو الأخصائي الاجتماعي الخاص بهم',
    trusts_social_worker: 'يثقون بالأخصائي الاجتماعي الخاص بهم',
    same_social_worker: 'كان لديهم أخصائي اجتماعي واحد فقط خلال السنة الماضية',
    can_contact_social_worker: 'يستطيعون التواصل مع الأخصائي الاجتماعي بسهولة',
    trusts_carers: 'يثقون بالبالغين الذين يعيشون معهم',
    carers_notice_feelings: 'يقولون إن البالغين الذين يعيشون معهم يلاحظون ما يشعرون به',
    has_good_friend: 'لديهم صديق جيد حقًا',
    has_trusted_adult: 'لديهم شخص بالغ يثقون به ويقف إلى جانبهم',
    knows_personal_adviser: 'يعرفون من هو مستشارهم الشخصي',
    often_lonely: 'يشعرون بالوحدة غالبًا',
    understands_why_in_care: 'يفهمون لماذا هم في الرعاية',
    included_in_decisions: 'يشعرون بأنهم مشاركون في القرارات المتعلقة بحياتهم',
    afraid_of_bullying: 'يخافون من الذهاب إلى المدرسة بسبب التنمّر',
    made_embarrassed: 'جعلهم البالغون يشعرون بالإحراج لكونهم في الرعاية',
    likes_school: 'يحبون المدرسة',
    has_fun: 'يستمتعون ويمارسون هوايات',
    given_trust: 'يحصلون على فرصة ليُظهروا أنهم أهل للثقة',
    feels_safe: 'يشعرون بالأمان في المكان الذي يعيشون فيه',
    feels_settled: 'يشعرون بالاستقرار في المكان الذي يعيشون فيه',
    likes_bedroom: 'يحبون غرفة نومهم',
    life_getting_better: 'يعتقدون أن حياتهم تتحسّن',
    low_life_satisfaction: 'غير راضين عن حياتهم في الوقت الحالي',
    low_happiness: 'لم يشعروا بالسعادة أمس',
  },
};

export const RESULTS_LOCALES = ['en', 'cy', 'ar'] as const;
export type ResultsLocale = (typeof RESULTS_LOCALES)[number];
export const RESULTS_TEXT: Record<ResultsLocale, ResultsText> = { en, cy, ar };

/** One finding as children read it: "Most of you feel safe where you live." */
export function resultSentence(locale: ResultsLocale, words: Words, indicator: IndicatorId): string {
  const t = RESULTS_TEXT[locale];
  return `${t.words[words]} ${t.said[indicator]}.`;
}
