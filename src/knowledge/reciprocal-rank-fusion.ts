/** The constant of reciprocal rank fusion (Cormack, Clarke and Büttcher, 2009): damps the weight of the very first ranks. */
export const rrfK = 60;

export interface FusedItem {
  id: string;
  /** Σ 1 / (k + rank) over the lists the item is in (ranks from 1). */
  score: number;
}

/**
 * Merges ranked lists of ids (best first) by reciprocal rank fusion: an item's score is the sum of
 * 1 / (k + rank) over the lists it appears in, so agreement between lists beats a high rank in one.
 * Ties keep the order of first appearance, list by list.
 *
 * @example
 * reciprocalRankFusion([['a', 'b'], ['b', 'c']]) // b first: it is in both lists
 */
export function reciprocalRankFusion(lists: readonly (readonly string[])[], k = rrfK): FusedItem[] {
  const scores = new Map<string, number>();
  for (const list of lists) {
    const seen = new Set<string>();
    list.forEach((id, index) => {
      if (seen.has(id)) return;
      seen.add(id);
      scores.set(id, (scores.get(id) ?? 0) + 1 / (k + index + 1));
    });
  }
  const order = [...scores.keys()];
  return order
    .map((id, position) => ({ id, score: scores.get(id)!, position }))
    .sort((a, b) => b.score - a.score || a.position - b.position)
    .map(({ id, score }) => ({ id, score }));
}
