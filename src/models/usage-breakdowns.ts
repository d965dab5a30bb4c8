import type { UsageBreakdowns, UsageTotals } from './usage-schemas.ts';

/** Which grouping set a summary row belongs to. */
export type BreakdownKind = 'total' | 'model' | 'operation' | 'project' | 'day';

/** One row of the grouping-sets query, as PostgreSQL returns it (bigint and numeric sums are strings). */
export type BreakdownRow = {
  breakdown: BreakdownKind;
  provider: string | null;
  model: string | null;
  role: string | null;
  operation: string | null;
  project_id: string | null;
  project_name: string | null;
  day: string | null;
  calls: string | number;
  tokens_in: string | number | null;
  tokens_out: string | number | null;
  cost_usd: string | number | null;
  cached_calls: string | number;
  fallbacks: string | number;
};

export const emptyTotals = (): UsageTotals => ({ calls: 0, tokensIn: 0, tokensOut: 0, costUsd: 0, cachedCalls: 0, fallbacks: 0 });

function totalsOf(row: BreakdownRow): UsageTotals {
  return {
    calls: Number(row.calls), tokensIn: Number(row.tokens_in ?? 0), tokensOut: Number(row.tokens_out ?? 0),
    costUsd: Number(row.cost_usd ?? 0), cachedCalls: Number(row.cached_calls), fallbacks: Number(row.fallbacks),
  };
}

/** Most expensive first; among equals, the most calls, then by name so the order is stable. */
const byCost = <T extends UsageTotals>(name: (t: T) => string) => (a: T, b: T) =>
  b.costUsd - a.costUsd || b.calls - a.calls || name(a).localeCompare(name(b));

/**
 * Splits the rows of one `GROUP BY GROUPING SETS` query into the totals and the breakdowns by
 * provider and model, by role and operation, by project and by day. An empty range has no
 * grand-total row at all, hence zero totals.
 */
export function splitBreakdowns(rows: BreakdownRow[]): UsageBreakdowns {
  const result: UsageBreakdowns = { totals: emptyTotals(), byModel: [], byOperation: [], byProject: [], byDay: [] };
  for (const row of rows) {
    const totals = totalsOf(row);
    switch (row.breakdown) {
      case 'total':
        result.totals = totals;
        break;
      case 'model':
        result.byModel.push({ provider: row.provider ?? '', model: row.model ?? '', ...totals });
        break;
      case 'operation':
        result.byOperation.push({ role: row.role ?? '', operation: row.operation ?? '', ...totals });
        break;
      case 'project':
        result.byProject.push({ projectId: row.project_id, projectName: row.project_name, ...totals });
        break;
      case 'day':
        if (row.day) result.byDay.push({ day: row.day, ...totals });
        break;
    }
  }
  result.byModel.sort(byCost((m) => `${m.provider}/${m.model}`));
  result.byOperation.sort(byCost((o) => `${o.role}/${o.operation}`));
  result.byProject.sort(byCost((p) => p.projectName ?? p.projectId ?? ''));
  result.byDay.sort((a, b) => a.day.localeCompare(b.day));
  return result;
}
