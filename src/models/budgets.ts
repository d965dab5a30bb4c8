import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../auth/index.ts';
import { tables, type Db } from '../db/index.ts';
import { NotFoundError, requireWorkspaceRole, type Clock, type RequestContext } from '../kernel/index.ts';
import { loadProject } from '../projects/index.ts';
import { budgetSpendQuery, isSpent, type BudgetSpendRow } from './budget-spend.ts';
import { monthStart, periodStart } from './usage-period.ts';
import type { BudgetScope, BudgetView, SetBudgetInput } from './usage-schemas.ts';

export interface BudgetDeps {
  db: Db;
  clock: Clock;
}

type NamedRow = BudgetSpendRow & { name: string | null };

function toView(row: NamedRow, now: Date): BudgetView {
  const spentUsd = Number(row.spent_usd);
  const start = periodStart(row.period, now);
  return {
    scope: row.scope, scopeId: row.scope_id, name: row.name, limitUsd: row.limit_usd, period: row.period, spentUsd,
    periodStart: start ? start.toISOString() : null, exceeded: isSpent(row.limit_usd, spentUsd),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** The budgets of the workspace with their names, joined on primary keys. */
async function selectBudgets(deps: BudgetDeps, ctx: RequestContext, only?: [BudgetScope, string]): Promise<BudgetView[]> {
  const now = deps.clock.now();
  const { rows } = await deps.db.execute<NamedRow>(sql`
    select s.*, case s.scope when 'workspace' then w.name when 'project' then p.name else r.definition->>'name' end as name
    from (${budgetSpendQuery(ctx.workspaceId, monthStart(now), only ? [only] : undefined)}) s
    left join workspaces w on s.scope = 'workspace' and w.id = s.scope_id
    left join projects p on s.scope = 'project' and p.id = s.scope_id and p.workspace_id = ${ctx.workspaceId}::uuid
    left join workflow_runs r on s.scope = 'run' and r.id = s.scope_id and r.workspace_id = ${ctx.workspaceId}::uuid
    order by case s.scope when 'workspace' then 0 when 'project' then 1 else 2 end, name nulls last, s.scope_id`);
  return rows.map((row) => toView(row, now));
}

/** Every budget of the workspace with what was spent in its current period; any member may read them. */
export async function listBudgets(deps: BudgetDeps, ctx: RequestContext): Promise<BudgetView[]> {
  return selectBudgets(deps, ctx);
}

/** Refuses a scope outside the caller's workspace with the 404 its own routes give. */
async function assertScopeInWorkspace(db: Db, ctx: RequestContext, scope: BudgetScope, scopeId: string): Promise<void> {
  if (scope === 'workspace') {
    if (scopeId !== ctx.workspaceId) throw new NotFoundError({ code: 'WORKSPACE_NOT_FOUND', message: 'A workspace budget names the workspace itself.' });
  } else if (scope === 'project') {
    await loadProject(db, ctx, scopeId);
  } else {
    const r = tables.workflowRuns;
    const [run] = await db.select({ id: r.id }).from(r).where(and(eq(r.id, scopeId), eq(r.workspaceId, ctx.workspaceId))).limit(1);
    if (!run) throw new NotFoundError({ code: 'RUN_NOT_FOUND', message: 'No such run in this workspace.' });
  }
}

/**
 * Sets (creates or replaces) the budget of a workspace, project or run; workspace owners and
 * admins only, since a budget is the payer's control. Takes effect at the next provider call.
 */
export async function setBudget(deps: BudgetDeps, ctx: RequestContext, input: SetBudgetInput): Promise<BudgetView> {
  requireWorkspaceRole(ctx, 'admin', 'set budgets');
  await assertScopeInWorkspace(deps.db, ctx, input.scope, input.scopeId);
  const b = tables.modelBudgets;
  await deps.db.transaction(async (tx) => {
    await tx.insert(b)
      .values({ workspaceId: ctx.workspaceId, scope: input.scope, scopeId: input.scopeId, limitUsd: input.limitUsd, period: input.period })
      .onConflictDoUpdate({
        target: [b.scope, b.scopeId], set: { limitUsd: input.limitUsd, period: input.period, updatedAt: new Date() },
        setWhere: eq(b.workspaceId, ctx.workspaceId),
      });
    await recordAudit(tx, {
      workspaceId: ctx.workspaceId, actorId: ctx.userId, action: 'budget.set', targetType: input.scope, targetId: input.scopeId,
      details: { limitUsd: input.limitUsd, period: input.period }, requestId: ctx.requestId,
    });
  });
  const [view] = await selectBudgets(deps, ctx, [input.scope, input.scopeId]);
  if (!view) throw new NotFoundError({ code: 'BUDGET_NOT_FOUND', message: 'The budget was removed while it was being set.' });
  return view;
}

/** Removes a budget (workspace owners and admins); 404 BUDGET_NOT_FOUND when there is none. */
export async function removeBudget(deps: BudgetDeps, ctx: RequestContext, scope: BudgetScope, scopeId: string): Promise<void> {
  requireWorkspaceRole(ctx, 'admin', 'remove budgets');
  const b = tables.modelBudgets;
  await deps.db.transaction(async (tx) => {
    const removed = await tx.delete(b)
      .where(and(eq(b.workspaceId, ctx.workspaceId), eq(b.scope, scope), eq(b.scopeId, scopeId)))
      .returning({ scopeId: b.scopeId });
    if (removed.length === 0) throw new NotFoundError({ code: 'BUDGET_NOT_FOUND', message: `No ${scope} budget for ${scopeId} in this workspace.` });
    await recordAudit(tx, { workspaceId: ctx.workspaceId, actorId: ctx.userId, action: 'budget.removed', targetType: scope, targetId: scopeId, requestId: ctx.requestId });
  });
}
