import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { tables, type Db } from '../db/index.ts';
import type { Clock, RequestContext } from '../kernel/index.ts';
import { loadProject } from '../projects/index.ts';
import { splitBreakdowns, type BreakdownRow } from './usage-breakdowns.ts';
import { resolveUsageRange } from './usage-period.ts';
import type { UsageQuery, UsageRecordView, UsageSummaryView } from './usage-schemas.ts';

export interface UsageSummaryDeps {
  db: Db;
  clock: Clock;
}

interface Scope {
  workspaceId: string;
  projectId: string | null;
}

/** One scan of the range, grouped five ways at once. */
async function breakdowns(db: Db, scope: Scope, from: Date, to: Date) {
  const project = scope.projectId ? sql` and m.project_id = ${scope.projectId}::uuid` : sql``;
  const { rows } = await db.execute<BreakdownRow>(sql`
    select
      case
        when grouping(u.provider) = 0 then 'model'
        when grouping(u.role) = 0 then 'operation'
        when grouping(u.project_id) = 0 then 'project'
        when grouping(u.day) = 0 then 'day'
        else 'total'
      end as breakdown,
      u.provider, u.model, u.role, u.operation, u.project_id, u.project_name, u.day,
      count(*) as calls, sum(u.tokens_in) as tokens_in, sum(u.tokens_out) as tokens_out, round(sum(u.cost_usd)::numeric, 9)::text as cost_usd,
      count(*) filter (where u.cached) as cached_calls, count(*) filter (where u.fell_back) as fallbacks
    from (
      select m.*, p.name as project_name, to_char(m.created_at at time zone 'UTC', 'YYYY-MM-DD') as day
      from model_usage m
      left join projects p on p.id = m.project_id and p.workspace_id = m.workspace_id
      where m.workspace_id = ${scope.workspaceId}::uuid and m.created_at >= ${from.toISOString()}::timestamptz
        and m.created_at < ${to.toISOString()}::timestamptz${project}
    ) u
    group by grouping sets ((), (u.provider, u.model), (u.role, u.operation), (u.project_id, u.project_name), (u.day))`);
  return splitBreakdowns(rows);
}

async function recentRecords(db: Db, scope: Scope, from: Date, to: Date, limit: number): Promise<UsageRecordView[]> {
  if (limit === 0) return [];
  const u = tables.modelUsage;
  const where: SQL[] = [eq(u.workspaceId, scope.workspaceId), gte(u.createdAt, from), lt(u.createdAt, to)];
  if (scope.projectId) where.push(eq(u.projectId, scope.projectId));
  const rows = await db.select().from(u).where(and(...where)).orderBy(desc(u.createdAt), desc(u.id)).limit(limit);
  return rows.map((r) => ({
    id: r.id, createdAt: r.createdAt.toISOString(), projectId: r.projectId, runId: r.runId, messageId: r.messageId,
    role: r.role, operation: r.operation, provider: r.provider, model: r.model, tokensIn: r.tokensIn, tokensOut: r.tokensOut,
    costUsd: r.costUsd, cached: r.cached, fellBack: r.fellBack, durationMs: r.durationMs,
  }));
}

async function summarize(deps: UsageSummaryDeps, scope: Scope, query: UsageQuery): Promise<UsageSummaryView> {
  const { from, to } = resolveUsageRange(query, deps.clock.now());
  const [grouped, recent] = await Promise.all([
    breakdowns(deps.db, scope, from, to),
    recentRecords(deps.db, scope, from, to, query.limit),
  ]);
  return { workspaceId: scope.workspaceId, projectId: scope.projectId, from: from.toISOString(), to: to.toISOString(), ...grouped, recent };
}

/** The workspace's model usage over a range (default: this month, UTC): totals, breakdowns and the latest records. */
export async function workspaceUsage(deps: UsageSummaryDeps, ctx: RequestContext, query: UsageQuery): Promise<UsageSummaryView> {
  return summarize(deps, { workspaceId: ctx.workspaceId, projectId: null }, query);
}

/** One project's model usage over a range; any member who can see the project may read it. */
export async function projectUsage(deps: UsageSummaryDeps, ctx: RequestContext, projectId: string, query: UsageQuery): Promise<UsageSummaryView> {
  await loadProject(deps.db, ctx, projectId);
  return summarize(deps, { workspaceId: ctx.workspaceId, projectId }, query);
}
