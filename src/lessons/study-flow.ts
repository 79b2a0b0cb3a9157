import { integer, percent } from '../charts/lib/format.ts';
import { defineLesson, holds } from './lib/lesson.ts';

export default defineLesson({
  chartId: 'study-flow',
  lesson: (model) => {
    const fig = (key: string) => model.scope(key).value;
    const sampled = fig('conversations_sampled');
    const kept = fig('subjective_conversations');
    const keptShare = fig('subjective_share');
    const [values, level1, level2, categories] = model.taxonomy.levelCounts;
    holds(keptShare < 50, 'more than half of the sampled chats were left out');
    return {
      goal: `Students can trace how ${integer(sampled)} raw conversations became ${integer(values)} values in a ${categories}-category taxonomy, and say what each step keeps, drops or summarises.`,
      misconception: {
        wrong: `“Claude expressed values in ${percent(keptShare, 0)} of conversations.”`,
        right: `${percent(keptShare, 0)} is the share of sampled conversations judged subjective enough to analyse; the rest were set aside before any values were looked for. Within the ${integer(kept)} analysed, ${percent(fig('convos_with_ai_value'))} had at least one value expressed by Claude.`,
      },
      discussion: [
        'At which step could a mistake change the results most, and how did the researchers check it?',
        `The classifier that picked the subjective conversations was ${fig('subjectivity_accuracy')}% accurate in a human check. Which way could its ${100 - fig('subjectivity_accuracy')}% of mistakes push the results?`,
        'The values were named by a language model and then grouped. What would be lost, and what gained, if people had named them instead?',
        `The ${integer(values)} values were grouped into ${level1}, then ${level2}, then ${categories} clusters. What does grouping make easier to see, and what can it hide?`,
      ],
      gettingStarted: [
        {
          ask: 'How many chats did the study start with?',
          answer: `${integer(sampled)} chats.`,
          choices: { right: integer(sampled), wrong: [integer(kept), integer(values)] },
        },
        {
          ask: 'How many of those chats did the team keep to look for values?',
          answer: `${integer(kept)} chats. That is ${percent(keptShare, 0)} of the chats they started with.`,
          choices: { right: integer(kept), wrong: [integer(sampled), integer(values)] },
        },
      ],
      goingFurther: [
        {
          ask: 'The team left out more than half of the chats. Why might they do that?',
          answer: 'Many chats are plain tasks with one right answer, such as fixing a typo. Those show few values, so the team kept the chats where the answer calls for judgement.',
        },
        {
          ask: 'A computer model, not a person, found the values in each chat. How could the team check its work?',
          answer: `People checked a sample by hand. They agreed with the model on the values ${fig('extraction_accuracy')}% of the time.`,
        },
      ],
    };
  },
});
