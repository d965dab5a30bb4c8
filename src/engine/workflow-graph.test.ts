import { describe, expect, it } from 'vitest';
import { createWorkflowGraph, findCycles, reachableFrom, topologicalOrder } from './workflow-graph.ts';

const graph = (nodeIds: string[], pairs: [string, string][]) =>
  createWorkflowGraph({ nodeIds, edges: pairs.map(([from, to]) => ({ from, to })) });

describe('createWorkflowGraph', () => {
  it('builds successors and predecessors in edge order, skipping unknown nodes and duplicate ids', () => {
    const g = graph(['a', 'b', 'c', 'a'], [['a', 'c'], ['a', 'b'], ['b', 'c'], ['a', 'ghost'], ['ghost', 'b']]);
    expect(g.nodeIds).toEqual(['a', 'b', 'c']);
    expect(g.successors.get('a')).toEqual(['c', 'b']);
    expect(g.predecessors.get('c')).toEqual(['a', 'b']);
    expect(g.predecessors.get('b')).toEqual(['a']);
  });
});

describe('reachableFrom', () => {
  it('follows edges from the start node only', () => {
    const g = graph(['t', 'a', 'b', 'island', 'x'], [['t', 'a'], ['a', 'b'], ['island', 'x'], ['b', 'a']]);
    expect(reachableFrom(g, 't')).toEqual(new Set(['t', 'a', 'b']));
    expect(reachableFrom(g, 'nope')).toEqual(new Set());
  });
});

describe('topologicalOrder', () => {
  it('orders every node after its predecessors, ties by definition order', () => {
    const g = graph(['out', 'join', 'left', 'right', 'start'], [['start', 'right'], ['start', 'left'], ['left', 'join'], ['right', 'join'], ['join', 'out']]);
    expect(topologicalOrder(g)).toEqual({ order: ['start', 'left', 'right', 'join', 'out'], blocked: [] });
  });

  it('returns the nodes on or behind a cycle as blocked', () => {
    const g = graph(['s', 'a', 'b', 'after'], [['s', 'a'], ['a', 'b'], ['b', 'a'], ['b', 'after']]);
    expect(topologicalOrder(g)).toEqual({ order: ['s'], blocked: ['a', 'b', 'after'] });
  });
});

describe('findCycles', () => {
  it('finds nothing in a DAG', () => {
    expect(findCycles(graph(['a', 'b', 'c'], [['a', 'b'], ['a', 'c'], ['b', 'c']]))).toEqual([]);
  });

  it('returns each cycle as its node ids in definition order', () => {
    const g = graph(['t', 'x', 'c', 'b', 'a', 'p', 'q'], [['t', 'a'], ['a', 'b'], ['b', 'c'], ['c', 'a'], ['t', 'p'], ['p', 'q'], ['q', 'p'], ['c', 'x']]);
    expect(findCycles(g)).toEqual([['c', 'b', 'a'], ['p', 'q']]);
  });

  it('reports a self-loop', () => {
    expect(findCycles(graph(['a', 'b'], [['a', 'b'], ['b', 'b']]))).toEqual([['b']]);
  });

  it('merges overlapping cycles into one group', () => {
    const g = graph(['a', 'b', 'c'], [['a', 'b'], ['b', 'a'], ['b', 'c'], ['c', 'b']]);
    expect(findCycles(g)).toEqual([['a', 'b', 'c']]);
  });

  it('handles a long chain without overflowing the stack', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `n${i}`);
    const pairs = ids.slice(1).map((id, i): [string, string] => [ids[i] ?? '', id]);
    pairs.push(['n19999', 'n0']);
    expect(findCycles(graph(ids, pairs))[0]).toHaveLength(20_000);
  });
});
