/**
 * Pure graph helpers over a workflow's nodes and edges, shared by validation and the executor.
 * Node order is the definition's order, and every result follows it, so output is deterministic.
 */

export interface GraphEdge {
  from: string;
  to: string;
}

export interface WorkflowGraph {
  /** Distinct node ids, in definition order. */
  readonly nodeIds: readonly string[];
  /** Targets of each node's outgoing edges, in edge order (an id repeats if edges repeat). */
  readonly successors: ReadonlyMap<string, readonly string[]>;
  /** Sources of each node's incoming edges, in edge order. */
  readonly predecessors: ReadonlyMap<string, readonly string[]>;
}

/**
 * Builds adjacency lists. Duplicate ids keep their first occurrence; edges naming an unknown
 * node are left out (validation reports them as dangling).
 *
 * @example createWorkflowGraph({ nodeIds: ['a', 'b'], edges: [{ from: 'a', to: 'b' }] })
 */
export function createWorkflowGraph(o: { nodeIds: readonly string[]; edges: readonly GraphEdge[] }): WorkflowGraph {
  const nodeIds = [...new Set(o.nodeIds)];
  const successors = new Map<string, string[]>(nodeIds.map((id) => [id, []]));
  const predecessors = new Map<string, string[]>(nodeIds.map((id) => [id, []]));
  for (const { from, to } of o.edges) {
    const out = successors.get(from);
    const into = predecessors.get(to);
    if (out === undefined || into === undefined) continue;
    out.push(to);
    into.push(from);
  }
  return { nodeIds, successors, predecessors };
}

/** Ids of every node reachable from `start` by following edges, `start` included. */
export function reachableFrom(graph: WorkflowGraph, start: string): Set<string> {
  const seen = new Set<string>();
  if (!graph.successors.has(start)) return seen;
  const stack = [start];
  seen.add(start);
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    for (const next of graph.successors.get(id) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(next);
    }
  }
  return seen;
}

/**
 * Kahn's order: every node after all its predecessors; among ready nodes, definition order wins.
 * Nodes on or behind a cycle cannot be ordered and are returned in `blocked` instead.
 */
export function topologicalOrder(graph: WorkflowGraph): { order: string[]; blocked: string[] } {
  const remaining = new Map(graph.nodeIds.map((id) => [id, graph.predecessors.get(id)?.length ?? 0]));
  const position = new Map(graph.nodeIds.map((id, index) => [id, index]));
  const ready = graph.nodeIds.filter((id) => remaining.get(id) === 0);
  const order: string[] = [];
  while (ready.length > 0) {
    ready.sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
    const id = ready.shift();
    if (id === undefined) break;
    order.push(id);
    for (const next of graph.successors.get(id) ?? []) {
      const left = (remaining.get(next) ?? 0) - 1;
      remaining.set(next, left);
      if (left === 0) ready.push(next);
    }
  }
  const done = new Set(order);
  return { order, blocked: graph.nodeIds.filter((id) => !done.has(id)) };
}

/**
 * Every group of nodes that lie on a common cycle (the strongly connected components with a
 * cycle, including a node with an edge to itself), each in definition order, groups ordered by
 * their first node. Tarjan's algorithm, iterative so deep graphs cannot overflow the stack.
 */
export function findCycles(graph: WorkflowGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;

  const visit = (root: string): void => {
    const frames: { id: string; next: number }[] = [{ id: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      if (frame === undefined) break;
      const targets = graph.successors.get(frame.id) ?? [];
      const target = targets[frame.next++];
      if (target !== undefined) {
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          frames.push({ id: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.id, Math.min(low.get(frame.id) ?? 0, index.get(target) ?? 0));
        }
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent !== undefined) low.set(parent.id, Math.min(low.get(parent.id) ?? 0, low.get(frame.id) ?? 0));
      if (low.get(frame.id) !== index.get(frame.id)) continue;
      const component: string[] = [];
      for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
        onStack.delete(member);
        component.push(member);
        if (member === frame.id) break;
      }
      const selfLoop = component.length === 1 && targets.includes(frame.id);
      if (component.length > 1 || selfLoop) components.push(component);
    }
  };

  for (const id of graph.nodeIds) if (!index.has(id)) visit(id);
  const position = new Map(graph.nodeIds.map((id, i) => [id, i]));
  const byPosition = (a: string, b: string): number => (position.get(a) ?? 0) - (position.get(b) ?? 0);
  return components
    .map((component) => component.sort(byPosition))
    .sort((a, b) => byPosition(a[0] ?? '', b[0] ?? ''));
}
