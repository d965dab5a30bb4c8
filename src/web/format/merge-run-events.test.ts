import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../api-types.ts';
import { lastSeq, mergeRunEvents } from './merge-run-events.ts';

const event = (seq: number, type: RunEvent['type'] = 'step.started'): RunEvent => ({
  seq, runId: '00000000-0000-4000-8000-000000000000', type, nodeId: null, itemIndex: null, data: {}, at: '2026-01-01T00:00:00Z',
});

describe('mergeRunEvents', () => {
  it('unites by sequence number, ascending, without duplicates', () => {
    const merged = mergeRunEvents([event(1), event(3)], [event(3, 'step.succeeded'), event(2), event(4)]);
    expect(merged.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(merged[2]?.type).toBe('step.succeeded');
    expect(mergeRunEvents(undefined, [event(2)]).map((e) => e.seq)).toEqual([2]);
  });

  it('finds where to resume', () => {
    expect(lastSeq(undefined)).toBe(0);
    expect(lastSeq([event(5), event(2)])).toBe(5);
  });
});
