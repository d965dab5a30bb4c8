const space = 1;
const letter = 2;
const digit = 3;
const symbol = 4;
const ideograph = 5;

/** Character classes by UTF-16 code unit, filled on first sight (0: not yet classified). */
const classes = new Uint8Array(65_536);

function classify(char: string): number {
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(char)) return ideograph;
  if (/\p{N}/u.test(char)) return digit;
  if (/[\p{L}\p{M}]/u.test(char)) return letter;
  if (/\s/u.test(char)) return space;
  return symbol;
}

function tokensOf(kind: number, length: number): number {
  if (kind === letter) return Math.ceil(length / 6);
  if (kind === digit || kind === symbol) return Math.ceil(length / 3);
  if (kind === ideograph) return length;
  return 0;
}

/**
 * An estimate of the tokens a language model's tokenizer makes of a text, without a tokenizer:
 * a word counts one token per 6 letters (rounded up), a number one per 3 digits, a run of
 * punctuation or symbols one per 3 characters, and each Chinese or Japanese character one.
 * On English prose, Markdown and code it is about 5 % above OpenAI's o200k and cl100k counts; on
 * rows of numbers and on non-English text it can be up to a quarter below (docs/knowledge-formats.md).
 * Additive over whitespace: the estimate of "a b" is the estimate of "a" plus that of "b".
 */
export function estimateTokens(text: string): number {
  let tokens = 0;
  let kind = space;
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    let next: number;
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      next = classify(String.fromCodePoint(text.codePointAt(i)!));
      i += 1;
    } else {
      next = classes[unit]!;
      if (next === 0) next = classes[unit] = classify(String.fromCharCode(unit));
    }
    if (next === kind && kind !== ideograph) {
      length += 1;
    } else {
      tokens += tokensOf(kind, length);
      kind = next;
      length = 1;
    }
  }
  return tokens + tokensOf(kind, length);
}
