import { percentAdaptive } from '../charts/lib/format.ts';
import { plural } from '../lib/text.ts';
import valueFamily from '../charts/value-family.ts';
import { dataOf, defineLesson, find, holds } from './lib/lesson.ts';

export default defineLesson({
  chartId: 'value-family',
  lesson: (model) => {
    const data = dataOf(valueFamily, model);
    const word = valueFamily.options!.defaults(data).family;
    const family = find(data.families, (f) => f.word === word, `the “${word}” family`);
    const others = data.families.filter((f) => f !== family && f.members.length !== family.members.length);
    const [first, second] = family.members;
    const patient = find(family.members, (m) => m.value === `patient ${word}`, `the value “patient ${word}”`);
    holds(first!.pctConvos > 3 * patient.pctConvos, `${first!.value} is far more common than patient ${word}`);
    const categories = new Set(family.members.map((m) => m.category));
    const share = (m: { pctConvos: number }) => percentAdaptive(m.pctConvos);
    return {
      goal: `Students can explain how one idea (${word}) turns into many values in the data, named for a setting, and weigh splitting against lumping when counting values.`,
      misconception: {
        wrong: `“The ${family.members.length} ${word} values are ${family.members.length} different ideas.”`,
        right: `They are mostly one idea with a setting in the name (the user’s, a patient’s, a learner’s); the open data records no context, so the names, not the data, say where each came up. The taxonomy groups similar values into clusters, but each name is counted as its own value, which is one reason the list of values is so long.`,
      },
      discussion: [
        `Why might “${first!.value}” be so much more common than “${patient.value}”? What does that say about what people ask Claude for?`,
        `Should the study have merged these into one value? What would the charts of top values and of the long tail look like if it had?`,
      ],
      gettingStarted: [
        {
          ask: `How many different values have the word “${word}” in their name?`,
          answer: `${plural(family.members.length, 'value')}.`,
          choices: { right: String(family.members.length), wrong: others.slice(0, 2).map((f) => String(f.members.length)) },
        },
        {
          ask: `Which ${word} value is the most common?`,
          answer: `It is ${first!.value}, in ${share(first!)} of chats.`,
          choices: { right: first!.value, wrong: [second!.value, patient.value] },
        },
      ],
      goingFurther: [
        {
          ask: `Why might “${first!.value}” come up so much more than “${patient.value}”?`,
          answer: `The data cannot say why: it records no context. The names suggest a reason to check, that a patient’s care comes up in fewer chats than a user’s own choices, but that is a guess, not a finding. What the data does show: ${share(first!)} of chats against ${share(patient)}.`,
        },
        {
          ask: `Should all these ${word} values count as one value? Give one reason for and one against.`,
          answer: `For: they share one idea, and one value would be easier to compare. Against: the setting matters, and the names show where the idea came up.${categories.size === 1 ? ` All of them sit in the same group, ${[...categories][0]!.toLowerCase()}.` : ''}`,
        },
      ],
    };
  },
});
