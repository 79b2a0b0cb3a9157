import { integer, percent } from '../charts/lib/format.ts';
import rareValues from '../charts/rare-values.ts';
import { dataOf, defineLesson, holds } from './lib/lesson.ts';

export default defineLesson({
  chartId: 'rare-values',
  lesson: (model) => {
    const { rare, conversations, typical, mostAroundTypical } = dataOf(rareValues, model);
    const byShare = [...rare].sort((a, b) => b.pctConvos - a.pctConvos);
    const [first, second, third] = byShare;
    holds(Boolean(first && second && third), 'three values are traced to jailbreaks');
    holds(!mostAroundTypical, `the values are commoner than the paper’s “around ${typical}%”`);
    const chats = (pct: number) => integer(Math.round((pct / 100) * conversations));
    const share = (pct: number) => percent(pct, 3);
    return {
      goal: 'Students can turn a small percentage into a count of conversations and discuss how a rare signal can be useful without accusing individuals.',
      misconception: {
        wrong: `“Claude holds values like ${first!.value}.”`,
        right: 'These values appeared in Claude’s responses in a small number of conversations, most likely where users tried to get around its safeguards (jailbreaks). The paper reads them as a warning sign of such attempts, not as values Claude holds.',
      },
      discussion: [
        `A value in only ${share(first!.pctConvos)} of conversations is still about ${chats(first!.pctConvos)} of them. How would you use such a signal without flagging innocent users?`,
        `The paper says such values appear in “around ${typical}%” of conversations; these three appear in ${share(third!.pctConvos)} to ${share(first!.pctConvos)}. Why might it matter which is right?`,
      ],
      gettingStarted: [
        {
          ask: 'Which of the three values came up most often?',
          answer: `It was ${first!.value}, in ${share(first!.pctConvos)} of chats.`,
          choices: { right: first!.value, wrong: [second!.value, third!.value] },
        },
        {
          ask: `About how many chats is ${share(first!.pctConvos)} of ${integer(conversations)}?`,
          answer: `About ${chats(first!.pctConvos)} chats.`,
          choices: { right: chats(first!.pctConvos), wrong: [chats(second!.pctConvos), chats(third!.pctConvos)] },
        },
      ],
      goingFurther: [
        {
          ask: `A value in only ${share(first!.pctConvos)} of chats is still about ${chats(first!.pctConvos)} chats. How could it be used as a warning sign without blaming people who did nothing wrong?`,
          answer: 'Use it to look for patterns across many chats, not to judge one person. Then check by hand before acting.',
        },
        {
          ask: `The paper says values like these come up in about ${typical}% of chats. Do these three fit that?`,
          answer: `No. All three come up more often, from ${share(third!.pctConvos)} to ${share(first!.pctConvos)} of chats.`,
        },
      ],
    };
  },
});
