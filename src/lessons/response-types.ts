import { percent } from '../charts/lib/format.ts';
import { capitalize } from '../lib/text.ts';
import responseTypes from '../charts/response-types.ts';
import { dataOf, defineLesson, find, holds } from './lib/lesson.ts';

export default defineLesson({
  chartId: 'response-types',
  lesson: (model) => {
    const { rows, groups } = dataOf(responseTypes, model);
    const pct = (type: string) => find(rows, (r) => r.type === type, `the response type “${type}”`).pct;
    const [strong, mild] = [pct('strong resistance'), pct('mild resistance')];
    const [stronger, weaker] = strong > mild ? ['strong resistance', 'mild resistance'] : ['mild resistance', 'strong resistance'];
    holds(strong !== mild, 'strong and mild resistance differ');
    holds(groups.support > groups.resistance, 'support is commoner than resistance');
    return {
      goal: 'Students can read a diverging bar chart of shares of all conversations, combine categories (strong + mild), and account for the conversations with no values to respond to.',
      misconception: {
        wrong: `“Claude agreed with users ${percent(groups.support)} of the time and disagreed the rest of the time.”`,
        right: `Support is ${percent(groups.support)} of all conversations and resistance ${percent(groups.resistance)}; reframing (${percent(groups.reframing)}) and neutral acknowledgment (${percent(groups.neutral)}) sit between, and in ${percent(groups.none)} there were no user values to respond to at all.`,
      },
      discussion: [
        'Resistance is rare. Is that reassuring or worrying? What would you want to know about the conversations where Claude resisted?',
        'How is reframing different from resisting? Think of a request where reframing would be the most helpful reply.',
      ],
      gettingStarted: [
        {
          ask: 'In what share of chats did Claude back up the user’s values? Add strong and mild support.',
          answer: `${percent(groups.support)} of chats (${percent(pct('strong support'))} strong plus ${percent(pct('mild support'))} mild).`,
          choices: { right: percent(groups.support), wrong: [percent(pct('strong support')), percent(groups.resistance)] },
        },
        {
          ask: 'Which is more common: strong resistance or mild resistance?',
          answer: `${capitalize(stronger)} is, at ${percent(pct(stronger))} of chats against ${percent(pct(weaker))}.`,
          choices: { right: stronger, wrong: [weaker] },
        },
      ],
      goingFurther: [
        {
          ask: 'Claude pushed back on a user’s values in only a few chats. Is that good news or bad news? What would you want to know about those chats?',
          answer: 'It can be both. Most requests are fine, so little pushback is expected. You would want to know what the users asked for, and if Claude pushed back at the right times.',
        },
        {
          ask: `In ${percent(groups.none)} of chats there were no user values to respond to. Why might that be?`,
          answer: 'Many requests, like “fix this code”, do not say or hint at what the user cares about. Then there is nothing for Claude to back up or push back on.',
        },
      ],
    };
  },
});
