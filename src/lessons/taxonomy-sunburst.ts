import { integer, percent } from '../charts/lib/format.ts';
import { defineLesson, holds } from './lib/lesson.ts';

export default defineLesson({
  chartId: 'taxonomy-sunburst',
  lesson: ({ categories, taxonomy }) => {
    const bySize = [...categories].sort((a, b) => b.share - a.share);
    const [largest, second] = bySize;
    const smallest = bySize.at(-1)!;
    holds(Boolean(largest && second && largest.share > second.share), 'one category is the largest');
    const [values, level1, level2] = taxonomy.levelCounts;
    const share = (c: typeof largest) => `It is ${c!.category.toLowerCase()}, with ${percent(c!.share)} of all the times Claude showed a value`;
    return {
      goal: 'Students can read a part-to-whole chart with levels: categories hold clusters, clusters hold values, and each arc is as wide as its share of all value expressions.',
      misconception: {
        wrong: '“A wider arc means Claude holds that value more strongly.”',
        right: 'Width shows how often values were expressed across conversations (their share of all value expressions), not how strongly, sincerely or importantly they were held.',
      },
      discussion: [
        `Zoom into the smallest category (${smallest.category}). Which of its clusters would you have expected to be larger, and why might it be small in a chat assistant’s conversations?`,
        'What does the chart hide by showing every value as part of one category? Think of a value that could belong to two.',
        'The taxonomy was built from Claude’s replies, not from a theory of human values. Commentators, not the paper, have set it beside human frameworks such as Schwartz’s theory of basic human values. What would you expect a taxonomy of people’s values to hold that this one lacks?',
      ],
      gettingStarted: [
        {
          ask: 'Which of the five groups in the inner ring is the biggest?',
          answer: `${share(largest)}.`,
          choices: { right: largest!.category, wrong: [second!.category, smallest.category] },
        },
        {
          ask: 'Which of the five groups is the smallest?',
          answer: `${share(smallest)}.`,
          choices: { right: smallest.category, wrong: [largest!.category, second!.category] },
        },
      ],
      goingFurther: [
        {
          ask: 'Each arc is as wide as its share. Why are some arcs in the outer ring too thin to see?',
          answer: `The outer ring holds all ${integer(values)} values, and most of them are rare. So many of them get only a thin slice.`,
        },
        {
          ask: `Each ring splits the one inside it: ${level2} groups, then ${level1}, then ${integer(values)} values. Pick one arc and follow it out. What do you find?`,
          answer: 'Answers vary. A good answer names the arc, the bigger group it sits in and some of the values inside it.',
        },
      ],
    };
  },
});
