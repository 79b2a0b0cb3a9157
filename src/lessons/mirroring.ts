import { percent } from '../charts/lib/format.ts';
import mirroring from '../charts/mirroring.ts';
import valuePairs from '../charts/value-pairs.ts';
import { dataOf, defineLesson, find, holds } from './lib/lesson.ts';

export default defineLesson({
  chartId: 'mirroring',
  lesson: (model) => {
    const { rows } = dataOf(mirroring, model);
    const byRate = [...rows].sort((a, b) => b.pct - a.pct);
    const support = find(rows, (r) => r.responseType === 'support', 'mirroring when supporting');
    const rarest = byRate.at(-1)!;
    holds(rarest.responseType === 'strong resistance', 'mirroring is rarest under strong resistance');
    const pushback = [...new Set(dataOf(valuePairs, model).rows.filter((r) => r.pattern === 'opposing').map((r) => r.ai))];
    return {
      goal: 'Students can read a rate within a group (mirroring among supportive responses) and explain why it changes with the kind of response.',
      misconception: {
        wrong: `“Claude copies the user’s value in ${percent(support.pct)} of all conversations.”`,
        right: `${percent(support.pct)} is the rate among supportive responses only: of the conversations where Claude supported the user, that share had Claude expressing the very value the user expressed. Each bar is a share of its own kind of response, not of all conversations.`,
      },
      discussion: [
        'Why would mirroring almost vanish when Claude resists?',
        'Supporting a user and mirroring their value are not the same. When does support without mirroring serve the user better?',
      ],
      gettingStarted: [
        {
          ask: 'When Claude backed a user up, how often did it show the very same value back?',
          answer: `In ${percent(support.pct)} of those chats.`,
          choices: { right: percent(support.pct), wrong: rows.filter((r) => r !== support).map((r) => percent(r.pct)) },
        },
        {
          ask: 'For which kind of reply is mirroring rarest?',
          answer: `It is rarest for ${rarest.responseType}, at ${percent(rarest.pct)}.`,
          choices: { right: rarest.responseType, wrong: rows.filter((r) => r !== rarest).map((r) => r.responseType) },
        },
      ],
      goingFurther: [
        {
          ask: 'Why would Claude almost never show the user’s own value when it pushes back hard?',
          answer: `Pushing back means going against what the user wants. So Claude shows other values instead, such as ${pushback.slice(0, 2).join(' or ')}.`,
        },
        {
          ask: 'Backing a user up is not the same as showing their value back. Give an example of support without mirroring.',
          answer: 'A user who values speed asks for help with a task. Claude helps and shows care for doing it right, which backs the user up but is a different value.',
        },
      ],
    };
  },
});
