import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset, loadPaperFigures } from '../../src/data/load.ts';
import { buildModel } from '../../src/data/model.ts';
import type { ValueNode } from '../../src/data/taxonomy.ts';
import { unzipPack } from '../../src/lessons/lib/pack-zip.ts';
import { realDatasetDir } from '../unit/dataset-dir.ts';

/**
 * The study's sentences as a reader meets them: the text of every built page (and of the course packs' pages and
 * question banks), not the templates, so that a second template saying the same wrong thing fails too (issue 21).
 */
const dist = path.resolve('dist');
const model = buildModel(loadDataset(realDatasetDir), loadPaperFigures());
const bySlug = new Map(model.taxonomy.values.map((v) => [v.slug, v]));

/** A block of text (a paragraph, list item, cell…) with the value pages it links to marked ⟦slug⟧ before their text. */
interface Block {
  file: string;
  text: string;
  /** The value the page is about (value pages only). */
  pageValue?: ValueNode;
}

const BLOCKS = 'p, li, dd, dt, td, th, h1, h2, h3, figcaption, summary, caption, title, question_text, mattext';
const LINK = /⟦([^⟧]+)⟧/g;

function blocksOf(file: string, html: string): Block[] {
  const { document } = parseHTML(html);
  for (const hidden of document.querySelectorAll('script, style, svg, template')) hidden.remove();
  for (const a of document.querySelectorAll('a[href*="/values/"]')) {
    const slug = /\/values\/([^/?#]+)\/?(?:[?#].*)?$/.exec(a.getAttribute('href') ?? '')?.[1];
    if (slug && bySlug.has(slug)) a.textContent = `⟦${slug}⟧${a.textContent}`;
  }
  const slug = /^values\/([^/]+)\/index\.html$/.exec(file)?.[1];
  const pageValue = slug ? bySlug.get(slug) : undefined;
  const blocks: Block[] = [...document.querySelectorAll(BLOCKS)].map((e) => ({ file, text: (e.textContent ?? '').replace(/\s+/g, ' ').trim(), pageValue }));
  const description = document.querySelector('meta[name="description"]')?.getAttribute('content');
  if (description) blocks.push({ file, text: description, pageValue });
  return blocks.filter((b) => b.text);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(dist, path.join(d.parentPath, d.name)));
}

let blocks: Block[] = [];
beforeAll(() => {
  for (const file of filesUnder(dist)) {
    if (file.endsWith('.html')) blocks.push(...blocksOf(file, readFileSync(path.join(dist, file), 'utf8')));
    if (file.endsWith('.imscc')) {
      for (const [name, bytes] of unzipPack(readFileSync(path.join(dist, file)))) {
        if (/\.(html|xml)$/.test(name)) blocks.push(...blocksOf(`${file}!${name}`, new TextDecoder().decode(bytes)));
      }
    }
  }
}, 300_000);

/** The text as read, without the link marks. */
const plain = (text: string) => text.replace(LINK, '');
/** Every block whose text matches, as "file: text" (so a failure names the place). */
const where = (pattern: RegExp) => blocks.filter((b) => pattern.test(plain(b.text))).map((b) => `${b.file}: ${plain(b.text).slice(0, 240)}`);
const sentences = (text: string) => text.split(/(?<=[.;!?])\s+(?=[A-Z“‘(⟦])/);
const inFile = (file: string) => blocks.filter((b) => b.file === file).map((b) => plain(b.text)).join('\n');

describe('the built pages', () => {
  it('were read: the report, every value page and both course packs', () => {
    const files = new Set(blocks.map((b) => b.file.split('!')[0]));
    expect(files.has('index.html')).toBe(true);
    expect([...files].filter((f) => f!.startsWith('values/') && f !== 'values/index.html')).toHaveLength(model.taxonomy.values.length);
    expect([...files].filter((f) => f!.endsWith('.imscc'))).toHaveLength(2);
  });
});

describe('false and misleading statements of the second audit (issue 21), on every built page', () => {
  it('false 2: no user value is one Claude “typically meets” with a response; the paper’s direction is stated', () => {
    expect(where(/typically meets with/i)).toEqual([]);
    expect(where(/when a user values [^.]*, Claude answers with/i)).toEqual([]);
    expect(inFile('values/honesty/index.html')).toMatch(/not how Claude usually answers it/);
  });

  it('misleading 1: explicit statements are a higher rate in resistance, not “mostly when it resists”', () => {
    expect(where(/mostly when it resists/i)).toEqual([]);
    expect(inFile('values/harm-prevention/index.html')).toMatch(/higher rate/);
    expect(inFile('index.html')).toMatch(/higher rate, not a larger number/);
  });

  it('misleading 2: resistance “may reveal” the values held most firmly: the hedge stays', () => {
    const firmly = blocks.flatMap((b) => sentences(plain(b.text))).filter((s) => /holds? most firmly/.test(s));
    expect(firmly.length).toBeGreaterThan(0);
    for (const s of firmly) expect(s).toMatch(/\bmay\b|\bmight\b/);
  });

  it('misleading 3: a residual is not a multiple of its threshold; the takeaway gives the residual', () => {
    expect(where(/times the (significance )?threshold/i)).toEqual([]);
    const top = Math.max(...model.paper.taskResiduals.map((r) => r.residual ?? 0));
    expect(inFile('charts/context-heatmap/index.html')).toContain(`adjusted residual of ${top}, far above the significance threshold of ${model.threshold.toFixed(2)}`);
  });

  it('misleading 4: the model comparison tells no causal story and says the data cannot tell why', () => {
    expect(where(/speaks its mind|more “opinionated”/i)).toEqual([]);
    expect(inFile('charts/model-variants/teach/index.html')).toMatch(/cannot tell why/);
    expect(inFile('index.html')).toMatch(/The data cannot tell why/);
  });

  it('misleading 5: category shares are shares of value expressions, not “of all the values”', () => {
    expect(where(/of all the values Claude (showed|expressed)/i)).toEqual([]);
    const personal = model.categories.find((c) => c.category === 'Personal values')!;
    expect(where(new RegExp(`${personal.share.toFixed(1)}% of all the values`))).toEqual([]);
  });

  it('misleading 6: the mean of 1.48 user values is never set beside Claude’s 4.0', () => {
    const meanHuman = model.scope('mean_human_values').printed.value;
    const meanAi = model.scope('mean_ai_values').printed.value;
    const side = blocks.flatMap((b) => sentences(plain(b.text))).filter((s) => s.includes(meanHuman) && new RegExp(`(?<![\\d.])${meanAi.replace('.', '\\.')}(?![\\d])|about 4 `).test(s) && !/not set/.test(s));
    expect(side).toEqual([]);
  });

  it('misleading 7: no sentence says where context values appear: the open data has no context', () => {
    expect(where(/only where the conversation calls for them/i)).toEqual([]);
    expect(inFile('index.html')).toMatch(/records no context/);
  });

  it('misleading 8: values traced to jailbreaks are not called “rare values” among values', () => {
    expect(where(/\d+ rare values? the study traced/i)).toEqual([]);
    expect(inFile('values/amorality/index.html')).toMatch(/not rare among values/);
  });

  it('misleading 10: the response-type figures say they are shares of conversations, the mirroring ones of a response type', () => {
    const note = inFile('charts/response-types/index.html');
    expect(note).toMatch(/Shares of all [\d,]+ conversations; each conversation has one response type/);
    expect(note).toMatch(/mirroring figures are of another kind: shares of the conversations with one response type/);
    expect(inFile('charts/mirroring/index.html')).toMatch(/not of all conversations/);
  });
});

describe('counts and nouns agree on every built page', () => {
  /** "1 values", "1 categories": a count of one before a plural (verbs such as "1 is" are not nouns). */
  const ONE_BEFORE_PLURAL = /(?<![\d.,:/#\-–])\b1 (?!is\b|was\b|has\b|does\b|says\b|shows\b|means\b)([a-z-]+s)\b/g;

  it('the check finds what it looks for', () => {
    expect('They fall in 1 categories'.match(ONE_BEFORE_PLURAL)).toEqual(['1 categories']);
    expect('holding 1 values'.match(ONE_BEFORE_PLURAL)).toEqual(['1 values']);
    expect('0.1 values, 21 values, 1.48 values, rank 1 is, 1 value, 2–1 votes'.match(ONE_BEFORE_PLURAL)).toBeNull();
  });

  it('never writes “1” before a plural noun', () => {
    const found = blocks.flatMap((b) => [...plain(b.text).matchAll(ONE_BEFORE_PLURAL)].map((m) => `${b.file}: …${plain(b.text).slice(Math.max(0, m.index - 60), m.index + 30)}…`));
    expect(found).toEqual([]);
  });
});

/** The value a percentile or a "rare" is said of: linked, quoted, or named in the text before it. */
function valuesNamedIn(text: string): ValueNode[] {
  const linked = [...text.matchAll(LINK)].map((m) => bySlug.get(m[1]!)!);
  const quoted = [...plain(text).matchAll(/“([^”]+)”/g)].map((m) => model.value(m[1]!)).filter((v) => v !== undefined);
  return [...new Set([...linked, ...quoted])];
}

const isLetter = (c: string | undefined) => c !== undefined && /\p{L}/u.test(c);

/** The value whose name ends last in the 60 characters before `end` of the plain text (a whole-word match). */
function subjectBefore(text: string, end: number): ValueNode | undefined {
  const window = text.slice(Math.max(0, end - 60), end).toLowerCase();
  let best: { v: ValueNode; end: number } | undefined;
  for (const v of model.taxonomy.values) {
    const at = window.lastIndexOf(v.name.toLowerCase());
    if (at < 0 || isLetter(window[at - 1]) || isLetter(window[at + v.name.length])) continue;
    const ends = at + v.name.length;
    if (!best || ends > best.end || (ends === best.end && v.name.length > best.v.name.length)) best = { v, end: ends };
  }
  return best?.v;
}

/** Whether the text names the value as a whole word. */
const names = (text: string, v: ValueNode) => new RegExp(`(?<!\\p{L})${v.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\p{L})`, 'iu').test(text);

describe('percentiles are the model’s, rounded once', () => {
  const PERCENTILE = /(?:commoner|more common|more often) than (\d+(?:\.\d+)?)(?:–(\d+(?:\.\d+)?))?% of (?:all )?(?:the )?(?:[\d,]+ )?(?:values|them)\b|(\d+(?:\.\d+)?)% of values are rarer/g;
  const STAT = /^(\d+(?:\.\d+)?)% of values$/;
  const shown = (v: ValueNode) => v.commonerThan.toFixed(1);

  it('finds every percentile shown and checks it against the model', () => {
    const problems: string[] = [];
    let checked = 0;
    const check = (file: string, value: ValueNode | undefined, figure: string, context: string) => {
      checked++;
      if (!value) problems.push(`${file}: a percentile with no value named: ${context}`);
      else if (figure !== shown(value)) problems.push(`${file}: ${value.name} shown as ${figure}%, the model’s ${value.commonerThan} rounds to ${shown(value)}%`);
    };
    for (const b of blocks) {
      const text = plain(b.text);
      const stat = b.pageValue ? STAT.exec(text) : null; // the value page's "More common than" figure
      if (stat) check(b.file, b.pageValue, stat[1]!, text);
      for (const m of text.matchAll(PERCENTILE)) {
        const context = text.slice(Math.max(0, m.index - 80), m.index + m[0].length);
        if (m[2] !== undefined) {
          // A range is said of the values the block names: its ends are their lowest and highest percentiles.
          const named = model.taxonomy.values.filter((v) => names(text, v));
          // "sexual exploitation" names that value, not also "exploitation".
          const whole = named.filter((v) => !named.some((o) => o !== v && o.name.toLowerCase().includes(v.name.toLowerCase())));
          const ends = whole.map(shown).sort((a, z) => Number(a) - Number(z));
          checked++;
          if (ends[0] !== m[1] || ends.at(-1) !== m[2]) problems.push(`${b.file}: range ${m[1]}–${m[2]} against ${ends.join(', ')}: ${context}`);
          continue;
        }
        check(b.file, subjectBefore(text, m.index) ?? b.pageValue, m[1] ?? m[3]!, context);
      }
    }
    expect(problems).toEqual([]);
    // Every value page but the commonest's shows its own twice (the dek and the stat); the report and the chart more.
    expect(checked).toBeGreaterThan(2 * (model.taxonomy.values.length - 1));
  });

  it('shows amorality at 80.9%, not 81.0%: 2,677 of 3,307 values have a lower pct_convos', () => {
    const amorality = model.value('amorality')!;
    expect(amorality.commonerThan).toBeCloseTo((100 * 2677) / 3307, 9);
    expect(where(/amorality[^.]*81\.0% of values/i)).toEqual([]);
    expect(inFile('charts/rare-values/index.html')).toMatch(/amorality 0\.067% \(rank \d+; 80\.9% of values are rarer\)/);
  });
});

describe('“rare” and “long tail” mean one band, the one the long-tail chart shades', () => {
  const RARE = /\brare\b|\blong[- ]tail\b/i;
  const NEGATED = /\b(not|never|none|no|neither)\b[^.;]{0,30}\b(rare|long[- ]tail)\b/i;

  it('the band is the model’s: below the long-tail cutoff', () => {
    expect(model.longTail.cutoff).toBe(model.scope('long_tail_cutoff').value);
    expect(model.inLongTail(model.value('amorality')!)).toBe(false);
    expect(model.inLongTail(model.value('filial piety')!)).toBe(true);
  });

  it('every value a sentence calls rare or long-tail lies in that band', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const b of blocks) {
      for (const sentence of sentences(b.text)) {
        const text = plain(sentence);
        if (!RARE.test(text) || NEGATED.test(text)) continue;
        const named = valuesNamedIn(sentence);
        const values = named.length ? named : b.pageValue && /\bit\b|\bthis value\b/i.test(text) ? [b.pageValue] : [];
        for (const v of values) {
          checked++;
          if (!model.inLongTail(v)) problems.push(`${b.file}: ${v.name} (${v.pctConvos}%) called rare or long-tail: ${text.slice(0, 200)}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(0);
  });

  it('the check catches a value outside the band', () => {
    const amorality = model.value('amorality')!;
    const sentence = `Values such as ⟦${amorality.slug}⟧amorality live in the long tail.`;
    expect(valuesNamedIn(sentence).map((v) => model.inLongTail(v))).toEqual([false]);
    expect(NEGATED.test('Among values they are not rare: none is in the long tail')).toBe(true);
  });
});
