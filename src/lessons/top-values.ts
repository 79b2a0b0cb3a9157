import { percent } from '../charts/lib/format.ts';
import { defineLesson, required } from './lib/lesson.ts';

export default defineLesson({
  chartId: 'top-values',
  lesson: (model) => {
    const [first, second, third, , , sixth] = model.taxonomy.values;
    const accuracy = required(model.value('accuracy'), 'the value “accuracy”');
    const share = (v: typeof first) => percent(v!.pctConvos);
    return {
      goal: 'Students can read a ranked bar chart of shares and say what “% of conversations” counts: conversations in which a value was expressed, not how well or how often Claude acted on it.',
      misconception: {
        wrong: `“Claude values accuracy in ${percent(accuracy.pctConvos)} of conversations” means “Claude is accurate ${percent(accuracy.pctConvos)} of the time.”`,
        right: `The figure counts conversations in which accuracy was expressed as a value (named or clearly shown in Claude’s response). It says nothing about how often Claude’s answers were accurate: a correct answer that never speaks of accuracy is not counted, and a wrong one that stresses accuracy is.`,
      },
      discussion: [
        'Most of the top values describe doing a job well rather than ethics. Why might that be, given what people use an assistant for?',
        `Helpfulness appears in ${share(first)} of conversations. What would you need to know to decide whether that is a lot or a little?`,
        'Filter the chart by category. Which category’s top values surprise you?',
      ],
      gettingStarted: [
        {
          ask: 'Which value did Claude show in the most chats?',
          answer: `Claude showed ${first!.name} in ${share(first)} of chats, more than any other value.`,
          choices: { right: first!.name, wrong: [third!.name, sixth!.name] },
        },
        {
          ask: `In what share of chats did Claude show ${second!.name}?`,
          answer: `${share(second)} of chats.`,
          choices: { right: share(second), wrong: [share(third), share(sixth)] },
        },
      ],
      goingFurther: [
        {
          ask: 'Most of the top values are about doing a job well. Why might that be?',
          answer: 'One likely reason: many chats ask for practical help, like writing or fixing code, and doing that well calls for values like being clear and thorough. The open data has no tasks, so this is a reason to check, not a finding.',
        },
        {
          ask: `Claude showed ${first!.name} in ${share(first)} of chats. Does that mean it was not helpful in the rest?`,
          answer: `No. The number counts chats where ${first!.name} was picked out as a value Claude showed. Claude may have helped in many more chats without it being named.`,
        },
      ],
    };
  },
});
