import type { RunEvent } from '../api-types.ts';

/**
 * The union of two lists of run events, by sequence number, ascending: the stream and the
 * timeline request may each have seen events the other has not.
 */
export function mergeRunEvents(known: readonly RunEvent[] | undefined, added: readonly RunEvent[]): RunEvent[] {
  const bySeq = new Map<number, RunEvent>();
  for (const event of known ?? []) bySeq.set(event.seq, event);
  for (const event of added) bySeq.set(event.seq, event);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** The last sequence number seen, where a stream resumes; 0 for none. */
export function lastSeq(events: readonly RunEvent[] | undefined): number {
  return events?.reduce((max, event) => Math.max(max, event.seq), 0) ?? 0;
}
