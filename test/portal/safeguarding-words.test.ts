// The safeguarding word list: whole words in their word forms, however the
// text was typed, every locale. The corpus test (test/unit/safeguarding-corpus.test.ts)
// checks the shipped list against hundreds of texts; this one checks the rules.
import { describe, expect, it } from 'vitest';
import { compileMatcher, loadWordList } from '../../server/safeguarding/matcher.js';
import { englishForms, welshForms } from '../../server/safeguarding/word-forms.js';
import { foldForSearch } from '../../surveys/text.js';

const m = compileMatcher(loadWordList(undefined));

describe('word forms', () => {
  it('English: -s/-es, -ed/-d, -ing and the dropped g, with the spelling rules', () => {
    expect(englishForms('touch')).toEqual(expect.arrayContaining(['touch', 'touches', 'touched', 'touching', 'touchin', 'touchs']));
    expect(englishForms('abuse')).toEqual(expect.arrayContaining(['abuses', 'abused', 'abusing', 'abusin']));
    expect(englishForms('bully')).toEqual(expect.arrayContaining(['bullies', 'bullied', 'bullying', 'bullyed']));
    expect(englishForms('die')).toEqual(expect.arrayContaining(['dies', 'died', 'dying']));
    expect(englishForms('frighten')).toEqual(expect.arrayContaining(['frightened', 'frightend']));
    // Short words of a phrase (me, my) keep their one form.
    expect(englishForms('me')).toEqual(['me']);
  });

  it('Welsh: soft, nasal and aspirate mutations, h before a vowel', () => {
    expect(welshForms('brifo')).toEqual(['brifo', 'frifo', 'mrifo']);
    expect(welshForms('taro')).toEqual(['taro', 'daro', 'nharo', 'tharo']);
    expect(welshForms('cam')).toEqual(['cam', 'gam', 'ngham', 'cham']);
    expect(welshForms('lladd')).toEqual(['lladd', 'ladd']);
    expect(welshForms('ofn')).toEqual(['ofn', 'hofn']);
    expect(welshForms('chwarae')).toEqual(['chwarae']);
  });
});

describe('text folded for searching', () => {
  it.each([
    ['HU\u200BRTS', 'hurts'],
    ['sel\u00ADf har\u2060m', 'self harm'],
    ['\uFF34\uFF2F\uFF35\uFF23\uFF28', 'touch'],
    ['don\u2019t', 'dont'],
    ['scaaaared', 'scared'],
    ['إنتحار', 'انتحار'],
    ['خائفة', 'خايفه'],
    ['أذى', 'اذي'],
    ['خـــائف', 'خايف'],
    ['casáu', 'casau'],
  ])('%s reads as %s', (text, folded) => {
    expect(foldForSearch(text)).toBe(folded);
  });
});

describe('safeguarding matcher', () => {
  it('has words for every supported survey locale', () => {
    expect(Object.keys(loadWordList(undefined)).sort()).toEqual(['ar', 'cy', 'en']);
  });
  it.each([
    ['my foster carer touches me at night', 'touch me'],
    ['he touched me', 'touch me'],
    ['he kicked me', 'kick me'],
    ['he punched me', 'punch me'],
    ['he slapped me', 'slap me'],
    ['Sometimes he HITS ME when he is angry', 'hit me'],
    ['my dad is abusive', 'abusive'],
    ['I was bullied', 'bully'],
    ['I want to kill my self', 'kill my self'],
    ['i want to kill myself', 'kill my self'],
    ['I selfharm', 'self harm'],
    ['I ran away', 'ran away'],
    ['he molested me', 'molest'],
    ['it really hurts', 'hurt'],
    ['he hu\u200Brts me', 'hurt me'],
    ['he hu\u00ADrts me', 'hurt me'],
    ['I don’t feel safe here', "don't feel safe"],
    ['I feel suicidal', 'suicid*'],
    ['Dw i ddim yn ddiogel gartref', 'ddim yn ddiogel'],
    ['Mae e’n fy mrifo i', 'brifo'],
    ['أنا خائف في البيت', 'خائف'],
    ['اقتل نفسي', 'أقتل نفسي'],
    ['إنتحار', 'انتحار'],
    ['أفكر في الانتحار', 'انتحار'],
    ['انا خائفه', 'خائفة'],
  ])('flags %s', (text, word) => {
    expect(m.find(text)).toContain(word);
  });
  it.each(['I love my bedroom', 'my social worker is great', 'shurt is a made up word', 'whatever', 'I kicked the ball', 'my sister is a therapist', 'صديقتي سكينة'])(
    'leaves %s alone',
    (text) => {
      expect(m.find(text)).toEqual([]);
    },
  );
  it('reads a * inside a phrase as any ending of that word, in a list of its own', () => {
    const own = compileMatcher({ en: ['kick* me'] });
    expect(own.find('he kickboxed me')).toEqual(['kick* me']);
    expect(own.find('kick the ball')).toEqual([]);
  });
});
