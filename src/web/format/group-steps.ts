import type { RunStep } from '../api-types.ts';

/** A node's step with the steps of its map items, if it is a map. */
export interface StepGroup {
  nodeId: string;
  /** The node's own step; `null` when only its items are known. */
  step: RunStep | null;
  items: RunStep[];
}

/**
 * Groups a run's steps (in definition order, map items after their node) by node: each map
 * item goes under its node, in item order.
 */
export function groupSteps(steps: readonly RunStep[]): StepGroup[] {
  const groups: StepGroup[] = [];
  const byNode = new Map<string, StepGroup>();
  for (const step of steps) {
    let group = byNode.get(step.nodeId);
    if (!group) {
      group = { nodeId: step.nodeId, step: null, items: [] };
      byNode.set(step.nodeId, group);
      groups.push(group);
    }
    if (step.itemIndex === null) group.step = step;
    else group.items.push(step);
  }
  for (const group of groups) group.items.sort((a, b) => (a.itemIndex ?? 0) - (b.itemIndex ?? 0));
  return groups;
}

/** How many items are in each status: "3 succeeded, 1 running". */
export function countByStatus(steps: readonly RunStep[]): Map<RunStep['status'], number> {
  const counts = new Map<RunStep['status'], number>();
  for (const step of steps) counts.set(step.status, (counts.get(step.status) ?? 0) + 1);
  return counts;
}
