import type { Entities } from '../entities.ts';
import type { Citation, GroundedAnswer, Passage } from '../language-engine.ts';
import { extractEntities } from './extract-entities.ts';
import { contentTerms } from './extractive-summary.ts';
import type { ReadSentence, TextReader } from './text-reader.ts';

export const notAnswered = 'The project knowledge does not answer this question.';

/** Words of a question that ask rather than say what is asked about. */
const askingWords = new Set(['tell', 'know', 'say', 'said', 'mention', 'mentioned', 'please', 'explain', 'describ', 'doe', 'anyth', 'someth']);
/**
 * Words of a question that ask for a kind of entity (stems): a sentence holding one answers that
 * part of the question ("Which colour?" is answered by "Use Pantone 186 C"), whether or not it says "colour".
 */
const askedKinds: Record<string, keyof Entities> = {
  colour: 'colors', color: 'colors', pantone: 'colors', hex: 'colors',
  price: 'money', cost: 'money', budget: 'money', much: 'money', expens: 'money', cheap: 'money',
  materi: 'materials', fabric: 'materials',
  size: 'dimensions', dimens: 'dimensions', thick: 'dimensions', wide: 'dimensions', tall: 'dimensions', height: 'dimensions', width: 'dimensions', length: 'dimensions',
  weight: 'weights', weigh: 'weights', heavi: 'weights', heavy: 'weights',
  date: 'dates', deadlin: 'dates', due: 'dates',
  quantiti: 'quantities', moq: 'quantities', mani: 'quantities',
  market: 'markets', countri: 'markets', region: 'markets',
  devic: 'devices', phone: 'devices',
};

/**
 * Terms compare by their first six letters, so stems the stemmer leaves apart still meet
 * ("certifi" of certified, "certif" of certification).
 */
const matchKey = (term: string) => (/^[a-z]{7,}$/.test(term) ? term.slice(0, 6) : term);

/** A sentence's terms, with "#kind" for each kind of entity it holds. */
function sentenceTerms(sentence: ReadSentence, referenceDate: Date): string[] {
  const entities = extractEntities(sentence.text, referenceDate);
  return [...contentTerms(sentence).map(matchKey), ...Object.entries(entities).filter(([, list]) => list.length > 0).map(([kind]) => `#${kind}`)];
}

/** The share of the question's weight a sentence must match to count as an answer. */
const minimumCoverage = 0.5;
/** What a term found elsewhere in the sentence's passage (not in the sentence) counts for. */
const contextWeight = 0.5;
/** Shorter "sentences" are headings or fragments ("Payment terms."): they answer nothing alone. */
const minimumWords = 4;
const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;
const referring = /^(?:they|it|this|these|those|their|its|he|she|his|her|that)\b/i;
const k1 = 1.2;
const b = 0.75;

interface Candidate {
  passage: number;
  text: string;
  terms: string[];
  order: number;
}

/**
 * An extractive answer grounded in the passages: their sentences ranked by BM25 against the
 * question's content terms (stems, so "certified" finds "certification"; a question asking for a
 * colour, price, size, date ... also matches a sentence holding one), terms found elsewhere in the
 * sentence's passage counting half; the best sentence, and up to two more nearly as good (with the
 * sentence before one that opens with "They", "It" ...), answer it with the passages they came
 * from cited ("[1]").
 * When no sentence covers at least half of what the question asks about (weighted by IDF), the
 * answer says so plainly and cites nothing.
 */
export function groundedAnswer(reader: TextReader, question: string, passages: Passage[], referenceDate = new Date()): GroundedAnswer {
  const questionTerms = reader.read(question).flatMap(contentTerms).filter((t) => !askingWords.has(t));
  const asked = [...new Set(questionTerms.map((t) => (askedKinds[t] ? `#${askedKinds[t]}` : matchKey(t))))];
  const candidates: Candidate[] = [];
  passages.forEach((p, passage) => {
    for (const s of reader.read(p.text)) candidates.push({ passage, text: s.text.trim(), terms: sentenceTerms(s, referenceDate), order: candidates.length });
  });
  if (asked.length === 0 || candidates.length === 0) return { text: notAnswered, citations: [] };

  const df = new Map<string, number>();
  for (const c of candidates) for (const t of new Set(c.terms)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = candidates.length;
  const idf = (t: string) => Math.log(1 + (n - (df.get(t) ?? 0) + 0.5) / ((df.get(t) ?? 0) + 0.5));
  const averageLength = candidates.reduce((sum, c) => sum + c.terms.length, 0) / n || 1;
  const askedWeight = asked.reduce((sum, t) => sum + idf(t), 0);

  const passageTerms = passages.map((_, p) => new Set(candidates.filter((c) => c.passage === p).flatMap((c) => c.terms)));
  const scored = candidates.map((c) => {
    let score = 0;
    let covered = 0;
    for (const t of asked) {
      const tf = c.terms.filter((x) => x === t).length;
      if (tf > 0) {
        covered += idf(t);
        score += idf(t) * (tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * c.terms.length) / averageLength));
      } else if (passageTerms[c.passage]!.has(t)) {
        covered += contextWeight * idf(t);
        score += contextWeight * idf(t);
      }
    }
    return { ...c, score, coverage: covered / askedWeight };
  }).filter((c) => c.coverage >= minimumCoverage && c.score > 0 && wordCount(c.text) >= minimumWords)
    .sort((x, y) => y.score - x.score || x.order - y.order);

  const best = scored[0];
  if (!best) return { text: notAnswered, citations: [] };
  const top = scored.filter((c) => c.score >= 0.6 * best.score).slice(0, 3);
  // a sentence that opens with a pronoun ("They are ISO certified") needs the one before it
  const context = top.flatMap((c) => {
    const previous = candidates[c.order - 1];
    return referring.test(c.text) && previous?.passage === c.passage && !top.some((t) => t.order === previous.order) ? [previous] : [];
  });
  const chosen = [...top, ...context].sort((x, y) => x.order - y.order);
  const cited: number[] = [];
  const parts = chosen.map((c, i) => {
    if (!cited.includes(c.passage)) cited.push(c.passage);
    return chosen[i + 1]?.passage === c.passage ? c.text : `${c.text} [${cited.indexOf(c.passage) + 1}]`;
  });
  const citations: Citation[] = cited.map((p) => passages[p]!.citation);
  return { text: parts.join(' '), citations };
}
