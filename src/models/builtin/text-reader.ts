import type { ItsFunction } from 'wink-nlp';

/** A word or symbol of a text, as wink-nlp read it, with where it sits in the text. */
export interface ReadToken {
  text: string;
  /** Lower-case lemma ("units" → "unit", "n't" → "not", "colours" → "colors"). */
  lemma: string;
  /** Porter stem, for matching related forms ("certified", "certification"). */
  stem: string;
  /** wink-nlp's token type: word, number, punctuation, emoji, url, hashtag ... */
  type: string;
  pos: string;
  /** Inside the scope of a negation ("approve" in "don't approve it"). */
  negated: boolean;
  stopWord: boolean;
  start: number;
  end: number;
}

export interface ReadSentence {
  text: string;
  start: number;
  end: number;
  tokens: ReadToken[];
  /** wink-nlp's sentiment, -1 (negative) .. 1 (positive). */
  sentiment: number;
}

/** Splits text into sentences of lemmatised tokens. */
export interface TextReader {
  read(text: string): ReadSentence[];
}

let loading: Promise<TextReader> | undefined;
let loadMs: number | undefined;

/**
 * The wink-nlp reader with its English model, loaded on first use (the model takes a few hundred
 * milliseconds to load, so importing the models layer costs nothing until a call needs it).
 */
export function loadTextReader(): Promise<TextReader> {
  loading ??= createReader();
  return loading;
}

/** How long the model took to load, once it has. */
export function textReaderLoadMs(): number | undefined {
  return loadMs;
}

async function createReader(): Promise<TextReader> {
  const started = performance.now();
  const [{ default: winkNLP }, { default: model }] = await Promise.all([import('wink-nlp'), import('wink-eng-lite-web-model')]);
  const nlp = winkNLP(model);
  const its = nlp.its;
  loadMs = performance.now() - started;
  return {
    read(text) {
      const doc = nlp.readDoc(text);
      const tokens = doc.tokens();
      // wink-nlp's declarations type lemma and stem with an extra parameter; every its function is called the same way
      const column = <T>(f: unknown) => tokens.out(f as ItsFunction<T>) as T[];
      const values = column<string>(its.value);
      const spaces = column<string>(its.precedingSpaces);
      const lemmas = column<string>(its.lemma);
      const stems = column<string>(its.stem);
      const types = column<string>(its.type);
      const pos = column<string>(its.pos);
      const negated = column<boolean>(its.negationFlag);
      const stop = column<boolean>(its.stopWordFlag);
      const all: ReadToken[] = [];
      let offset = 0;
      values.forEach((value, i) => {
        offset += spaces[i]!.length;
        const start = text.startsWith(value, offset) ? offset : Math.max(offset, text.indexOf(value, offset));
        all.push({
          text: value, lemma: lemmas[i]!.toLowerCase(), stem: stems[i]!.toLowerCase(), type: types[i]!, pos: pos[i]!, negated: negated[i] === true,
          stopWord: stop[i] === true, start, end: start + value.length,
        });
        offset = start + value.length;
      });
      const spans = doc.sentences().out(its.span) as unknown as [number, number][];
      const sentiments = doc.sentences().out(its.sentiment) as unknown as number[];
      return spans.map(([first, last], index) => {
        const sentenceTokens = all.slice(first, last + 1);
        const start = sentenceTokens[0]?.start ?? 0;
        const end = sentenceTokens.at(-1)?.end ?? start;
        return { text: text.slice(start, end), start, end, tokens: sentenceTokens, sentiment: sentiments[index] ?? 0 };
      });
    },
  };
}
