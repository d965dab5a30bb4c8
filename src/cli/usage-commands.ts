import type { Command } from 'commander';
import type { ApiCall } from './api-client.ts';
import { clientOf, withApiOptions } from './api-options.ts';
import { print, table, type ActionWrapper } from './cli-output.ts';
import { formatUsd, type BudgetView, type UsageSummaryView, type UsageTotals } from '../models/index.ts';
import { ValidationError } from '../kernel/index.ts';

const count = (n: number) => n.toLocaleString('en-US');

/** The shared columns of every breakdown table. */
const totalsColumns = (t: UsageTotals) => ({
  calls: count(t.calls), 'tokens in': count(t.tokensIn), 'tokens out': count(t.tokensOut), cost: formatUsd(t.costUsd),
  cached: count(t.cachedCalls), fallbacks: count(t.fallbacks),
});
const totalsHeaders = ['calls', 'tokens in', 'tokens out', 'cost', 'cached', 'fallbacks'];

/** `[from, to)` as the inclusive days a person reads: 2025-05-01 to 2025-05-31. */
function rangeLabel(from: string, to: string): string {
  const last = new Date(new Date(to).getTime() - 1).toISOString().slice(0, 10);
  const first = from.slice(0, 10);
  return first === last ? first : `${first} to ${last}`;
}

function bar(value: number, max: number, width = 24): string {
  return max > 0 ? '█'.repeat(Math.round((value / max) * width)) : '';
}

/** The human form of a usage summary: totals, then a table per breakdown and the latest calls. */
export function usageReport(summary: UsageSummaryView, subject: string): string {
  const t = summary.totals;
  const lines = [
    `Model usage of ${subject}, ${rangeLabel(summary.from, summary.to)} (UTC)`,
    `${count(t.calls)} calls · ${count(t.tokensIn)} tokens in · ${count(t.tokensOut)} tokens out · ${formatUsd(t.costUsd)} · ${count(t.cachedCalls)} cached · ${count(t.fallbacks)} fell back to the built-in engine`,
  ];
  if (t.calls === 0) return lines.join('\n');
  const section = (title: string, body: string) => lines.push('', title, body);
  section('By model', table(summary.byModel.map((m) => ({ provider: m.provider, model: m.model, ...totalsColumns(m) })), ['provider', 'model', ...totalsHeaders]));
  section('By operation', table(summary.byOperation.map((o) => ({ role: o.role, operation: o.operation, ...totalsColumns(o) })), ['role', 'operation', ...totalsHeaders]));
  if (!summary.projectId) {
    section('By project', table(summary.byProject.map((p) => ({
      project: p.projectId ? (p.projectName ?? `${p.projectId} (deleted)`) : '(workspace)', ...totalsColumns(p),
    })), ['project', ...totalsHeaders]));
  }
  const maxCost = Math.max(...summary.byDay.map((d) => d.costUsd));
  section('By day', table(summary.byDay.map((d) => ({ day: d.day, calls: count(d.calls), cost: formatUsd(d.costUsd), '': bar(d.costUsd, maxCost) })), ['day', 'calls', 'cost', '']));
  if (summary.recent.length > 0) {
    section(`Latest ${summary.recent.length}`, table(summary.recent.map((r) => ({
      when: r.createdAt.slice(0, 19).replace('T', ' '), operation: r.operation, engine: `${r.provider}/${r.model}`,
      tokens: `${count(r.tokensIn)}/${count(r.tokensOut)}`, cost: formatUsd(r.costUsd),
      note: [r.cached && 'cached', r.fellBack && 'fell back'].filter(Boolean).join(', '),
    })), ['when', 'operation', 'engine', 'tokens', 'cost', 'note']));
  }
  return lines.join('\n');
}

/** The human form of a budget list. */
export function budgetTable(budgets: BudgetView[]): string {
  return table(budgets.map((b) => ({
    scope: b.scope, name: b.name ?? '(gone)', id: b.scopeId, period: b.period === 'month' ? 'monthly' : 'total',
    limit: formatUsd(b.limitUsd), spent: formatUsd(b.spentUsd),
    used: b.limitUsd > 0 ? `${Math.round((b.spentUsd / b.limitUsd) * 100)}%` : '-',
    status: b.exceeded ? 'SPENT: calls refused' : 'ok',
  })), ['scope', 'name', 'id', 'period', 'limit', 'spent', 'used', 'status']);
}

/** The workspace a command acts on: --workspace (sent as the workspace header), or the token's personal one. */
function workspaceOf(client: ApiCall): Promise<{ id: string; name: string }> {
  return client<{ id: string; name: string }>('GET', '/api/workspace');
}

type ScopeOptions = { project?: string; run?: string };

/** `--project ID`, `--run ID` or neither (the workspace). */
function scopeOf(options: ScopeOptions, workspaceId: string): { scope: 'workspace' | 'project' | 'run'; scopeId: string } {
  if (options.project && options.run) throw new ValidationError({ message: 'Pass --project or --run, not both.' });
  if (options.project) return { scope: 'project', scopeId: options.project };
  if (options.run) return { scope: 'run', scopeId: options.run };
  return { scope: 'workspace', scopeId: workspaceId };
}

const path = (id: string) => `/api/workspaces/${encodeURIComponent(id)}`;

/** `foundry usage` and `foundry budget list|set|remove`, through the HTTP API. */
export function addUsageCommands(program: Command, run: ActionWrapper): void {
  withApiOptions(program.command('usage'))
    .description('model calls, tokens and cost of the workspace or one project over a range (default: this month, UTC)')
    .option('--project <id>', 'one project instead of the whole workspace')
    .option('--from <date>', 'first day (YYYY-MM-DD) or instant (ISO 8601)')
    .option('--to <date>', 'last day, included (YYYY-MM-DD), or an instant, excluded')
    .option('--limit <n>', 'how many of the latest calls to list', '10')
    .action(run(async (options: { project?: string; from?: string; to?: string; limit: string }, command: Command) => {
      const client = clientOf(command);
      const query = new URLSearchParams({ limit: options.limit, ...(options.from ? { from: options.from } : {}), ...(options.to ? { to: options.to } : {}) });
      let summary: UsageSummaryView;
      let subject: string;
      if (options.project) {
        summary = await client<UsageSummaryView>('GET', `/api/projects/${encodeURIComponent(options.project)}/usage?${query}`);
        subject = `project ${options.project}`;
      } else {
        const workspace = await workspaceOf(client);
        summary = await client<UsageSummaryView>('GET', `${path(workspace.id)}/usage?${query}`);
        subject = `workspace "${workspace.name}"`;
      }
      print(summary, command.optsWithGlobals(), () => usageReport(summary, subject));
    }));

  const budget = withApiOptions(program.command('budget').description('spending limits on model calls, through the HTTP API'));
  budget.command('list')
    .description("the workspace's budgets with what each has spent in its period")
    .action(run(async (_options: unknown, command: Command) => {
      const client = clientOf(command);
      const workspace = await workspaceOf(client);
      const { items } = await client<{ items: BudgetView[] }>('GET', `${path(workspace.id)}/budgets`);
      print(items, command.optsWithGlobals(), () => budgetTable(items));
    }));

  budget.command('set')
    .description('set the budget of the workspace (default), a project or a run; owners and admins')
    .requiredOption('--limit <usd>', 'the limit in US dollars; 0 refuses every paid call')
    .option('--project <id>', "a project's budget")
    .option('--run <id>', "a run's budget")
    .option('--period <period>', 'total | month (resets on the 1st, UTC)', 'total')
    .action(run(async (options: ScopeOptions & { limit: string; period: string }, command: Command) => {
      const limitUsd = Number(options.limit);
      if (options.limit.trim() === '' || !Number.isFinite(limitUsd)) throw new ValidationError({ message: `--limit must be an amount in US dollars, not "${options.limit}".` });
      const client = clientOf(command);
      const workspace = await workspaceOf(client);
      const saved = await client<BudgetView>('PUT', `${path(workspace.id)}/budgets`, { ...scopeOf(options, workspace.id), limitUsd, period: options.period });
      print(saved, command.optsWithGlobals(), () =>
        `Budget of ${saved.scope} ${saved.name ?? saved.scopeId}: ${formatUsd(saved.limitUsd)}${saved.period === 'month' ? ' a month' : ' in total'}; `
        + `${formatUsd(saved.spentUsd)} spent so far${saved.exceeded ? ' (already spent: calls are refused)' : ''}.`);
    }));

  budget.command('remove')
    .description('remove the budget of the workspace (default), a project or a run; owners and admins')
    .option('--project <id>', "a project's budget")
    .option('--run <id>', "a run's budget")
    .action(run(async (options: ScopeOptions, command: Command) => {
      const client = clientOf(command);
      const workspace = await workspaceOf(client);
      const { scope, scopeId } = scopeOf(options, workspace.id);
      await client<void>('DELETE', `${path(workspace.id)}/budgets/${scope}/${encodeURIComponent(scopeId)}`);
      print({ removed: { scope, scopeId } }, command.optsWithGlobals(), () => `Removed the ${scope} budget of ${scopeId}.`);
    }));
}
