import valuePairs from '../charts/value-pairs.ts';
import { dataOf, defineLesson, find } from './lib/lesson.ts';

export default defineLesson({
  chartId: 'value-pairs',
  lesson: (model) => {
    const { rows } = dataOf(valuePairs, model);
    const mirrored = find(rows, (r) => r.pattern === 'mirroring', 'a mirrored pair');
    const complement = find(rows, (r) => r.pattern === 'complementing', 'a complementing pair');
    const opposed = find(rows, (r) => r.pattern === 'opposing', 'an opposing pair');
    const againstIt = rows.filter((r) => r.pattern === 'opposing' && r.human === opposed.human).map((r) => r.ai);
    const alongside = rows.filter((r) => r.pattern === 'complementing' && r.human === complement.human).map((r) => r.ai);
    const and = (xs: string[]) => (xs.length > 1 ? `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}` : xs[0]!);
    return {
      goal: 'Students can name three ways an assistant’s values can relate to a user’s (mirroring, complementing, opposing) and judge when each is appropriate.',
      misconception: {
        wrong: '“Mirroring a user’s value means Claude simply agrees with the user.”',
        right: `Mirroring means Claude expressed the same value (${mirrored.human} met with ${mirrored.ai}); it can be appropriate support or drift into sycophancy. The figures are residuals or shares of different things, so compare patterns, not the numbers across rows.`,
      },
      discussion: [
        'When is mirroring a user’s values helpful, and when could it become sycophancy?',
        `Claude answered ${opposed.human} with ${and(againstIt)}. Is opposing a user’s value ever the helpful thing to do?`,
      ],
      gettingStarted: [
        {
          ask: `When a user valued ${mirrored.human}, which value did Claude show far more than chance?`,
          answer: `It showed ${mirrored.ai}, the same value. This is called mirroring.`,
          choices: { right: mirrored.ai, wrong: [complement.ai, opposed.ai].filter((v) => v !== mirrored.ai) },
        },
        {
          ask: `Which value did Claude show in reply to ${opposed.human}?`,
          answer: `Claude replied with ${and(againstIt)}. Each of them pushes back on ${opposed.human}.`,
          choices: { right: opposed.ai, wrong: [mirrored.ai, complement.ai].filter((v) => v !== opposed.ai) },
        },
      ],
      goingFurther: [
        {
          ask: 'When is it good for Claude to share a user’s value? When could it turn into just telling people what they want to hear?',
          answer: 'It helps when the value fits the task, like wanting work done well. It goes wrong when Claude agrees just to please, even when the user is heading the wrong way.',
        },
        {
          ask: `A user who values ${complement.human} got ${and(alongside)} from Claude. Why might Claude add these?`,
          answer: 'They go with the user’s value without copying it. They add a check, like owning up to mistakes or knowing what you do not know.',
        },
      ],
    };
  },
});
