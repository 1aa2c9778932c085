/**
 * Pacing of simulated speech: when each word ends and how words are grouped into the batches
 * that `conversation.utterance.streaming` reports. Pure functions, no timers.
 */
import type { Random } from './random.js';

export interface SpeechPlan {
  words: readonly string[];
  /** Milliseconds from the start of speech at which each word has been fully spoken. */
  wordEnds: readonly number[];
  /** Index of the last word of each streaming batch, ascending; the last one is the last word. */
  chunkEnds: readonly number[];
  durationMs: number;
}

export function splitWords(text: string): string[] {
  return text.split(/\s+/).filter((word) => word.length > 0);
}

/**
 * Plans `text` at `wordsPerSecond`. Longer words take a little longer and punctuation adds a
 * pause, so streamed batches do not tick like a metronome. A batch ends at a sentence end or
 * after 3–6 words (drawn from `random`). `durationMs`, when given, stretches the plan to that
 * length (used for audio echo, whose length is known).
 */
export function planSpeech(
  text: string,
  wordsPerSecond: number,
  random: Random,
  durationMs?: number,
): SpeechPlan {
  const words = splitWords(text);
  const base = 1000 / Math.max(0.1, wordsPerSecond);
  const wordEnds: number[] = [];
  let t = 0;
  words.forEach((word, index) => {
    const letters = word.replace(/[^\p{L}\p{N}]/gu, '').length;
    t += base * Math.min(1.6, Math.max(0.6, letters / 5));
    const isLast = index === words.length - 1;
    if (!isLast && /[.!?…]["')\]]*$/.test(word)) t += base * 0.7;
    else if (!isLast && /[,;:—–]["')\]]*$/.test(word)) t += base * 0.35;
    wordEnds.push(t);
  });
  if (durationMs !== undefined && t > 0) {
    const scale = durationMs / t;
    for (let i = 0; i < wordEnds.length; i++) wordEnds[i] = (wordEnds[i] as number) * scale;
    t = durationMs;
  }

  const chunkEnds: number[] = [];
  let size = 0;
  let limit = random.int(3, 6);
  words.forEach((word, index) => {
    size++;
    const sentenceEnd = /[.!?…]["')\]]*$/.test(word);
    if (index === words.length - 1 || sentenceEnd || size >= limit) {
      chunkEnds.push(index);
      size = 0;
      limit = random.int(3, 6);
    }
  });

  return { words, wordEnds, chunkEnds, durationMs: t };
}

/** How many words have been completely spoken `elapsedMs` after the start. */
export function wordsSpokenBy(plan: SpeechPlan, elapsedMs: number): number {
  let count = 0;
  while (count < plan.wordEnds.length && (plan.wordEnds[count] as number) <= elapsedMs) count++;
  return count;
}

/** The text of the first `count` words. */
export function textOf(plan: SpeechPlan, count: number): string {
  return plan.words.slice(0, count).join(' ');
}

/** Tavus reports speaking durations in seconds, rounded to hundredths. */
export function durationSeconds(ms: number): number {
  return Math.round(ms / 10) / 100;
}
