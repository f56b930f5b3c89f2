// What children and young people might write, for the free-text answers
// of the demo. A few are the kind the safeguarding list should catch.
/**
 * What each age might write: an 8-year-old does not ask for driving lessons,
 * nor a care leaver for sleepovers. Pools by the ages an instrument is for
 * (see commentsFor).
 */
export const COMMENTS = {
  /** Up to 11 (the 4-7 and 8-11 surveys). */
  children: [
    'Seeing my brother more often would make it better.',
    'I want to keep the same social worker, I have had four this year.',
    'I would like to go on trips with my foster family.',
    'Help with my homework and someone to go to parents evening.',
    'Not having to move schools again.',
    'More money for clubs like football and swimming.',
    'My carers are really nice and I feel at home.',
    'Being allowed to have sleepovers without forms.',
    'Letting me see my nan at weekends.',
    'I like my school and my teachers help me a lot.',
    'Having a pet where I live.',
    'Being able to stay up a bit later like other kids.',
    'Keeping my room the same when I come back from holidays.',
    'Less paperwork before I can go on a school trip.',
    'My foster carer makes the best dinners.',
    'I am happy where I am, please let me stay.',
    'More time to play with my friends after school.',
  ],
  /** 11 to 17. */
  teenagers: [
    'More time to talk to my social worker on my own.',
    'Being told about meetings before they happen.',
    'Having my own phone so I can call my mum.',
    'Not having to move schools again.',
    'People listening to what I say in my reviews.',
    'I want to know why I am in care, nobody has explained it properly.',
    'Someone to talk to when I feel lonely at night.',
    'Being allowed to have sleepovers without forms.',
    'Telling me sooner when I am going to move.',
    'My social worker should come when she says she will.',
    'More pocket money and being allowed to choose my own clothes.',
    'Not being treated differently from my friends at school.',
    'Knowing who to call when my worker is off sick.',
    'Contact with my dad without it being supervised.',
    'Somebody to help me with my mental health without a long wait.',
    'A key worker who is the same person every week.',
    'Hearing back after I said what I wanted in my review.',
    'Help learning to cook and manage money before I leave.',
  ],
  /** 16 and over: care leavers. */
  careLeavers: [
    'Help learning to cook and manage money before I leave.',
    'Getting a flat near my friends when I move out.',
    'My PA is brilliant, she always calls me back.',
    'Help finding a job or an apprenticeship.',
    'Help with the bills, I did not know how much gas costs.',
    'Support to go to college and a laptop that works.',
    'Learning to drive would help me get to work.',
    'Knowing who to call when my PA is off sick.',
    'Somebody to help me with my mental health without a long wait.',
    'Someone to talk to when I feel lonely at night.',
  ],
} as const;

/** The pool for an instrument's ages: up to 11, 11 to 17, or 16 and over. */
export function commentsFor(ages: { minAge: number; maxAge: number }): readonly string[] {
  if (ages.maxAge <= 11) return COMMENTS.children;
  return ages.minAge >= 16 ? COMMENTS.careLeavers : COMMENTS.teenagers;
}

/** Worrying texts: a handful in the demo so the portal's safeguarding queue has something to show. */
export const WORRYING_COMMENTS = [
  'Someone at my placement hit me last week and I did not tell anyone.',
  'I do not feel safe where I live at the moment.',
  'Sometimes I think about hurting myself.',
];
