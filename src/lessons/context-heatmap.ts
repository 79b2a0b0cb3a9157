import { integer } from '../charts/lib/format.ts';
import { capitalize } from '../lib/text.ts';
import contextHeatmap from '../charts/context-heatmap.ts';
import { dataOf, defineLesson, find, holds, required } from './lib/lesson.ts';

export default defineLesson({
  chartId: 'context-heatmap',
  lesson: (model) => {
    const { cells, threshold, valueCount } = dataOf(contextHeatmap, model);
    const reported = cells.filter((c) => c.residual !== null).sort((a, b) => b.residual! - a.residual!);
    const top = find(reported, () => true, 'a reported residual');
    const advice = reported.filter((c) => c.task === 'relationship advice');
    const [boundaries, respect] = advice;
    holds(Boolean(boundaries && respect), 'relationship advice has two reported values');
    holds(reported.every((c) => c.residual! > threshold), `every reported residual is above ${threshold.toFixed(2)}`);
    const rankOf = (value: string) => required(model.value(value), `the value “${value}”`).rank;
    const cutoff = threshold.toFixed(2);
    const round = (residual: number | null) => String(Math.round(residual!));
    return {
      goal: 'Students can read adjusted residuals on a dot chart as “over-represented compared with chance”, tell them from frequency by the rank beside each dot, and treat a pair missing from the chart as “not reported” rather than zero.',
      misconception: {
        wrong: `“${capitalize(top.value)} has the biggest number, so it is one of Claude’s most common values.”`,
        right: `A residual measures how far a value is over-represented in one task compared with what chance would predict, not how often it appears. ${capitalize(top.value)} ranks ${integer(rankOf(top.value))} of ${integer(valueCount)} values overall. A task and value missing from the chart is a combination the paper does not report, not a zero.`,
      },
      discussion: [
        `“${boundaries!.value}” is far above chance in ${boundaries!.task}. Is that Claude’s value or the topic’s? How could you tell the difference?`,
        `Every reported residual is above ${cutoff}, the level at which a result counts as significant here. Why would a study correct its threshold for testing thousands of values at once?`,
      ],
      gettingStarted: [
        {
          ask: `Of the dots for ${boundaries!.task}, which value has the highest residual?`,
          answer: `It is ${boundaries!.value}, at ${round(boundaries!.residual)}.`,
          choices: { right: boundaries!.value, wrong: [respect!.value, reported.find((c) => c.task !== boundaries!.task)!.value] },
        },
        {
          ask: 'What is the largest residual on the chart?',
          answer: `It is ${round(top.residual)}, the top dot. It is for ${top.value}, in ${top.task}.`,
          choices: { right: round(top.residual), wrong: [round(boundaries!.residual), cutoff] },
        },
      ],
      goingFurther: [
        {
          ask: `“${boundaries!.value}” shows up far more than chance in ${boundaries!.task}. Is that Claude’s value, or does it come with the topic? How could you tell?`,
          answer: 'It could be both. You could check if Claude brings it up even when the user does not, or compare with what people say about the same topic.',
        },
        {
          ask: `${capitalize(top.value)} has the biggest number. Does that mean it is one of the most common values overall?`,
          answer: `No. The number shows how much more often it comes up in this task than chance would give. Overall it ranks ${integer(rankOf(top.value))} out of ${integer(valueCount)}.`,
        },
      ],
    };
  },
});
