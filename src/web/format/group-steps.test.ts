import { describe, expect, it } from 'vitest';
import type { RunStep } from '../api-types.ts';
import { countByStatus, groupSteps } from './group-steps.ts';

const step = (nodeId: string, itemIndex: number | null, status: RunStep['status'] = 'succeeded'): RunStep => ({
  id: `${nodeId}-${itemIndex ?? 'node'}`, nodeId, itemIndex, type: itemIndex === null ? 'map' : 'action', name: nodeId, status,
  branch: null, input: null, output: null, error: null, dueAt: null, startedAt: null, finishedAt: null, approval: null, attempts: [],
});

describe('groupSteps', () => {
  it('puts map items under their node, in item order', () => {
    const groups = groupSteps([step('start', null), step('each', null), step('each', 1), step('each', 0), step('done', null)]);
    expect(groups.map((g) => [g.nodeId, g.step?.id ?? null, g.items.map((i) => i.itemIndex)])).toEqual([
      ['start', 'start-node', []],
      ['each', 'each-node', [0, 1]],
      ['done', 'done-node', []],
    ]);
  });

  it('keeps items whose node step is missing', () => {
    const groups = groupSteps([step('each', 0)]);
    expect(groups).toEqual([{ nodeId: 'each', step: null, items: [expect.objectContaining({ itemIndex: 0 })] }]);
  });

  it('counts items by status', () => {
    const counts = countByStatus([step('m', 0), step('m', 1, 'failed'), step('m', 2)]);
    expect([...counts]).toEqual([['succeeded', 2], ['failed', 1]]);
  });
});
