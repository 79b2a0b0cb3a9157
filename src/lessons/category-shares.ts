import { percent } from '../charts/lib/format.ts';
import { defineLesson, find, holds } from './lib/lesson.ts';

export default defineLesson({
  chartId: 'category-shares',
  lesson: ({ categories, valuesPerConversation }) => {
    const [first, second, third] = [...categories].sort((a, b) => b.share - a.share);
    const mostValues = [...categories].sort((a, b) => b.values - a.values)[0]!;
    const social = find(categories, (c) => c.category === 'Social values', 'the Social values category');
    const epistemic = find(categories, (c) => c.category === 'Epistemic values', 'the Epistemic values category');
    holds(social.values > epistemic.values && social.share < epistemic.share, 'social values are more numerous than epistemic ones but have a smaller share');
    holds(mostValues !== first, 'the category with the most values is not the one with the largest share');
    const perChat = Math.round(valuesPerConversation);
    return {
      goal: 'Students can tell a share of all value expressions from a share of conversations, and the number of distinct values in a category from how often they appear.',
      misconception: {
        wrong: `“Practical values appeared in ${percent(first!.share)} of conversations.”`,
        right: `${percent(first!.share)} is practical values’ share of all value expressions. The five shares add up to 100% because each expression is counted once, but a conversation usually shows several values (about ${perChat} on average), so no share here is a share of conversations.`,
      },
      discussion: [
        `${social.category} have more distinct values than ${epistemic.category.toLowerCase()} (${social.values} against ${epistemic.values}) but a smaller share. What does that tell you about how often each social value appears?`,
        'Would you expect the same five shares from a different AI model, or from people talking to each other? What would change them?',
      ],
      gettingStarted: [
        {
          ask: `Of all the times Claude showed a value, what share were ${first!.category.toLowerCase()}?`,
          answer: `${percent(first!.share)}. That is the biggest share of the five.`,
          choices: { right: percent(first!.share), wrong: [percent(second!.share), percent(third!.share)] },
        },
        {
          ask: 'Which group has the longest list of different values?',
          answer: `It is ${mostValues.category.toLowerCase()}, with ${mostValues.values} different values. It is not the group with the biggest share.`,
          choices: { right: mostValues.category, wrong: categories.filter((c) => c !== mostValues).slice(0, 2).map((c) => c.category) },
        },
      ],
      goingFurther: [
        {
          ask: `${social.category} have more different values than ${epistemic.category.toLowerCase()}, but a smaller share. What does that tell you about each social value?`,
          answer: 'On average each social value comes up less often. The group’s share is split among more values, so each one gets a smaller piece.',
        },
        {
          ask: `Is it right to say that ${first!.category.toLowerCase()} came up in ${percent(first!.share)} of chats? Why or why not?`,
          answer: `No. The shares split up all the times Claude showed a value, and they add up to 100%. One chat often shows several values, about ${perChat} on average, so a share of those times is not a share of chats.`,
        },
      ],
    };
  },
});
