import { sql, type SQL } from 'drizzle-orm';
import type { BudgetPeriod, BudgetScope } from './usage-schemas.ts';

/** A budget with what was spent in its current period, as the spend query returns it. */
export type BudgetSpendRow = {
  scope: BudgetScope;
  scope_id: string;
  limit_usd: number;
  period: BudgetPeriod;
  /** numeric, as text */
  spent_usd: string;
  updated_at: Date | string;
};

/**
 * Selects budgets of one workspace with their spend in the current period. Each budget sums its
 * own usage through its own index, with the workspace and the month start as constants the
 * planner sees: the CASE evaluates only the sub-select of the budget's scope and period
 * (workspace: `(workspace_id, created_at)`, project: `(project_id, created_at)`, run: `(run_id)`).
 * Sums are rounded to nine decimals, far below a cent, so 0.1 + 0.2 reads 0.3.
 *
 * @param monthStart the first of the current month (UTC), where `month` budgets start counting
 * @param only limits the budgets to these scopes (the ledger's check); all when omitted
 */
export function budgetSpendQuery(workspaceId: string, monthStart: Date, only?: [BudgetScope, string][]): SQL {
  const ws = sql`${workspaceId}::uuid`;
  const month = sql` and u.created_at >= ${monthStart.toISOString()}::timestamptz`;
  const spent = (where: SQL) => sql`(select round(coalesce(sum(u.cost_usd), 0)::numeric, 9) from model_usage u where ${where})`;
  const filter = only && only.length > 0
    ? sql` and (b.scope, b.scope_id) in (${sql.join(only.map(([scope, id]) => sql`(${scope}, ${id}::uuid)`), sql`, `)})`
    : sql``;
  return sql`
    select b.scope, b.scope_id, b.limit_usd, b.period, b.updated_at,
      case
        when b.scope = 'workspace' and b.period = 'month' then ${spent(sql`u.workspace_id = ${ws}${month}`)}
        when b.scope = 'workspace' then ${spent(sql`u.workspace_id = ${ws}`)}
        when b.scope = 'project' and b.period = 'month' then ${spent(sql`u.project_id = b.scope_id and u.workspace_id = ${ws}${month}`)}
        when b.scope = 'project' then ${spent(sql`u.project_id = b.scope_id and u.workspace_id = ${ws}`)}
        when b.period = 'month' then ${spent(sql`u.run_id = b.scope_id and u.workspace_id = ${ws}${month}`)}
        else ${spent(sql`u.run_id = b.scope_id and u.workspace_id = ${ws}`)}
      end::text as spent_usd
    from model_budgets b
    where b.workspace_id = ${ws}${filter}`;
}

/** Whether a budget stops further calls: spent at or past its limit (a limit of 0 stops every paid call). */
export function isSpent(limitUsd: number, spentUsd: number): boolean {
  // The sums are rounded to 1e-9; the tolerance absorbs that rounding and the double a limit is stored as.
  return spentUsd >= limitUsd - 1e-9;
}
