import { describe, expect, it } from 'vitest';
import { splitBreakdowns, type BreakdownRow } from './usage-breakdowns.ts';

const row = (breakdown: BreakdownRow['breakdown'], fields: Partial<BreakdownRow>, calls: number, cost: string): BreakdownRow => ({
  breakdown, provider: null, model: null, role: null, operation: null, project_id: null, project_name: null, day: null,
  calls: String(calls), tokens_in: String(calls * 10), tokens_out: String(calls * 2), cost_usd: cost, cached_calls: '0', fallbacks: '0', ...fields,
});

describe('splitBreakdowns', () => {
  it('gives zero totals and empty breakdowns for a range without calls', () => {
    expect(splitBreakdowns([])).toEqual({
      totals: { calls: 0, tokensIn: 0, tokensOut: 0, costUsd: 0, cachedCalls: 0, fallbacks: 0 }, byModel: [], byOperation: [], byProject: [], byDay: [],
    });
  });

  it('sorts each grouping set into its breakdown, numbers parsed from PostgreSQL text', () => {
    const split = splitBreakdowns([
      row('day', { day: '2025-05-03' }, 1, '0.05'),
      row('model', { provider: 'openai', model: 'gpt-4o-mini' }, 2, '0.30'),
      row('total', { cached_calls: '1', fallbacks: '2' }, 4, '0.35'),
      row('project', { project_id: null }, 1, '0'),
      row('model', { provider: 'anthropic', model: 'claude' }, 2, '0.05'),
      row('operation', { role: 'chat', operation: 'compose' }, 3, '0.35'),
      row('day', { day: '2025-05-01' }, 3, '0.30'),
      row('project', { project_id: 'p1', project_name: 'Cases' }, 3, '0.35'),
    ]);
    expect(split.totals).toEqual({ calls: 4, tokensIn: 40, tokensOut: 8, costUsd: 0.35, cachedCalls: 1, fallbacks: 2 });
    expect(split.byModel.map((m) => m.model)).toEqual(['gpt-4o-mini', 'claude']);
    expect(split.byOperation).toEqual([{ role: 'chat', operation: 'compose', calls: 3, tokensIn: 30, tokensOut: 6, costUsd: 0.35, cachedCalls: 0, fallbacks: 0 }]);
    expect(split.byProject.map((p) => [p.projectId, p.projectName])).toEqual([['p1', 'Cases'], [null, null]]);
    expect(split.byDay.map((d) => d.day)).toEqual(['2025-05-01', '2025-05-03']);
  });

  it('orders by cost, then by calls, then by name, so equal rows keep a stable order', () => {
    const split = splitBreakdowns([
      row('model', { provider: 'b', model: 'x' }, 1, '0'),
      row('model', { provider: 'a', model: 'x' }, 1, '0'),
      row('model', { provider: 'c', model: 'x' }, 5, '0'),
      row('model', { provider: 'd', model: 'x' }, 1, '0.001'),
    ]);
    expect(split.byModel.map((m) => m.provider)).toEqual(['d', 'c', 'a', 'b']);
  });
});
