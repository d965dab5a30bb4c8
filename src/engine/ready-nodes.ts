import type { StepState } from './step-state.ts';
import type { WorkflowDefinition, WorkflowEdge, WorkflowNode } from './workflow-definition.ts';

/**
 * The pure scheduling core: from a definition and the state of each node, which nodes may start
 * now and which will never run. No I/O; the same inputs always give the same answer.
 */

/** A node's step state; the scheduler only asks whether it is pending, active, done or skipped. */
export type NodeStatus = StepState;

/** A step that succeeded stays a success for scheduling while it is later compensated. */
const succeededStates: ReadonlySet<StepState> = new Set(['succeeded', 'compensating', 'compensated', 'compensation_failed']);
const activeStates: ReadonlySet<StepState> = new Set(['pending', 'ready', 'running', 'retrying', 'waiting']);

export interface NodeState {
  status: NodeStatus;
  /** For a condition node that succeeded: the branch it chose (`"true"`, `"false"`, a case, `"default"`). */
  branch?: string;
  /** The failure is tolerated; otherwise the node's `policies.allowFailure` decides. */
  allowFailure?: boolean;
}

export interface ReadyNodesInput {
  definition: Pick<WorkflowDefinition, 'nodes' | 'edges'>;
  /** State by node id; a node without an entry is pending. */
  states: Readonly<Record<string, NodeState | undefined>>;
  /**
   * Outcome of edge conditions, by index in `definition.edges`. Conditions are async JSONata, so
   * the executor evaluates those of a node's outgoing edges when the node completes and passes
   * the results here. An edge with a `condition` whose source completed but which has no entry
   * here is not resolved yet: its target waits. `false` on any edge means not taken.
   */
  edgeTaken?: Readonly<Record<number, boolean>>;
}

export interface ReadyNodes {
  /** Pending nodes that may start now, in definition order. */
  ready: string[];
  /** Nodes that will never run because no incoming edge was taken, transitively, in definition order. */
  skipped: string[];
  /** No node is pending or active (counting the newly skipped nodes as skipped). */
  done: boolean;
}

type EdgeOutcome = 'unresolved' | 'taken' | 'not_taken';

interface Graph {
  nodes: Map<string, { node: WorkflowNode; order: number }>;
  incoming: Map<string, { edge: WorkflowEdge; index: number }[]>;
  successors: Map<string, string[]>;
}

function buildGraph(definition: ReadyNodesInput['definition']): Graph {
  const nodes = new Map<string, { node: WorkflowNode; order: number }>();
  definition.nodes.forEach((node, order) => {
    if (!nodes.has(node.id)) nodes.set(node.id, { node, order });
  });
  const incoming = new Map<string, { edge: WorkflowEdge; index: number }[]>();
  const successors = new Map<string, string[]>();
  definition.edges.forEach((edge, index) => {
    if (!nodes.has(edge.from) || !nodes.has(edge.to)) return;
    const into = incoming.get(edge.to) ?? [];
    const out = successors.get(edge.from) ?? [];
    into.push({ edge, index });
    out.push(edge.to);
    incoming.set(edge.to, into);
    successors.set(edge.from, out);
  });
  return { nodes, incoming, successors };
}

/**
 * Resolved: the source succeeded, was skipped, or failed with allowFailure (which counts as
 * success with a null output). Taken: resolved other than skipped, the branch matches when the
 * source is a condition, and the edge's condition (if any) evaluated truthy.
 */
function edgeOutcome(edge: WorkflowEdge, index: number, source: WorkflowNode, state: NodeState, edgeTaken: ReadyNodesInput['edgeTaken']): EdgeOutcome {
  if (state.status === 'skipped') return 'not_taken';
  const tolerated = state.status === 'failed' && (state.allowFailure ?? source.policies.allowFailure);
  if (!succeededStates.has(state.status) && !tolerated) return 'unresolved';
  if (source.type === 'condition' && edge.branch !== state.branch) return 'not_taken';
  const evaluated = edgeTaken?.[index];
  if (evaluated === undefined) return edge.condition === undefined ? 'taken' : 'unresolved';
  return evaluated ? 'taken' : 'not_taken';
}

/** What a pending node should do given its incoming edges. */
function decide(node: WorkflowNode, outcomes: EdgeOutcome[]): 'ready' | 'skip' | 'wait' {
  if (node.type === 'trigger') return 'ready';
  if (node.type === 'join' && node.config.mode === 'any' && outcomes.includes('taken')) return 'ready';
  if (outcomes.includes('unresolved')) return 'wait';
  return outcomes.includes('taken') ? 'ready' : 'skip';
}

/**
 * Computes the nodes to start and to skip. Rules:
 * - a pending trigger is ready (a run has one trigger; validation enforces it);
 * - a node is ready when every incoming edge is resolved and at least one is taken; a join in
 *   mode `any` is ready as soon as one incoming edge is taken;
 * - a node whose incoming edges are all resolved and none taken is skipped, which resolves its
 *   outgoing edges as not taken, so skipping propagates downstream in the same call (a node
 *   without incoming edges other than the trigger is skipped this way);
 * - a failure without allowFailure resolves nothing: its descendants stay pending, and the
 *   executor fails (or compensates) the run.
 *
 * @example readyNodes({ definition, states: { start: { status: 'succeeded' } } }) // { ready: ['next'], skipped: [], done: false }
 */
export function readyNodes(input: ReadyNodesInput): ReadyNodes {
  const graph = buildGraph(input.definition);
  const status = new Map<string, NodeState>();
  for (const id of graph.nodes.keys()) status.set(id, input.states[id] ?? { status: 'pending' });

  const decideFor = (id: string): 'ready' | 'skip' | 'wait' | undefined => {
    const entry = graph.nodes.get(id);
    if (entry === undefined || status.get(id)?.status !== 'pending') return undefined;
    const outcomes = (graph.incoming.get(id) ?? []).map(({ edge, index }): EdgeOutcome => {
      const source = graph.nodes.get(edge.from);
      const state = status.get(edge.from);
      return source === undefined || state === undefined ? 'unresolved' : edgeOutcome(edge, index, source.node, state, input.edgeTaken);
    });
    return decide(entry.node, outcomes);
  };

  const skipped = new Set<string>();
  const queue = [...graph.nodes.keys()];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    if (decideFor(id) !== 'skip') continue;
    status.set(id, { status: 'skipped' });
    skipped.add(id);
    queue.push(...(graph.successors.get(id) ?? []));
  }

  const ids = [...graph.nodes.keys()];
  const ready = ids.filter((id) => decideFor(id) === 'ready');
  const done = [...status.values()].every((s) => !activeStates.has(s.status));
  return { ready, skipped: ids.filter((id) => skipped.has(id)), done };
}
