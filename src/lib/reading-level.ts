/**
 * The Flesch–Kincaid grade level of English text, with a syllable count by rule rather than a dictionary: groups of
 * vowels, less a silent final "e" and the silent "-es" and "-ed" endings. Good to about a grade on ordinary prose,
 * which is enough to keep student text within reach of a 14-year-old (grade 9 or below).
 */

/** Syllables in one word (letters only; a hyphenated word counts each part). */
export function syllables(word: string): number {
  const parts = word.toLowerCase().split('-').map((part) => part.replace(/[^a-z]/g, '')).filter(Boolean);
  return parts.reduce((sum, part) => sum + syllablesInPart(part), 0);
}

function syllablesInPart(word: string): number {
  if (word.length <= 3) return 1;
  const trimmed = word
    .replace(/(?:[^aeiouylst]es|[^aeiouytd]ed)$/, (ending) => ending[0]!) // "makes", "asked" (but "uses", "wanted")
    .replace(/[^aeiouyl]e$/, (ending) => ending[0]!) // a silent final e ("value" keeps its u; "table" keeps its l)
    .replace(/^y/, '');
  return Math.max(1, trimmed.match(/[aeiouy]+/g)?.length ?? 0);
}

/** Words (runs of letters, apostrophes and hyphens) and numbers; a number counts as a word of two syllables. */
function words(text: string): { syllables: number }[] {
  return [...text.matchAll(/\d[\d.,]*%?|[A-Za-z][A-Za-z’'-]*/g)].map(([token]) => ({ syllables: /^\d/.test(token) ? 2 : syllables(token) }));
}

/** Sentences: text ending in ., ! or ? followed by a space or the end (so 23.4 is not a sentence break). */
function sentenceCount(text: string): number {
  return Math.max(1, text.split(/[.!?]+(?:\s+|$)/).filter((s) => /[A-Za-z\d]/.test(s)).length);
}

export interface ReadingLevel {
  words: number;
  sentences: number;
  syllables: number;
  grade: number;
}

/** Flesch–Kincaid grade: 0.39 × words per sentence + 11.8 × syllables per word − 15.59. */
export function readingLevel(text: string): ReadingLevel {
  const found = words(text);
  const sentences = sentenceCount(text);
  const total = found.reduce((sum, w) => sum + w.syllables, 0);
  const grade = found.length === 0 ? 0 : 0.39 * (found.length / sentences) + 11.8 * (total / found.length) - 15.59;
  return { words: found.length, sentences, syllables: total, grade };
}

/** The texts above a grade, each with its grade (empty when all are within it). */
export function aboveGrade(texts: readonly string[], grade: number): { text: string; grade: number }[] {
  return texts.map((text) => ({ text, grade: readingLevel(text).grade })).filter((t) => t.grade > grade);
}
