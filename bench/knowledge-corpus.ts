/**
 * A synthetic corpus for the knowledge benchmark: words drawn from a Zipf distribution over a large
 * vocabulary (English function words first, then made-up words), so terms range from everywhere
 * to nearly nowhere as in real text, and a stand-in embedder. Deterministic: the same seed gives
 * the same corpus.
 */

/** mulberry32: a small, fast, seedable generator of floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const functionWords = ('the of and to a in is that for it as with was on be by this are or at from which an not have has but they all were '
  + 'their one can more we there been if other will so its when what some into only these than each may any also most such').split(' ');
const consonants = ['b', 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'tr', 'st', 'pl', 'gr', 'kl'];
const vowels = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou'];

export interface Vocabulary {
  words: string[];
  /** Cumulative Zipf weights, for sampling by binary search. */
  cumulative: Float64Array;
}

/** `size` distinct words, the function words first (the most frequent ranks). */
export function makeVocabulary(size: number, seed = 1, exponent = 1.07): Vocabulary {
  const random = seededRandom(seed);
  const words = [...functionWords];
  const seen = new Set(words);
  while (words.length < size) {
    const syllables = 2 + Math.floor(random() * 3);
    let word = '';
    for (let s = 0; s < syllables; s++) word += consonants[Math.floor(random() * consonants.length)]! + vowels[Math.floor(random() * vowels.length)]!;
    if (!seen.has(word)) {
      seen.add(word);
      words.push(word);
    }
  }
  const cumulative = new Float64Array(size);
  let total = 0;
  for (let rank = 0; rank < size; rank++) cumulative[rank] = total += 1 / (rank + 1) ** exponent;
  for (let rank = 0; rank < size; rank++) cumulative[rank]! /= total;
  return { words, cumulative };
}

export function sampleWord(vocabulary: Vocabulary, random: () => number): string {
  const u = random();
  let lo = 0;
  let hi = vocabulary.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (vocabulary.cumulative[mid]! < u) lo = mid + 1;
    else hi = mid;
  }
  return vocabulary.words[lo]!;
}

/** A passage of `words` words in sentences of 8 to 20 words. */
export function passage(vocabulary: Vocabulary, random: () => number, words: number): string {
  const sentences: string[] = [];
  for (let left = words; left > 0;) {
    const length = Math.min(left, 8 + Math.floor(random() * 13));
    const sentence = Array.from({ length }, () => sampleWord(vocabulary, random)).join(' ');
    sentences.push(`${sentence[0]!.toUpperCase()}${sentence.slice(1)}.`);
    left -= length;
  }
  return sentences.join(' ');
}

/**
 * A stand-in for an embedding model, to measure what vector search costs in process: each word is
 * hashed to a few of `dimensions` buckets (a feature-hashing bag of words). It says nothing about
 * the quality of real embeddings.
 */
export function hashedEmbedding(text: string, dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (const word of text.toLowerCase().split(/[^a-z0-9]+/)) {
    if (word.length < 3) continue;
    let h = 2166136261;
    for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 16777619);
    vector[(h >>> 0) % dimensions]! += 1;
    vector[((h >>> 0) >>> 7) % dimensions]! += (h & 1) === 0 ? 0.5 : -0.5;
  }
  return vector;
}
