import { describe, expect, it } from 'vitest';
import { readyNodes, type NodeState } from './ready-nodes.ts';
import { workflowDefinitionSchema, type WorkflowDefinition, type WorkflowDefinitionInput } from './workflow-definition.ts';

type NodeInput = WorkflowDefinitionInput['nodes'][number];
type EdgeInput = NonNullable<WorkflowDefinitionInput['edges']>[number];

const trigger = (id = 't'): NodeInput => ({ id, name: id, type: 'trigger' });
const action = (id: string, allowFailure = false): NodeInput => ({
  id, name: id, type: 'action', config: { tool: 'noop' }, policies: { allowFailure },
});
const ifNode = (id: string): NodeInput => ({ id, name: id, type: 'condition', config: { mode: 'if', expression: 'input.ok' } });
const switchNode = (id: string, cases: string[]): NodeInput => ({
  id, name: id, type: 'condition', config: { mode: 'switch', expression: 'input.plan', cases },
});
const join = (id: string, mode: 'all' | 'any'): NodeInput => ({ id, name: id, type: 'join', config: { mode } });
const edge = (from: string, to: string, extra: Partial<EdgeInput> = {}): EdgeInput => ({ from, to, ...extra });

function define(nodes: NodeInput[], edges: EdgeInput[]): WorkflowDefinition {
  return workflowDefinitionSchema.parse({ name: 'test', nodes, edges });
}

const states = (entries: Record<string, NodeState['status'] | NodeState>): Record<string, NodeState> =>
  Object.fromEntries(Object.entries(entries).map(([id, s]) => [id, typeof s === 'string' ? { status: s } : s]));

/**
 * Runs the definition to the end, one wave at a time: every ready node completes with the state
 * `outcome` gives it (succeeded by default). Returns the waves and the final states.
 */
function simulate(definition: WorkflowDefinition, outcome: (id: string) => NodeState = () => ({ status: 'succeeded' })) {
  const current: Record<string, NodeState> = {};
  const waves: string[][] = [];
  const skipped: string[] = [];
  for (let step = 0; step < 100; step += 1) {
    const result = readyNodes({ definition, states: current });
    for (const id of result.skipped) current[id] = { status: 'skipped' };
    skipped.push(...result.skipped);
    if (result.ready.length === 0) return { waves, skipped, done: result.done, states: current };
    waves.push(result.ready);
    for (const id of result.ready) current[id] = outcome(id);
  }
  throw new Error('did not settle');
}

describe('readyNodes', () => {
  it('starts with the trigger alone', () => {
    const definition = define([trigger(), action('a')], [edge('t', 'a')]);
    expect(readyNodes({ definition, states: {} })).toEqual({ ready: ['t'], skipped: [], done: false });
  });

  it('runs a linear chain one node at a time', () => {
    const definition = define([trigger(), action('a'), action('b'), action('c')], [edge('t', 'a'), edge('a', 'b'), edge('b', 'c')]);
    expect(readyNodes({ definition, states: states({ t: 'succeeded', a: 'running' }) })).toEqual({ ready: [], skipped: [], done: false });
    expect(readyNodes({ definition, states: states({ t: 'succeeded', a: 'succeeded' }) }).ready).toEqual(['b']);
    expect(simulate(definition)).toMatchObject({ waves: [['t'], ['a'], ['b'], ['c']], skipped: [], done: true });
  });

  it('fans out: both branches are ready at once, in definition order', () => {
    const definition = define(
      [trigger(), { id: 'fan', name: 'fan', type: 'parallel' }, action('right'), action('left')],
      [edge('t', 'fan'), edge('fan', 'left'), edge('fan', 'right')],
    );
    expect(readyNodes({ definition, states: states({ t: 'succeeded', fan: 'succeeded' }) }).ready).toEqual(['right', 'left']);
  });

  it('skips the untaken branch of an if, transitively, and joins after it', () => {
    const definition = define(
      [trigger(), ifNode('check'), action('yes1'), action('yes2'), action('no1'), action('no2'), action('after')],
      [
        edge('t', 'check'), edge('check', 'yes1', { branch: 'true' }), edge('yes1', 'yes2'),
        edge('check', 'no1', { branch: 'false' }), edge('no1', 'no2'), edge('yes2', 'after'), edge('no2', 'after'),
      ],
    );
    const afterCheck = readyNodes({ definition, states: states({ t: 'succeeded', check: { status: 'succeeded', branch: 'true' } }) });
    expect(afterCheck).toEqual({ ready: ['yes1'], skipped: ['no1', 'no2'], done: false });
    const run = simulate(definition, (id) => (id === 'check' ? { status: 'succeeded', branch: 'false' } : { status: 'succeeded' }));
    expect(run).toMatchObject({ waves: [['t'], ['check'], ['no1'], ['no2'], ['after']], skipped: ['yes1', 'yes2'], done: true });
  });

  it('skips everything downstream when no branch reaches a node', () => {
    const definition = define(
      [trigger(), ifNode('check'), action('yes'), action('tail'), action('end')],
      [edge('t', 'check'), edge('check', 'yes', { branch: 'true' }), edge('yes', 'tail'), edge('tail', 'end')],
    );
    const result = readyNodes({ definition, states: states({ t: 'succeeded', check: { status: 'succeeded', branch: 'false' } }) });
    expect(result).toEqual({ ready: [], skipped: ['yes', 'tail', 'end'], done: true });
  });

  it('routes a switch to its case, or to default', () => {
    const definition = define(
      [trigger(), switchNode('plan', ['free', 'pro']), action('free'), action('pro'), action('other')],
      [edge('t', 'plan'), edge('plan', 'free', { branch: 'free' }), edge('plan', 'pro', { branch: 'pro' }), edge('plan', 'other', { branch: 'default' })],
    );
    const chose = (branch: string) => readyNodes({ definition, states: states({ t: 'succeeded', plan: { status: 'succeeded', branch } }) });
    expect(chose('pro')).toEqual({ ready: ['pro'], skipped: ['free', 'other'], done: false });
    expect(chose('default')).toEqual({ ready: ['other'], skipped: ['free', 'pro'], done: false });
  });

  describe('join', () => {
    const build = (mode: 'all' | 'any') => define(
      [trigger(), action('fast'), action('slow'), join('j', mode), action('next')],
      [edge('t', 'fast'), edge('t', 'slow'), edge('fast', 'j'), edge('slow', 'j'), edge('j', 'next')],
    );

    it('all: waits for every taken branch', () => {
      const definition = build('all');
      expect(readyNodes({ definition, states: states({ t: 'succeeded', fast: 'succeeded', slow: 'running' }) }).ready).toEqual([]);
      expect(readyNodes({ definition, states: states({ t: 'succeeded', fast: 'succeeded', slow: 'succeeded' }) }).ready).toEqual(['j']);
    });

    it('any: goes on with the first branch that succeeds, once', () => {
      const definition = build('any');
      expect(readyNodes({ definition, states: states({ t: 'succeeded', fast: 'succeeded', slow: 'running' }) }).ready).toEqual(['j']);
      const later = readyNodes({ definition, states: states({ t: 'succeeded', fast: 'succeeded', slow: 'running', j: 'succeeded' }) });
      expect(later).toEqual({ ready: ['next'], skipped: [], done: false });
    });

    it('any: a failed branch does not count', () => {
      const definition = build('any');
      expect(readyNodes({ definition, states: states({ t: 'succeeded', fast: 'failed', slow: 'running' }) }).ready).toEqual([]);
    });

    it('is skipped when none of its branches was taken', () => {
      const definition = define(
        [trigger(), ifNode('c'), action('a'), action('b'), join('j', 'any'), action('other')],
        [edge('t', 'c'), edge('c', 'a', { branch: 'true' }), edge('c', 'b', { branch: 'true' }), edge('a', 'j'), edge('b', 'j'), edge('c', 'other', { branch: 'false' })],
      );
      const result = readyNodes({ definition, states: states({ t: 'succeeded', c: { status: 'succeeded', branch: 'false' } }) });
      expect(result).toEqual({ ready: ['other'], skipped: ['a', 'b', 'j'], done: false });
    });
  });

  describe('failures', () => {
    const definition = define(
      [trigger(), action('risky', true), action('strict'), action('next'), action('after')],
      [edge('t', 'risky'), edge('t', 'strict'), edge('risky', 'next'), edge('strict', 'after')],
    );

    it('continues past a failure the policy allows', () => {
      expect(readyNodes({ definition, states: states({ t: 'succeeded', risky: 'failed', strict: 'running' }) }).ready).toEqual(['next']);
    });

    it('accepts allowFailure from the state', () => {
      const chain = define([trigger(), action('a'), action('b')], [edge('t', 'a'), edge('a', 'b')]);
      expect(readyNodes({ definition: chain, states: states({ t: 'succeeded', a: 'failed' }) }).ready).toEqual([]);
      expect(readyNodes({ definition: chain, states: states({ t: 'succeeded', a: { status: 'failed', allowFailure: true } }) }).ready).toEqual(['b']);
    });

    it('leaves the descendants of a hard failure pending, so the run is not done', () => {
      const result = readyNodes({ definition, states: states({ t: 'succeeded', risky: 'succeeded', strict: 'failed', next: 'succeeded' }) });
      expect(result).toEqual({ ready: [], skipped: [], done: false });
    });
  });

  it('runs a diamond: the merge waits for both sides', () => {
    const definition = define(
      [trigger(), action('a'), action('b'), action('c'), action('d')],
      [edge('t', 'a'), edge('a', 'b'), edge('a', 'c'), edge('b', 'd'), edge('c', 'd')],
    );
    expect(readyNodes({ definition, states: states({ t: 'succeeded', a: 'succeeded', b: 'succeeded', c: 'waiting' }) }).ready).toEqual([]);
    expect(simulate(definition)).toMatchObject({ waves: [['t'], ['a'], ['b', 'c'], ['d']], done: true });
  });

  describe('edge conditions', () => {
    const definition = define(
      [trigger(), action('a'), action('b')],
      [edge('t', 'a', { condition: 'input.sendEmail' }), edge('t', 'b')],
    );

    it('wait for the executor to evaluate them', () => {
      expect(readyNodes({ definition, states: states({ t: 'succeeded' }) })).toEqual({ ready: ['b'], skipped: [], done: false });
    });

    it('are taken or not as evaluated', () => {
      expect(readyNodes({ definition, states: states({ t: 'succeeded' }), edgeTaken: { 0: true } }).ready).toEqual(['a', 'b']);
      const result = readyNodes({ definition, states: states({ t: 'succeeded', b: 'succeeded' }), edgeTaken: { 0: false } });
      expect(result).toEqual({ ready: [], skipped: ['a'], done: true });
    });
  });

  it('is done when nothing is pending, running or waiting', () => {
    const definition = define([trigger(), action('a')], [edge('t', 'a')]);
    expect(readyNodes({ definition, states: states({ t: 'succeeded', a: 'waiting' }) }).done).toBe(false);
    expect(readyNodes({ definition, states: states({ t: 'succeeded', a: 'succeeded' }) })).toEqual({ ready: [], skipped: [], done: true });
  });

  it('skips a node nothing leads to, and ignores edges to unknown nodes', () => {
    const definition: WorkflowDefinition = { ...define([trigger(), action('island'), action('a')], [edge('t', 'a')]) };
    definition.edges.push({ from: 'ghost', to: 'a' }, { from: 't', to: 'ghost' });
    expect(readyNodes({ definition, states: states({ t: 'succeeded' }) })).toEqual({ ready: ['a'], skipped: ['island'], done: false });
  });
});

describe('step states beyond the basic ones', () => {
  it('treats ready and retrying nodes as active and compensated ones as having succeeded', () => {
    const definition = {
      nodes: [
        { id: 'start', type: 'trigger', name: 'Start', config: { kind: 'manual' }, policies: { allowFailure: false } },
        { id: 'charge', type: 'action', name: 'Charge', config: { tool: 'pay', input: {} }, policies: { allowFailure: false } },
        { id: 'ship', type: 'action', name: 'Ship', config: { tool: 'ship', input: {} }, policies: { allowFailure: false } },
      ],
      edges: [{ from: 'start', to: 'charge' }, { from: 'charge', to: 'ship' }],
    } as unknown as Parameters<typeof readyNodes>[0]['definition'];
    expect(readyNodes({ definition, states: { start: { status: 'succeeded' }, charge: { status: 'retrying' } } })).toEqual({ ready: [], skipped: [], done: false });
    expect(readyNodes({ definition, states: { start: { status: 'succeeded' }, charge: { status: 'compensated' } } }).ready).toEqual(['ship']);
    expect(readyNodes({ definition, states: { start: { status: 'succeeded' }, charge: { status: 'compensated' }, ship: { status: 'compensation_failed' } } }).done).toBe(true);
  });
});
