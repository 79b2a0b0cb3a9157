import { integer, percentAdaptive } from '../charts/lib/format.ts';
import { defineLesson, holds, required } from './lib/lesson.ts';

export default defineLesson({
  chartId: 'values-atlas',
  lesson: ({ taxonomy, longTail }) => {
    const [first, second, third] = taxonomy.values;
    const top = required(first, 'the commonest value');
    const [values, level1] = taxonomy.levelCounts;
    const largestCategory = required(taxonomy.categories[0], 'the largest category');
    const smallestCategory = required(taxonomy.categories.at(-1), 'the smallest category');
    holds(largestCategory.share > smallestCategory.share, 'one category is larger than another');
    holds(longTail.medianPctConvos < top.pctConvos / 10, 'the middle value is a small dot beside the largest one');
    return {
      goal: 'Students can read a packed-circle chart of a whole taxonomy: each circle’s area stands for a value’s share of conversations, and circles sit inside the clusters that hold them.',
      misconception: {
        wrong: '“A cluster with a big circle holds the most values.”',
        right: 'A cluster’s circle is as large as how often its values were expressed together, not how many values it holds: a few common values can make a larger circle than many rare ones.',
      },
      discussion: [
        `Most of the ${integer(values)} circles are specks. What does the picture say about how often most values came up?`,
        'Pick a cluster and look at its values. Would you have put them together? What other grouping could the study have used?',
      ],
      gettingStarted: [
        {
          ask: 'Which value has the biggest circle?',
          answer: `It is ${top.name}. It came up in ${percentAdaptive(top.pctConvos)} of chats, more than any other value.`,
          choices: { right: top.name, wrong: [second, third].filter((v) => v !== undefined).map((v) => v.name) },
        },
        {
          ask: 'Which of the five big groups takes up the most room?',
          answer: `It is ${largestCategory.name.toLowerCase()}. The smallest is ${smallestCategory.name.toLowerCase()}.`,
          choices: { right: largestCategory.name, wrong: [smallestCategory.name, taxonomy.categories[1]?.name ?? smallestCategory.name].filter((n, i, all) => all.indexOf(n) === i) },
        },
      ],
      goingFurther: [
        {
          ask: `Half of all values came up in ${percentAdaptive(longTail.medianPctConvos)} of chats or fewer. How does the picture show this?`,
          answer: 'Most circles are tiny dots next to a few big ones. A few values came up often, and most came up rarely.',
        },
        {
          ask: `The values sit in ${integer(level1)} small clusters. Find one value you care about. What is near it, and does that make sense?`,
          answer: 'Answers vary. A good answer names the value, its cluster and two of its neighbours, and says why they may belong together.',
        },
      ],
    };
  },
});
