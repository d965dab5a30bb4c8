const abbreviations = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'vs', 'etc', 'e.g', 'i.e', 'cf', 'al', 'fig', 'figs', 'no', 'nos', 'nr', 'vol',
  'pp', 'approx', 'inc', 'ltd', 'co', 'corp', 'dept', 'est', 'ca', 'ref', 'eq', 'sec', 'ch', 'art', 'incl', 'excl', 'resp', 'a.m', 'p.m',
  'u.s', 'u.k', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'z.b', 'bzw', 'ggf', 'usw', 'evtl',
]);

const candidate = /[.!?…]+["'”’»)\]]*(?=\s)|[。！？]+["'”’」』)]*|\n/g;

/** Whether the mark at `at` ends a sentence: not a full stop after an abbreviation or an initial, nor a mark before a lower-case word. */
function endsSentence(text: string, at: number, end: number): boolean {
  const mark = text.slice(at, end).replace(/["'”’»」』)\]]+$/, '');
  if (/[。！？]/.test(mark)) return true;
  if (mark === '.') {
    const word = /(\S+)$/.exec(text.slice(Math.max(0, at - 24), at))?.[1]?.replace(/^["'“‘«(\[]+/, '').toLowerCase() ?? '';
    if (abbreviations.has(word) || /^\p{L}$/u.test(word)) return false;
  }
  const next = /\S/.exec(text.slice(end, end + 8))?.[0] ?? '';
  return !/\p{Ll}/u.test(next);
}

/**
 * The sentences of text[from, to) as [start, end) offsets into `text`, without surrounding
 * whitespace. A sentence ends at . ! ? … (after closing quotes or brackets, before whitespace), at
 * 。！？, and at a line break; a full stop after a known abbreviation ("e.g.", "Dr.") or a
 * single-letter initial, or before a lower-case word, does not end one.
 */
export function sentenceSpans(text: string, from = 0, to = text.length): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) spans.push([start, end]);
  };
  candidate.lastIndex = from;
  let start = from;
  for (let match = candidate.exec(text); match && match.index < to; match = candidate.exec(text)) {
    const end = Math.min(to, match.index + match[0].length);
    if (match[0] === '\n' || endsSentence(text, match.index, end)) {
      push(start, end);
      start = end;
    }
  }
  push(start, to);
  return spans;
}
