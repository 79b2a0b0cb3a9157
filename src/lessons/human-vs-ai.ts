import { percent } from '../charts/lib/format.ts';
import { capitalize } from '../lib/text.ts';
import humanVsAi from '../charts/human-vs-ai.ts';
import { dataOf, defineLesson, holds } from './lib/lesson.ts';

export default defineLesson({
  chartId: 'human-vs-ai',
  lesson: (model) => {
    const { rows } = dataOf(humanVsAi, model);
    const users = rows.filter((r) => r.who === 'Users (human values)');
    const claude = rows.filter((r) => r.who === 'Claude (AI values)');
    const [userTop, userSecond, userThird] = users;
    const [claudeTop, claudeSecond] = claude;
    const shared = users.filter((u) => claude.some((c) => c.value === u.value)).map((u) => u.value);
    holds(shared.length >= 3, 'at least three values appear on both sides');
    holds(claudeTop!.pct > userTop!.pct, 'Claude’s top value appears in more conversations than users’ top value');
    const list = capitalize(`${shared.slice(0, 2).join(', ')} and ${shared[2]}`);
    return {
      goal: 'Students can compare two rankings drawn on one scale and ask whether they were measured the same way before comparing them.',
      misconception: {
        wrong: `“Users care about values far less than Claude does: their top value appears in only ${percent(userTop!.pct)} of conversations.”`,
        right: 'Users’ values were counted only when stated outright; Claude’s also when implied by what it wrote. The bars are not like for like, so the gap says as much about how values were counted as about users.',
      },
      discussion: [
        'Users’ values were counted only when they said them outright; Claude’s also when they were implicit. How would that change the bars, and what comparison would be fair?',
        `${list} appear on both sides. Why might users and Claude share these in particular?`,
      ],
      gettingStarted: [
        {
          ask: 'Which value did users show most often?',
          answer: `It was ${userTop!.value}. Users showed it in ${percent(userTop!.pct)} of chats.`,
          choices: { right: userTop!.value, wrong: [userSecond!.value, userThird!.value] },
        },
        {
          ask: 'In what share of chats did Claude show its top value?',
          answer: `Claude showed ${claudeTop!.value} in ${percent(claudeTop!.pct)} of chats.`,
          choices: { right: percent(claudeTop!.pct), wrong: [percent(userTop!.pct), percent(claudeSecond!.pct)] },
        },
      ],
      goingFurther: [
        {
          ask: 'Users’ values were counted only when they said them out loud. Claude’s were also counted when they were only hinted at. How does that change the bars?',
          answer: 'Users’ bars come out shorter than they would if hints counted too. A fair test would count both sides the same way.',
        },
        {
          ask: `${list} show up on both sides. Why might users and Claude share these?`,
          answer: 'Many chats are about getting work done. A user who wants clear, quick work and a helper doing that work will care about the same things.',
        },
      ],
    };
  },
});
