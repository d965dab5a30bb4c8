import { dot, normalise, type SparseVector } from './sparse-vector.ts';
import type { ReadSentence, TextReader } from './text-reader.ts';

/** Sentences this alike say the same thing; a summary keeps the first. */
const redundant = 0.7;

/** The content terms of a sentence: stems of words that are not stop words, numbers, and one-letter names ("Supplier B"). */
export function contentTerms(sentence: ReadSentence): string[] {
  return sentence.tokens
    .filter((t) => (t.type === 'word' && !t.stopWord && (t.text.length > 1 || /^[A-Z]$/.test(t.text))) || t.type === 'number')
    .map((t) => (t.type === 'number' ? t.text : t.stem));
}

/**
 * An extractive summary: the sentences that share most with the rest of the text (degree
 * centrality over TF-IDF vectors, as in LexRank), with a bonus for the opening, skipping
 * near-duplicates, given back in their original order. A text of `maxSentences` sentences or
 * fewer comes back as it is.
 */
export function extractiveSummary(reader: TextReader, text: string, maxSentences: number): string {
  const sentences = reader.read(text).filter((s) => s.tokens.some((t) => t.type === 'word' || t.type === 'number'));
  if (sentences.length <= maxSentences) return sentences.map((s) => s.text).join(' ');
  const terms = sentences.map(contentTerms);
  const df = new Map<string, number>();
  for (const list of terms) for (const t of new Set(list)) df.set(t, (df.get(t) ?? 0) + 1);
  const vectors = terms.map((list): SparseVector => {
    const v: SparseVector = new Map();
    for (const t of list) v.set(t, (v.get(t) ?? 0) + 1);
    for (const [t, count] of v) v.set(t, (1 + Math.log(count)) * (Math.log(sentences.length / df.get(t)!) + 1));
    return normalise(v);
  });
  const centrality = vectors.map((v, i) => vectors.reduce((sum, w, j) => (i === j ? sum : sum + dot(v, w)), 0));
  const top = Math.max(...centrality, 1e-9);
  const scores = centrality.map((c, i) => {
    const position = i === 0 ? 0.25 : 0.1 * (1 - i / sentences.length);
    const short = terms[i]!.length < 4 ? 0.5 : 1;
    return (c / top) * short + position;
  });
  const chosen: number[] = [];
  for (const i of scores.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b)) {
    if (chosen.length >= maxSentences) break;
    if (chosen.some((j) => dot(vectors[i]!, vectors[j]!) > redundant)) continue;
    chosen.push(i);
  }
  return chosen.sort((a, b) => a - b).map((i) => sentences[i]!.text).join(' ');
}
