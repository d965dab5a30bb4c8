import { describe, expect, it } from 'vitest';
import { FoundryError, ValidationError } from '../kernel/index.ts';
import { WorkflowInvalidError } from './engine-errors.ts';
import { problemCodes, validateWorkflow, type ValidationDeps, type WorkflowProblem } from './validate-workflow.ts';
import type { WorkflowDefinitionInput } from './workflow-definition.ts';

const deps: ValidationDeps = { tools: new Set(['crm.lookup', 'crm.undo', 'payments.charge', 'mail.send']), credentials: new Set(['crm', 'stripe']) };

/** trigger → lookup → check (if) → charge (map) | notify (model) → merge (join) → result (output). */
function realistic(): WorkflowDefinitionInput {
  return {
    name: 'Order follow-up',
    onFailure: 'saga',
    nodes: [
      { id: 'start', type: 'trigger', name: 'Start' },
      {
        id: 'lookup', type: 'action', name: 'Look up customer',
        config: { tool: 'crm.lookup', input: { email: 'input.email' }, credential: 'crm' },
        policies: {
          retry: { maxAttempts: 5 },
          compensation: { type: 'action', config: { tool: 'crm.undo', input: { id: 'steps.lookup.id' }, credential: 'crm' } },
        },
      },
      { id: 'check', type: 'condition', name: 'Has orders?', config: { mode: 'if', expression: '$count(steps.lookup.orders) > 0' } },
      {
        id: 'charge', type: 'map', name: 'Charge each order',
        config: { items: 'steps.lookup.orders', task: { type: 'action', config: { tool: 'payments.charge', input: { order: 'item.id' }, credential: 'stripe' } } },
      },
      { id: 'notify', type: 'model', name: 'Write a welcome', config: { prompt: '"Welcome " & steps.lookup.name' } },
      { id: 'merge', type: 'join', name: 'Merge', config: { mode: 'any' } },
      { id: 'result', type: 'output', name: 'Result', config: { value: 'steps.merge' } },
    ],
    edges: [
      { from: 'start', to: 'lookup', mapping: { email: 'input.email' } },
      { from: 'lookup', to: 'check' },
      { from: 'check', to: 'charge', branch: 'true' },
      { from: 'check', to: 'notify', branch: 'false', condition: 'steps.lookup.name != ""' },
      { from: 'charge', to: 'merge' },
      { from: 'notify', to: 'merge' },
      { from: 'merge', to: 'result' },
    ],
  };
}

function problemsOf(raw: unknown, d: ValidationDeps = deps): WorkflowProblem[] {
  const result = validateWorkflow(raw, d);
  if (result.ok) throw new Error('expected the definition to be invalid');
  return result.problems;
}

const codes = (problems: WorkflowProblem[]) => problems.map((p) => p.code);

/** Applies `change` to a fresh realistic definition, typed loosely so invalid shapes can be written. */
function variant(change: (d: { nodes: Record<string, unknown>[]; edges: Record<string, unknown>[] } & Record<string, unknown>) => void): unknown {
  const d = structuredClone(realistic()) as unknown as { nodes: Record<string, unknown>[]; edges: Record<string, unknown>[] } & Record<string, unknown>;
  change(d);
  return d;
}

describe('validateWorkflow', () => {
  it('accepts a realistic definition and returns it parsed, with defaults', () => {
    const result = validateWorkflow(realistic(), deps);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { definition } = result;
    expect(definition.description).toBe('');
    expect(definition.nodes[0]).toMatchObject({ type: 'trigger', config: { kind: 'manual' }, policies: { allowFailure: false } });
    expect(definition.nodes[1]?.policies.retry).toEqual({ maxAttempts: 5, initialDelayMs: 1_000, multiplier: 2, maxDelayMs: 60_000, jitter: 0.2 });
    expect(definition.nodes[3]).toMatchObject({ type: 'map', config: { concurrency: 4 } });
    expect(definition.nodes[4]).toMatchObject({ type: 'model', config: { role: 'chat' } });
  });

  it('accepts a tool predicate instead of a set', () => {
    expect(validateWorkflow(realistic(), { ...deps, tools: (name) => name.includes('.') }).ok).toBe(true);
    const problems = problemsOf(realistic(), { ...deps, tools: (name) => name !== 'mail.send' && name !== 'payments.charge' });
    expect(problems).toEqual([expect.objectContaining({ code: 'UNKNOWN_TOOL', nodeId: 'charge', path: ['nodes', 3, 'config', 'task', 'config', 'tool'] })]);
  });

  describe('schema problems', () => {
    it('INVALID_DEFINITION for a document that is not an object', () => {
      expect(problemsOf(null)).toEqual([{ code: 'INVALID_DEFINITION', message: expect.stringContaining('expected object'), path: [] }]);
    });

    it('INVALID_DEFINITION for top-level fields and edges', () => {
      const problems = problemsOf(variant((d) => { d['name'] = ''; d.edges.push({ from: 'merge' }); }));
      expect(problems).toEqual([
        expect.objectContaining({ code: 'INVALID_DEFINITION', path: ['name'] }),
        expect.objectContaining({ code: 'INVALID_DEFINITION', edgeIndex: 7, path: ['edges', 7, 'to'] }),
      ]);
    });

    it('INVALID_CONFIG anchored to the node id', () => {
      const problems = problemsOf(variant((d) => { d.nodes[1] = { ...d.nodes[1], config: { tool: 7 } }; }));
      expect(problems).toEqual([
        { code: 'INVALID_CONFIG', message: 'Node "lookup": config.tool: Invalid input: expected string, received number', nodeId: 'lookup', path: ['nodes', 1, 'config', 'tool'] },
      ]);
    });

    it('INVALID_CONFIG for an unknown node type, without breaking the graph checks', () => {
      const problems = problemsOf(variant((d) => { d.nodes[4] = { ...d.nodes[4], type: 'teleport' }; }));
      expect(problems).toEqual([expect.objectContaining({ code: 'INVALID_CONFIG', nodeId: 'notify', path: ['nodes', 4, 'type'] })]);
    });

    it('labels a node without a readable id by its index', () => {
      const problems = problemsOf(variant((d) => { d.nodes.push({ type: 'output', name: 'Anonymous', config: { value: '1' } }); }));
      expect(problems).toStrictEqual([{ code: 'INVALID_CONFIG', message: expect.stringMatching(/^Node 7: id: /), path: ['nodes', 7, 'id'] }]);
    });

    it('keeps an edge with readable endpoints in the graph when its other fields are invalid', () => {
      const problems = problemsOf(variant((d) => { d.edges[6] = { ...d.edges[6], mapping: { total: 42 } }; }));
      expect(problems).toEqual([expect.objectContaining({ code: 'INVALID_DEFINITION', edgeIndex: 6, path: ['edges', 6, 'mapping', 'total'] })]);
    });

    it('explains which alternative of a union config failed', () => {
      const problems = problemsOf(variant((d) => { d.nodes.push({ id: 'pause', type: 'wait', name: 'Pause', config: {} }); d.edges.push({ from: 'lookup', to: 'pause' }); }));
      expect(problems).toHaveLength(1);
      expect(problems[0]?.message).toMatch(/durationMs: .*; or until: /);
    });
  });

  describe('graph problems', () => {
    it('DUPLICATE_NODE_ID on the second occurrence', () => {
      const problems = problemsOf(variant((d) => { d.nodes[4] = { ...d.nodes[4], id: 'charge' }; }));
      expect(problems).toContainEqual(expect.objectContaining({ code: 'DUPLICATE_NODE_ID', nodeId: 'charge', path: ['nodes', 4, 'id'] }));
    });

    it('DANGLING_EDGE for each missing endpoint', () => {
      const problems = problemsOf(variant((d) => { d.edges.push({ from: 'ghost', to: 'phantom' }); }));
      expect(problems).toEqual([
        expect.objectContaining({ code: 'DANGLING_EDGE', edgeIndex: 7, path: ['edges', 7, 'from'], message: expect.stringContaining('"ghost"') }),
        expect.objectContaining({ code: 'DANGLING_EDGE', edgeIndex: 7, path: ['edges', 7, 'to'], message: expect.stringContaining('"phantom"') }),
      ]);
    });

    it('CYCLE with every node of the cycle', () => {
      const problems = problemsOf(variant((d) => { d.edges.push({ from: 'merge', to: 'lookup' }); }));
      expect(problems).toEqual([
        expect.objectContaining({ code: 'CYCLE', nodeId: 'lookup', nodeIds: ['lookup', 'check', 'charge', 'notify', 'merge'], path: ['nodes', 1] }),
      ]);
    });

    it('NO_TRIGGER when there is none', () => {
      const problems = problemsOf(variant((d) => { d.nodes.splice(0, 1); d.edges.splice(0, 1); }));
      expect(problems).toEqual([expect.objectContaining({ code: 'NO_TRIGGER', path: ['nodes'] })]);
    });

    it('MULTIPLE_TRIGGERS on every trigger after the first', () => {
      const problems = problemsOf(variant((d) => { d.nodes.push({ id: 'hook', type: 'trigger', name: 'Hook', config: { kind: 'webhook' } }); d.edges.push({ from: 'hook', to: 'lookup' }); }));
      expect(problems).toEqual([expect.objectContaining({ code: 'MULTIPLE_TRIGGERS', nodeId: 'hook', path: ['nodes', 7] })]);
    });

    it('UNREACHABLE for nodes the trigger cannot reach', () => {
      const problems = problemsOf(variant((d) => { d.nodes.push({ id: 'stray', type: 'output', name: 'Stray', config: { value: '1' } }); }));
      expect(problems).toEqual([expect.objectContaining({ code: 'UNREACHABLE', nodeId: 'stray', path: ['nodes', 7] })]);
    });

    it('TRIGGER_HAS_INPUTS for an edge into the trigger', () => {
      const problems = problemsOf(variant((d) => { d.edges.push({ from: 'notify', to: 'start' }); }));
      expect(problems).toContainEqual(expect.objectContaining({ code: 'TRIGGER_HAS_INPUTS', nodeId: 'start', edgeIndex: 7 }));
    });

    it('BRANCH_INVALID for a wrong, missing or misplaced branch', () => {
      const problems = problemsOf(variant((d) => {
        d.edges[2] = { ...d.edges[2], branch: 'yes' };
        delete d.edges[3]?.['branch'];
        d.edges[1] = { ...d.edges[1], branch: 'true' };
      }));
      expect(problems).toEqual([
        expect.objectContaining({ code: 'BRANCH_INVALID', edgeIndex: 1, nodeId: 'lookup', message: expect.stringContaining('only edges leaving a condition') }),
        expect.objectContaining({ code: 'BRANCH_INVALID', edgeIndex: 2, nodeId: 'check', path: ['edges', 2, 'branch'], message: expect.stringContaining('"yes" is not one of "true", "false"') }),
        expect.objectContaining({ code: 'BRANCH_INVALID', edgeIndex: 3, nodeId: 'check', message: expect.stringContaining('needs a branch') }),
      ]);
    });

    it('BRANCH_INVALID for a switch edge that names no case', () => {
      const problems = problemsOf(variant((d) => {
        d.nodes[2] = { ...d.nodes[2], config: { mode: 'switch', expression: 'steps.lookup.tier', cases: ['gold', 'silver'] } };
        d.edges[2] = { ...d.edges[2], branch: 'gold' };
        d.edges[3] = { ...d.edges[3], branch: 'bronze' };
      }));
      expect(problems).toEqual([expect.objectContaining({ code: 'BRANCH_INVALID', edgeIndex: 3, message: expect.stringContaining('"gold", "silver", "default"') })]);
      const withDefault = variant((d) => {
        d.nodes[2] = { ...d.nodes[2], config: { mode: 'switch', expression: 'steps.lookup.tier', cases: ['gold'] } };
        d.edges[2] = { ...d.edges[2], branch: 'gold' };
        d.edges[3] = { ...d.edges[3], branch: 'default' };
      });
      expect(validateWorkflow(withDefault, deps).ok).toBe(true);
    });

    it('CONDITION_WITHOUT_BRANCHES for a condition with no outgoing edge', () => {
      const problems = problemsOf(variant((d) => {
        d.nodes.splice(6, 0, { id: 'dead', type: 'condition', name: 'Dead end', config: { mode: 'if', expression: 'true' } });
        d.edges.push({ from: 'merge', to: 'dead' });
      }));
      expect(problems).toEqual([expect.objectContaining({ code: 'CONDITION_WITHOUT_BRANCHES', nodeId: 'dead', path: ['nodes', 6] })]);
    });

    it('JOIN_WITHOUT_INPUTS for a join with fewer than two incoming edges', () => {
      const problems = problemsOf(variant((d) => { d.edges.splice(5, 1); d.edges.push({ from: 'notify', to: 'result' }); }));
      expect(problems).toEqual([expect.objectContaining({ code: 'JOIN_WITHOUT_INPUTS', nodeId: 'merge', message: expect.stringContaining('has 1 incoming') })]);
    });

    it('OUTPUT_HAS_SUCCESSORS for an edge leaving an output', () => {
      const problems = problemsOf(variant((d) => {
        d.nodes.push({ id: 'after', type: 'output', name: 'After', config: { value: '2' } });
        d.edges.push({ from: 'result', to: 'after' });
      }));
      expect(problems).toEqual([expect.objectContaining({ code: 'OUTPUT_HAS_SUCCESSORS', nodeId: 'result', edgeIndex: 7 })]);
    });
  });

  describe('expressions and references', () => {
    it('INVALID_EXPRESSION in every kind of field, with position and path', () => {
      const problems = problemsOf(variant((d) => {
        d.nodes[1] = {
          ...d.nodes[1],
          config: { tool: 'crm.lookup', input: { email: 'input.email +' } },
          policies: { compensation: { type: 'model', config: { prompt: '"unterminated' } } },
        };
        d.nodes[3] = { ...d.nodes[3], config: { items: 'orders[', task: { type: 'subworkflow', config: { workflowId: '0b4d3c52-2f3e-4e0a-9a4e-2d7a3b1c9f10', input: { x: '$f(' } } } } };
        d.nodes.splice(6, 0, { id: 'later', type: 'wait', name: 'Later', config: { until: 'a b' } });
        d.edges[0] = { ...d.edges[0], condition: ')', mapping: { email: 'input.(' } };
      }));
      const expressions = problems.filter((p) => p.code === 'INVALID_EXPRESSION');
      expect(expressions.map((p) => [p.nodeId ?? p.edgeIndex, p.path])).toEqual([
        ['lookup', ['nodes', 1, 'config', 'input', 'email']],
        ['lookup', ['nodes', 1, 'policies', 'compensation', 'config', 'prompt']],
        ['charge', ['nodes', 3, 'config', 'items']],
        ['charge', ['nodes', 3, 'config', 'task', 'config', 'input', 'x']],
        ['later', ['nodes', 6, 'config', 'until']],
        [0, ['edges', 0, 'condition']],
        [0, ['edges', 0, 'mapping', 'email']],
      ]);
      expect(expressions[0]).toMatchObject({ position: 13, message: 'Node "lookup" config.input.email: invalid expression at position 13: Unexpected end of expression' });
    });

    it('checks condition, approval, model and output expressions', () => {
      const problems = problemsOf(variant((d) => {
        d.nodes[2] = { ...d.nodes[2], config: { mode: 'if', expression: '1 +' } };
        d.nodes[4] = { ...d.nodes[4], config: { prompt: '[' } };
        d.nodes[6] = { ...d.nodes[6], config: { value: '{' } };
        d.nodes.push({ id: 'ok', type: 'approval', name: 'OK?', config: { message: '"a" &' } });
        d.edges.push({ from: 'lookup', to: 'ok' });
      }));
      expect(problems.map((p) => [p.code, p.nodeId])).toEqual([
        ['INVALID_EXPRESSION', 'check'], ['INVALID_EXPRESSION', 'notify'], ['INVALID_EXPRESSION', 'result'], ['INVALID_EXPRESSION', 'ok'],
      ]);
    });

    it('UNKNOWN_TOOL for actions, map tasks and compensations', () => {
      const problems = problemsOf(realistic(), { ...deps, tools: new Set() });
      expect(problems.map((p) => [p.code, p.path])).toEqual([
        ['UNKNOWN_TOOL', ['nodes', 1, 'config', 'tool']],
        ['UNKNOWN_TOOL', ['nodes', 1, 'policies', 'compensation', 'config', 'tool']],
        ['UNKNOWN_TOOL', ['nodes', 3, 'config', 'task', 'config', 'tool']],
      ]);
    });

    it('MISSING_CREDENTIAL for credentials the workspace lacks', () => {
      const problems = problemsOf(realistic(), { ...deps, credentials: new Set(['crm']) });
      expect(problems).toEqual([
        { code: 'MISSING_CREDENTIAL', message: 'Node "charge": the workspace has no credential named "stripe".', nodeId: 'charge', path: ['nodes', 3, 'config', 'task', 'config', 'credential'] },
      ]);
    });
  });

  it('returns every problem at once, ordered by node then edge', () => {
    const raw = {
      name: 'Broken',
      nodes: [
        { id: 'a', type: 'action', name: 'A', config: { tool: 'nope', input: { x: '(' } } },
        { id: 'a', type: 'join', name: 'Dup' },
        { id: 'c', type: 'condition', name: 'C', config: { mode: 'if', expression: 'true' } },
        { id: 'j', type: 'join', name: 'J' },
        { id: 'o', type: 'output', name: 'O', config: {} },
        { id: 'x', type: 'parallel', name: 'X' },
        { id: 'y', type: 'parallel', name: 'Y' },
      ],
      edges: [
        { from: 'a', to: 'ghost' },
        { from: 'o', to: 'j', branch: 'true' },
        { from: 'x', to: 'y', condition: '?' },
        { from: 'y', to: 'x' },
      ],
    };
    const problems = problemsOf(raw, { ...deps, credentials: new Set() });
    expect(problems.map((p) => [p.code, p.nodeId ?? p.edgeIndex ?? null])).toEqual([
      ['NO_TRIGGER', null],
      ['INVALID_EXPRESSION', 'a'],
      ['UNKNOWN_TOOL', 'a'],
      ['DUPLICATE_NODE_ID', 'a'],
      ['CONDITION_WITHOUT_BRANCHES', 'c'],
      ['JOIN_WITHOUT_INPUTS', 'j'],
      ['INVALID_CONFIG', 'o'],
      ['CYCLE', 'x'],
      ['DANGLING_EDGE', 0],
      ['OUTPUT_HAS_SUCCESSORS', 'o'],
      ['BRANCH_INVALID', 'o'],
      ['INVALID_EXPRESSION', 2],
    ]);
    expect(problems.find((p) => p.code === 'CYCLE')?.nodeIds).toEqual(['x', 'y']);
  });

  it('is deterministic', () => {
    const raw = variant((d) => { d.edges.push({ from: 'merge', to: 'lookup' }, { from: 'ghost', to: 'start' }); d['name'] = 1; });
    expect(problemsOf(raw)).toEqual(problemsOf(structuredClone(raw)));
  });

  it('lists each problem code once', () => {
    expect(new Set(problemCodes).size).toBe(problemCodes.length);
  });
});

describe('WorkflowInvalidError', () => {
  it('is a 400 validation error carrying the problems', () => {
    const problems = problemsOf(variant((d) => { d.edges.push({ from: 'result', to: 'start' }); }));
    const error = new WorkflowInvalidError({ problems });
    expect(error).toBeInstanceOf(ValidationError);
    expect(FoundryError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'WORKFLOW_INVALID', status: 400, category: 'user', problems, details: { problems } });
    expect(error.message).toContain(`${problems.length} problem(s)`);
    expect(error.toJSON()).toEqual({ code: 'WORKFLOW_INVALID', message: error.message, details: { problems } });
  });
});

describe('switch cases', () => {
  it('must be unique and cannot be named "default"', () => {
    const result = validateWorkflow({
      name: 'routing',
      nodes: [
        { id: 'start', type: 'trigger', name: 'Start' },
        { id: 'route', type: 'condition', name: 'Route', config: { mode: 'switch', expression: 'input.kind', cases: ['a', 'a', 'default'] } },
      ],
      edges: [{ from: 'start', to: 'route' }],
    }, deps);
    expect(result.ok).toBe(false);
    const messages = result.ok ? [] : result.problems.filter((p) => p.nodeId === 'route' && p.code === 'INVALID_CONFIG').map((p) => p.message);
    expect(messages.some((m) => m.includes('unique'))).toBe(true);
    expect(messages.some((m) => m.includes('"default"'))).toBe(true);
  });
});
