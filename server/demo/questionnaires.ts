// The councils' questionnaires of the small demo (issue 14): a carers' and a
// social workers' questionnaire in the Brighton & Hove style (statements on
// the 1-5 agreement scale, read as mean scores year on year), added for
// every authority as a programme admin would, with rounds in 2024 and 2025
// at three authorities; and Middlesbrough's own local questions after the
// core 11-17 questions of its ylyc rounds. They go in through the one store
// (server/repos/questionnaires.ts), as `hearme questionnaire add` does.
import { SMALL_DEMO_CODES } from './authorities.js';

/** The years the questionnaires were run: a "this year and last" for their reports. */
export const QUESTIONNAIRE_PERIODS = ['2024', '2025'];
/** Who ran the carers' and staff questionnaires: Doncaster, Middlesbrough, North Somerset. */
export const QUESTIONNAIRE_AUTHORITIES = SMALL_DEMO_CODES.slice(0, 3);
/** The authority with local questions on its ylyc rounds (the demo officer's, so the portal shows them). */
export const LOCAL_QUESTIONS_AUTHORITY = 'E06000002';

const agree = (id: string, en: string) => ({ id, type: 'agree5', text: { en } });

export const STAFF_QUESTIONNAIRE = {
  id: 'demo-staff',
  version: 1,
  title: { en: 'Social workers’ survey' },
  audience: 'adults',
  locales: ['en'],
  questions: [
    {
      id: 'role',
      type: 'options',
      text: { en: 'Your role' },
      options: [
        { id: 'sw', text: { en: 'Social worker' } },
        { id: 'senior_sw', text: { en: 'Senior social worker' } },
        { id: 'pm', text: { en: 'Practice manager' } },
      ],
    },
    agree('time_for_children', 'I have time to build relationships with the children I work with'),
    agree('reflective_supervision', 'My supervision is reflective'),
    agree('manageable_caseload', 'My caseload is manageable'),
    agree('admin_leaves_time', 'Admin leaves me enough time for direct work with children'),
    agree('feel_valued', 'I feel valued by the service'),
    { id: 'anything_else', type: 'text', text: { en: 'Anything else you want to tell us?' } },
  ],
  indicators: [
    { id: 'has_time', label: { en: 'Has time to build relationships' }, question: 'time_for_children', options: [4, 5], better: 'higher' },
    { id: 'caseload_ok', label: { en: 'Caseload manageable' }, question: 'manageable_caseload', options: [4, 5], better: 'higher' },
  ],
  scores: ['time_for_children', 'reflective_supervision', 'manageable_caseload', 'admin_leaves_time', 'feel_valued'],
};

export const CARERS_QUESTIONNAIRE = {
  id: 'demo-carers',
  version: 1,
  title: { en: 'Foster and kinship carers’ survey' },
  audience: 'adults',
  locales: ['en'],
  questions: [
    {
      id: 'carer_type',
      type: 'options',
      text: { en: 'You are' },
      options: [
        { id: 'foster', text: { en: 'A foster carer' } },
        { id: 'kinship', text: { en: 'A kinship carer (family or friend)' } },
      ],
    },
    agree('sw_listens', 'The child’s social worker listens to me'),
    agree('support_when_needed', 'I get support when I need it'),
    agree('told_about_plans', 'I am told about plans for the child in good time'),
    agree('training_helps', 'The training I am offered helps me care for the child'),
    agree('would_recommend', 'I would recommend caring for the council to a friend'),
    { id: 'anything_else', type: 'text', text: { en: 'Anything else you want to tell us?' } },
  ],
  indicators: [{ id: 'listened_to', label: { en: 'Listened to by the child’s social worker' }, question: 'sw_listens', options: [4, 5], better: 'higher' }],
  scores: ['sw_listens', 'support_when_needed', 'told_about_plans', 'training_helps', 'would_recommend'],
};

export const LOCAL_QUESTIONS = {
  id: 'demo-middlesbrough-local',
  version: 1,
  title: { en: 'Middlesbrough’s own questions' },
  audience: 'young_people',
  locales: ['en'],
  extends: { instrument: 'ylyc-11-17', version: 1 },
  questions: [
    agree('things_to_do', 'There are good things for young people to do near where I live'),
    agree('know_advocate', 'I know how to get an advocate if I need one'),
    { id: 'local_idea', type: 'text', text: { en: 'What one thing should Middlesbrough change for young people in care?' } },
  ],
  indicators: [{ id: 'things_to_do', label: { en: 'Good things to do nearby' }, question: 'things_to_do', options: [4, 5], better: 'higher' }],
  scores: ['things_to_do', 'know_advocate'],
};

/** Mean agreement (1-5) the demo draws each statement around: time and admin low, as Brighton & Hove's social workers said. */
export const AGREEMENT_MEANS: Record<string, number> = {
  time_for_children: 2.7,
  reflective_supervision: 3.5,
  manageable_caseload: 2.6,
  admin_leaves_time: 2.3,
  feel_valued: 3.2,
  sw_listens: 3.8,
  support_when_needed: 3.4,
  told_about_plans: 3.0,
  training_helps: 3.9,
  would_recommend: 3.6,
  things_to_do: 3.1,
  know_advocate: 3.3,
};

/** What staff and carers might write in the demo (none of it about a real person). */
export const ADULT_COMMENTS = [
  'Less time on forms would mean more time with the children.',
  'Supervision has got better since the new team manager started.',
  'Out of hours support is hard to reach at weekends.',
  'I would like more notice of review meetings.',
  'Training on trauma was really useful.',
  'Caseloads are too high to do the job properly.',
  'Please keep the same social worker for our child.',
  'The carers’ support group makes a big difference.',
];
