/** Optimal-string-alignment distance (Levenshtein with transpositions), giving up above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, previous2[j - 2]! + 1);
      current.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** Whether every letter of `short` appears in `long` in order (a letter was left out). */
function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const c of long) if (c === short[i]) i++;
  return i === short.length;
}

/** A slip of the fingers rather than a different word: a letter left out, doubled or swapped. */
function isSlip(word: string, candidate: string): boolean {
  if (isSubsequence(word, candidate) || isSubsequence(candidate, word)) return true;
  return word.length === candidate.length && [...word].sort().join('') === [...candidate].sort().join('');
}

/**
 * Corrects words against a known vocabulary: an unknown word becomes the closest known word within
 * one edit (two for words of eight letters or more). Words of five letters or fewer are corrected
 * only for a slip (a letter left out, doubled or swapped: "helo", "teh"), since one changed letter
 * makes another word ("step", "stop"); three-letter words only by a left-out letter ("wat").
 */
export function createSpellingCorrector(frequencies: ReadonlyMap<string, number>, alsoKnown: ReadonlySet<string> = new Set()): (word: string) => string | undefined {
  const byLength = new Map<number, string[]>();
  for (const word of frequencies.keys()) {
    if (!/^[a-z]+$/.test(word)) continue;
    const list = byLength.get(word.length) ?? [];
    list.push(word);
    byLength.set(word.length, list);
  }
  const memo = new Map<string, string | undefined>();
  return (word) => {
    if (frequencies.has(word) || alsoKnown.has(word) || word.length < 3 || !/^[a-z]+$/.test(word)) return undefined;
    if (memo.has(word)) return memo.get(word);
    const max = word.length >= 8 ? 2 : 1;
    let best: string | undefined;
    let bestScore = -Infinity;
    for (let length = word.length - max; length <= word.length + max; length++) {
      for (const candidate of byLength.get(length) ?? []) {
        const d = editDistance(word, candidate, max);
        if (d > max) continue;
        const slip = isSlip(word, candidate);
        if (word.length <= 5 && !slip) continue;
        if (word.length === 3 && candidate.length <= word.length) continue;
        const score = frequencies.get(candidate)! - d * 1000 + (slip ? 500 : 0);
        if (score > bestScore) { best = candidate; bestScore = score; }
      }
    }
    memo.set(word, best);
    return best;
  };
}
