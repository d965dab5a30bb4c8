import type { Entities } from '../entities.ts';

export type EntityKind = keyof Entities;

/** A mention an extractor found, with where it sits in the text so overlaps can be settled. */
export interface FoundMention<K extends EntityKind = EntityKind> {
  kind: K;
  start: number;
  end: number;
  /** The words this reading claims against other kinds, when narrower than the mention ("10,000" of "10,000 black cases"). */
  claim?: { start: number; end: number };
  entity: Entities[K][number];
}

/** Makes a found mention whose `text` is the slice it was read from. */
export function foundAt<K extends EntityKind>(
  kind: K, text: string, start: number, end: number, fields: Omit<Entities[K][number], 'text'>,
): FoundMention<K> {
  return { kind, start, end, entity: { ...fields, text: text.slice(start, end) } as Entities[K][number] };
}

/** Every match of a global pattern with its groups and offsets. */
export function* matchesOf(pattern: RegExp, text: string): Generator<RegExpExecArray> {
  const global = pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
  global.lastIndex = 0;
  for (let m = global.exec(text); m !== null; m = global.exec(text)) {
    if (m[0].length === 0) { global.lastIndex++; continue; }
    yield m;
  }
}
