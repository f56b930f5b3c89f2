// What children and young people might write, for the free-text answers
// of the demo. A few are the kind the safeguarding list should catch.
export const COMMENTS = [
  'Seeing my brother more often would make it better.',
  'I want to keep the same social worker, I have had four this year.',
  'More time to talk to my social worker on my own.',
  'Being told about meetings before they happen.',
  'I would like to go on trips with my foster family.',
  'Having my own phone so I can call my mum.',
  'Help with my homework and someone to go to parents evening.',
  'Not having to move schools again.',
  'People listening to what I say in my reviews.',
  'More money for clubs like football and swimming.',
  'My carers are really nice and I feel at home.',
  'I want to know why I am in care, nobody has explained it properly.',
  'Help learning to cook and manage money before I leave.',
  'Getting a flat near my friends when I move out.',
  'Someone to talk to when I feel lonely at night.',
  'Being allowed to have sleepovers without forms.',
  'My PA is brilliant, she always calls me back.',
  'Help finding a job or an apprenticeship.',
];

/** Worrying texts: a handful in the demo so the portal's safeguarding queue has something to show. */
export const WORRYING_COMMENTS = [
  'Someone at my placement hit me last week and I did not tell anyone.',
  'I do not feel safe where I live at the moment.',
  'Sometimes I think about hurting myself.',
];
