import { tables, type Db } from '../db/index.ts';
import { FoundryError, systemClock, type Clock } from '../kernel/index.ts';
import { budgetSpendQuery, isSpent, type BudgetSpendRow } from './budget-spend.ts';
import type { UsageLedger, UsageRecordInput, UsageScope } from './language-engine.ts';
import { BudgetExceededError } from './model-errors.ts';
import { formatUsd } from './format-usd.ts';
import { monthStart } from './usage-period.ts';
import type { BudgetScope } from './usage-schemas.ts';

export interface UsageLedgerDeps {
  db: Db;
  /** Stamps records and decides which month `month` budgets count. @default systemClock */
  clock?: Clock;
}

/** The narrowest budget is named first: a spent run budget says more than the workspace's. */
const narrowness: Record<BudgetScope, number> = { run: 0, project: 1, workspace: 2 };

const count = (value: number) => (Number.isFinite(value) && value > 0 ? Math.round(value) : 0);

/**
 * The cost ledger over `model_usage` and `model_budgets`. The gateway calls `assertWithinBudget`
 * before each provider call and `record` after it.
 *
 * The check and the record are separate statements, so a call that starts under the limit is
 * allowed to finish: each in-flight call can take a budget past its limit by its own cost (and
 * concurrent calls by theirs). The next call in the scope is then refused.
 *
 * @example
 * const ledger = createUsageLedger({ db });
 * await ledger.assertWithinBudget({ workspaceId, projectId });   // throws BudgetExceededError (402)
 * await ledger.record({ workspaceId, projectId, role: 'chat', operation: 'compose', provider: 'openai', ... });
 */
export function createUsageLedger(deps: UsageLedgerDeps): UsageLedger {
  const clock = deps.clock ?? systemClock;
  return {
    async assertWithinBudget(scope: UsageScope): Promise<void> {
      const scopes: [BudgetScope, string][] = [['workspace', scope.workspaceId]];
      if (scope.projectId) scopes.push(['project', scope.projectId]);
      if (scope.runId) scopes.push(['run', scope.runId]);
      const now = clock.now();
      const { rows } = await deps.db.execute<BudgetSpendRow>(budgetSpendQuery(scope.workspaceId, monthStart(now), scopes));
      const spent = rows
        .map((row) => ({ ...row, spent: Number(row.spent_usd) }))
        .filter((row) => isSpent(row.limit_usd, row.spent))
        .sort((a, b) => narrowness[a.scope] - narrowness[b.scope]);
      const [first] = spent;
      if (!first) return;
      const when = first.period === 'month' ? ` this month (since ${monthStart(now).toISOString().slice(0, 10)})` : '';
      throw new BudgetExceededError({
        message: `The ${first.scope} budget of ${formatUsd(first.limit_usd)}${first.period === 'month' ? ' a month' : ''} is spent: `
          + `${formatUsd(first.spent)} used${when}. Raise or remove the budget to continue.`,
        details: {
          scope: first.scope, scopeId: first.scope_id, limitUsd: first.limit_usd, spentUsd: first.spent, period: first.period,
          periodStart: first.period === 'month' ? monthStart(now).toISOString() : null,
          exceeded: spent.map((b) => ({ scope: b.scope, scopeId: b.scope_id, limitUsd: b.limit_usd, spentUsd: b.spent, period: b.period })),
        },
      });
    },

    async record(input: UsageRecordInput): Promise<void> {
      if (!Number.isFinite(input.costUsd) || input.costUsd < 0) {
        throw new FoundryError({ code: 'USAGE_RECORD_INVALID', status: 500, category: 'system', message: `A usage record needs a cost of 0 or more, not ${input.costUsd}.` });
      }
      await deps.db.insert(tables.modelUsage).values({
        workspaceId: input.workspaceId, projectId: input.projectId ?? null, runId: input.runId ?? null, messageId: input.messageId ?? null,
        role: input.role, operation: input.operation, provider: input.provider, model: input.model,
        tokensIn: count(input.tokensIn), tokensOut: count(input.tokensOut), costUsd: input.costUsd,
        cached: input.cached, fellBack: input.fellBack, durationMs: count(input.durationMs), createdAt: clock.now(),
      });
    },
  };
}
