import { integer, percent } from '../charts/lib/format.ts';
import modelVariants from '../charts/model-variants.ts';
import { dataOf, defineLesson, find, holds } from './lib/lesson.ts';

export default defineLesson({
  chartId: 'model-variants',
  lesson: (model) => {
    const { rows, samples } = dataOf(modelVariants, model);
    const metric = (name: string) => rows.filter((r) => r.metric === name).sort((a, b) => b.pct - a.pct);
    const [mostResisting, ...otherResisting] = metric('strong resistance');
    const supporting = metric('strong support');
    const opus = find(samples, (s) => s.model === 'Claude 3 Opus', 'the Claude 3 Opus sample');
    const opusSupport = find(supporting, (r) => r.model === opus.model, 'Claude 3 Opus strong support');
    const largest = [...samples].sort((a, b) => b.subjective - a.subjective)[0]!;
    holds(mostResisting!.model === opus.model && supporting[0]!.model === opus.model, 'Claude 3 Opus both supports and resists most');
    holds(opus.subjective * 10 < largest.subjective, 'the Claude 3 Opus sample is far smaller');
    const subjectiveShare = (sample: { model: string }) => {
      const row = find(model.paper.modelSamples, (r) => r.model === sample.model, `the ${sample.model} sample`);
      return (100 * row.subjective) / row.conversations;
    };
    const tasks = [model.scope('opus_task_academic_papers').value, model.scope('opus_task_creative_writing').value];
    return {
      goal: 'Students can compare groups of different sizes drawn from different samples and name what, besides the models, could explain a difference.',
      misconception: {
        wrong: '“The differences show each model’s personality and nothing else.”',
        right: `The samples were drawn separately and differ in size (${integer(opus.subjective)} subjective conversations for ${opus.model} against ${integer(largest.subjective)}) and in tasks: in the ${opus.model} sample, ${percent(tasks[0]!)} of conversations generated academic papers and ${percent(tasks[1]!)} were creative writing. Some of the difference may come from what people asked each model.`,
      },
      discussion: [
        `${opus.model} both supports and resists more in its sample. What, besides the model, differs between the samples? Could any of it explain the gap?`,
        'What would you need to compare the models fairly?',
      ],
      gettingStarted: [
        {
          ask: 'Which model pushed back hard on users’ values most often?',
          answer: `${mostResisting!.model} did, in ${percent(mostResisting!.pct)} of chats.`,
          choices: { right: mostResisting!.model, wrong: otherResisting.map((r) => r.model) },
        },
        {
          ask: `In what share of chats did ${opus.model} strongly back up users’ values?`,
          answer: `${percent(opusSupport.pct)} of chats.`,
          choices: { right: percent(opusSupport.pct), wrong: supporting.filter((r) => r !== opusSupport).map((r) => percent(r.pct)) },
        },
      ],
      goingFurther: [
        {
          ask: `${opus.model} was studied in far fewer chats: ${integer(opus.subjective)}. Why does that matter when you compare it?`,
          answer: `Its chats were a different set: ${percent(tasks[0]!)} of them were for writing school or research papers, and ${percent(tasks[1]!)} were stories and other creative writing. The gap may come from what people asked, not just from the model.`,
        },
        {
          ask: `${opus.model} both backs users up and pushes back more than the others. Does that show the model takes sides more?`,
          answer: `Not on its own. The data cannot tell why. The samples differ in size (${integer(opus.subjective)} chats against ${integer(largest.subjective)}), were drawn separately, and held different tasks, and a different share of them was judged to need a value judgement (${percent(subjectiveShare(opus))} against ${percent(subjectiveShare(largest))}). Any of these could change the figures, as could the model.`,
        },
      ],
    };
  },
});
