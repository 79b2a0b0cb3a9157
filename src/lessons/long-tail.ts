import { integer, percent, percentAdaptive } from '../charts/lib/format.ts';
import { defineLesson } from './lib/lesson.ts';

export default defineLesson({
  chartId: 'long-tail',
  lesson: (model) => {
    const { cutoff, shareUnderCutoff, medianPctConvos } = model.longTail;
    const [values, level1, level2] = model.taxonomy.levelCounts;
    const chats = model.scope('subjective_conversations').value;
    const rarest = model.taxonomy.values.at(-1)!;
    const top = model.taxonomy.values[0]!;
    const cutoffChats = Math.round((cutoff / 100) * chats);
    const medianChats = Math.round((medianPctConvos / 100) * chats);
    return {
      goal: 'Students can read a ranked distribution on a logarithmic scale and explain why a few common values and a long tail of rare ones are both real features of the data.',
      misconception: {
        wrong: '“A value in the long tail is so rare that it is noise and can be ignored.”',
        right: `The cut-off, ${percent(cutoff, 2)} of conversations, is still about ${integer(cutoffChats)} of the ${integer(chats)} analysed. Rare in share does not mean rare in number. And some values worth watching (see the early-warning chart) appear in few conversations without being in the long tail at all.`,
      },
      discussion: [
        'If most values are rare, what would a study of only one week of conversations miss? How might you check whether a rare value is real or noise?',
        'Why does the chart use a logarithmic scale on both axes? What would a plain scale hide?',
      ],
      gettingStarted: [
        {
          ask: `What share of all the values show up in fewer than ${percent(cutoff, 2)} of chats?`,
          answer: `${percent(shareUnderCutoff)} of all the values. Most values are rare.`,
          choices: { right: percent(shareUnderCutoff), wrong: [percent(100 - shareUnderCutoff), percent(cutoff, 2)] },
        },
        {
          ask: 'How many values does the chart rank in all?',
          answer: `${integer(values)} values.`,
          choices: { right: integer(values), wrong: [integer(level1), integer(level2)] },
        },
      ],
      goingFurther: [
        {
          ask: 'On the y-axis, each step up is ten times the one below. Why draw it like that here?',
          answer: `The values run from ${percentAdaptive(top.pctConvos)} of chats down to ${percentAdaptive(rarest.pctConvos)}. On a plain scale, all but a few values would be squashed flat along the bottom.`,
        },
        {
          ask: `Half of all values show up in ${percentAdaptive(medianPctConvos)} of chats or fewer. About how many chats is that, out of ${integer(chats)}?`,
          answer: `About ${integer(medianChats)} chats. That is a small share, but they are real chats.`,
        },
      ],
    };
  },
});
