import type { Entities } from '../entities.ts';
import { conceptOf } from './intent-concepts.ts';
import type { ReadSentence } from './text-reader.ts';

/** Contractions typed without the apostrophe ("dont", "whats"), restored so they read like the examples. */
const contractions: [RegExp, string][] = [
  [/\b(do|does|did|is|are|was|were|could|would|should|have|has|had|must|need)nt\b/gi, "$1n't"],
  [/\bcant\b/gi, "can't"], [/\bwont\b/gi, "won't"], [/\bim\b/gi, "I'm"], [/\bive\b/gi, "I've"],
  [/\b(that|what|where|who|there|here|how)s\b/gi, "$1's"], [/\bthx\b|\bthnx\b|\bthnks\b|\bty\b/gi, 'thanks'], [/\bu\b/gi, 'you'],
  [/\bpls\b|\bplz\b/gi, 'please'], [/\bnevermind\b/gi, 'never mind'], [/\bthankyou\b/gi, 'thank you'],
];

/** The text with common chat spellings restored. */
export function normaliseChat(text: string): string {
  return contractions.reduce((t, [pattern, replacement]) => t.replace(pattern, replacement), text.replace(/([a-z])\1{2,}/gi, '$1$1'));
}

/** Features that say how a sentence is put rather than what it is about. */
export const formFeatures: ReadonlySet<string> = new Set(['#wh', '#ask', '#request', '#lets', '#instruct', '?', '!', '#positive', '#negative']);

/** A word of the text as the classifier sees it: its lemma, and its surface form for spelling correction. */
export interface IntentTerm {
  lemma: string;
  surface: string;
  negated: boolean;
  pos?: string;
}

/** A sentence's terms and how it is put: a wh-question, a yes/no question, a request, an instruction. */
export interface IntentSentence {
  terms: IntentTerm[];
  sentiment: number;
}

const whWords = new Set(['what', 'which', 'who', 'whom', 'whose', 'when', 'where', 'why', 'how']);
const requestVerbs = new Set(['can', 'could', 'would', 'will', 'may']);
const auxiliaries = new Set(['be', 'do', 'can', 'could', 'would', 'will', 'should', 'shall', 'may', 'might', 'have', 'must']);

/**
 * The terms of each sentence: lemmas of words, "#num" for numbers, "?" and "!" kept (they carry
 * intent), other punctuation dropped.
 */
export function intentTerms(sentences: ReadSentence[]): IntentSentence[] {
  return sentences.map((s) => ({ sentiment: s.sentiment, terms: s.tokens.flatMap((t): IntentTerm[] => {
    if (t.type === 'number') return [{ lemma: '#num', surface: '#num', negated: false }];
    if (t.type === 'punctuation') return t.text === '?' || t.text === '!' ? [{ lemma: t.text, surface: t.text, negated: false }] : [];
    if (t.type === 'emoji' || t.type === 'emoticon') return [{ lemma: '#emoji', surface: '#emoji', negated: false }];
    if (t.type === 'url' || t.type === 'email') return [{ lemma: '#link', surface: '#link', negated: false }];
    if (t.type !== 'word' && t.type !== 'hashtag') return [];
    const lemma = t.lemma.replace(/[’']/g, "'");
    return [{ lemma, surface: t.text.toLowerCase(), negated: t.negated, pos: t.pos }];
  }) }));
}

/** How a sentence is put, read from its first words. */
function formOf(terms: IntentTerm[]): string | undefined {
  const words = terms.filter((t) => t.lemma !== '!' && t.lemma !== '?');
  const first = words[0];
  if (!first) return undefined;
  if (whWords.has(first.lemma)) return '#wh';
  if (auxiliaries.has(first.lemma)) {
    const subject = words[1]?.lemma;
    return requestVerbs.has(first.lemma) && (subject === 'you' || subject === 'i' || subject === 'we') ? '#request' : '#ask';
  }
  if (first.lemma === 'let' || first.lemma === "let's") return '#lets';
  if (first.lemma === 'please' || first.pos === 'VERB') return '#instruct';
  return undefined;
}

/**
 * The features of a text: each term (negated terms as "not_" + lemma, so "don't approve" is not
 * evidence for approve), each pair of neighbouring terms, the word classes of its terms, how each
 * sentence is put (question, request, instruction), its sentiment, and one "#kind" per kind of
 * entity found (a sentence full of sizes and materials is giving a specification).
 */
export function intentFeatures(sentences: IntentSentence[], entities?: Entities): Map<string, number> {
  const bag = new Map<string, number>();
  const add = (f: string, w = 1) => bag.set(f, (bag.get(f) ?? 0) + w);
  for (const sentence of sentences) {
    const words = sentence.terms.map((t) => (t.negated ? `not_${t.lemma}` : t.lemma));
    words.forEach((w, i) => {
      add(w);
      if (i > 0) add(`${words[i - 1]} ${w}`);
    });
    for (const t of sentence.terms) for (const c of conceptOf.get(t.lemma) ?? []) add(t.negated ? `#not_${c}` : `#${c}`);
    const form = formOf(sentence.terms);
    if (form) add(form);
    if (sentence.sentiment >= 0.3) add('#positive');
    if (sentence.sentiment <= -0.3) add('#negative');
  }
  if (entities) for (const [kind, list] of Object.entries(entities)) if (list.length > 0) add(`#${kind}`);
  return bag;
}
