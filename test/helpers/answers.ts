// Builds valid answer sets from the instrument definitions, for tests and benchmarks.
import { scaleOf, integerBounds, isShown, type Answers, type Instrument } from '../../surveys/index.js';

/**
 * Answers every question that is shown. `seed` varies the choices
 * (option seed mod count, integers likewise) so different seeds give different, still valid, answers.
 */
export function fullAnswers(inst: Instrument, seed = 0): Answers {
  const answers: Answers = {};
  for (const q of inst.questions) {
    if (!isShown(q, answers)) continue;
    const scale = scaleOf(q);
    const bounds = integerBounds(scale, inst);
    if (scale.kind === 'options') answers[q.id] = scale.options[seed % scale.options.length]!;
    else if (bounds) answers[q.id] = bounds.min + (seed % (bounds.max - bounds.min + 1));
    else answers[q.id] = `Answer ${seed}: more time with my social worker, please.`;
  }
  return answers;
}
