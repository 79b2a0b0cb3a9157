import stableCore from '../charts/stable-core.ts';
import { dataOf, defineLesson, find, holds } from './lib/lesson.ts';

export default defineLesson({
  chartId: 'stable-core',
  lesson: (model) => {
    const { rows } = dataOf(stableCore, model);
    const acrossTasks = rows.filter((r) => r.set === 'AI values, across tasks').sort((a, b) => a.cv - b.cv);
    const steadiest = find(acrossTasks, () => true, 'a value varying across tasks');
    const helpfulTasks = find(acrossTasks, (r) => r.value === 'helpfulness', 'helpfulness across tasks');
    const helpfulUsers = find(rows, (r) => r.set === 'AI values, across human values' && r.value === 'helpfulness', 'helpfulness across human values');
    holds(helpfulUsers.cv > 2 * helpfulTasks.cv, 'helpfulness varies far more across user values than across tasks');
    return {
      goal: 'Students can read a coefficient of variation as “how much a value’s frequency moves between contexts, relative to its average”, and tell steadiness from commonness.',
      misconception: {
        wrong: '“A low coefficient of variation means the value is common.”',
        right: 'It means the value’s frequency changes little from one context to the next, relative to its own average. A rare value can be steady and a common one can swing; the chart of top values shows how common each is.',
      },
      discussion: [
        `Why would helpfulness vary less across tasks (${helpfulTasks.cv}) than across the values users bring (${helpfulUsers.cv})? What would a high number mean?`,
        'There are far more distinct user values than task types. How could the number of groups, and their sizes, affect a coefficient of variation?',
      ],
      gettingStarted: [
        {
          ask: 'Which value changes the least from one kind of task to another?',
          answer: `It is ${steadiest.value}. Its number, ${steadiest.cv}, is the lowest in that group.`,
          choices: { right: steadiest.value, wrong: acrossTasks.filter((r) => r !== steadiest).map((r) => r.value) },
        },
        {
          ask: 'On this chart, does a lower number mean a value is steadier or less steady?',
          answer: 'Steadier. A lower number means the value’s share changes less from one kind of chat to another.',
          choices: { right: 'steadier', wrong: ['less steady'] },
        },
      ],
      goingFurther: [
        {
          ask: `Helpfulness changes more across the values users bring (${helpfulUsers.cv}) than across tasks (${helpfulTasks.cv}). What could explain that?`,
          answer: 'There are far more user values than kinds of task, so each group is small and its share jumps around more. What a user cares about may also change how Claude replies.',
        },
        {
          ask: 'What would a high number mean for a value?',
          answer: 'That it shows up a lot in some kinds of chat and hardly at all in others.',
        },
      ],
    };
  },
});
