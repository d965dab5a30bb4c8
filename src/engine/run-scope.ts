import { FoundryError } from '../kernel/index.ts';
import { evaluateExpression, evaluateMapping, isTruthy, type ExpressionScope } from './expressions.ts';
import type { NodeState } from './ready-nodes.ts';
import type { StepRow } from './run-views.ts';
import type { StepState } from './step-state.ts';
import type { WorkflowDefinition } from './workflow-definition.ts';

/**
 * What a run's steps mean for its graph and its expressions, computed from the steps alone: the
 * node states the scheduler reads, the edges taken, the scope expressions see. No I/O.
 */

/** Steps of a run by node and map item (`-1` for the node itself). */
export type RunSteps = ReadonlyMap<string, StepRow>;

export const stepKey = (nodeId: string, itemIndex: number) => `${nodeId}#${itemIndex}`;

const doneStates: ReadonlySet<string> = new Set(['succeeded', 'failed', 'skipped', 'compensating', 'compensated', 'compensation_failed']);

/** A step error as stored: the stable code and message, and the node. */
export function errorRecord(error: unknown, nodeId?: string): Record<string, unknown> {
  const e = FoundryError.isInstance(error) ? { code: error.code, message: error.message } : { code: 'STEP_FAILED', message: error instanceof Error ? error.message : String(error) };
  return nodeId === undefined ? e : { ...e, nodeId };
}

export function nodeStatesOf(steps: RunSteps): Record<string, NodeState> {
  const states: Record<string, NodeState> = {};
  for (const step of steps.values()) {
    if (step.itemIndex >= 0) continue;
    states[step.nodeId] = { status: step.status as StepState, ...(step.branch === null ? {} : { branch: step.branch }) };
  }
  return states;
}

export function edgeTakenOf(steps: RunSteps): Record<number, boolean> {
  const taken: Record<number, boolean> = {};
  for (const step of steps.values()) {
    for (const [index, value] of Object.entries(step.takenEdges ?? {})) taken[Number(index)] = value;
  }
  return taken;
}

/** The root of every expression: the run input and the output of each finished node. */
export function scopeOf(input: unknown, steps: RunSteps, extra: Partial<ExpressionScope> = {}): ExpressionScope {
  const outputs: Record<string, unknown> = {};
  for (const step of steps.values()) {
    if (step.itemIndex < 0 && doneStates.has(step.status)) outputs[step.nodeId] = step.output ?? null;
  }
  return { input, steps: outputs, ...extra };
}

/** Values mapped onto the taken incoming edges of a node, as `in`. */
export async function incomingOf(definition: WorkflowDefinition, input: unknown, steps: RunSteps, nodeId: string): Promise<Record<string, unknown>> {
  const values: Record<string, unknown> = {};
  const taken = edgeTakenOf(steps);
  for (const [index, edge] of definition.edges.entries()) {
    if (edge.to !== nodeId || edge.mapping === undefined) continue;
    if (steps.get(stepKey(edge.from, -1))?.status !== 'succeeded' || taken[index] === false) continue;
    Object.assign(values, await evaluateMapping(edge.mapping, scopeOf(input, steps), { nodeId }));
  }
  return values;
}

/** Conditions of a finished node's outgoing edges, evaluated with its output in scope; null when it has none. */
export async function takenEdgesOf(definition: WorkflowDefinition, input: unknown, steps: RunSteps, nodeId: string): Promise<Record<string, boolean> | null> {
  const taken: Record<string, boolean> = {};
  let any = false;
  for (const [index, edge] of definition.edges.entries()) {
    if (edge.from !== nodeId || edge.condition === undefined) continue;
    taken[index] = isTruthy(await evaluateExpression(edge.condition, scopeOf(input, steps), { nodeId }));
    any = true;
  }
  return any ? taken : null;
}
