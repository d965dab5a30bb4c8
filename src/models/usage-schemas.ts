import { z } from 'zod';

export const budgetScopes = ['workspace', 'project', 'run'] as const;
export type BudgetScope = (typeof budgetScopes)[number];
export const budgetScopeSchema = z.enum(budgetScopes);

/** `total`: everything ever spent in the scope; `month`: since the first of the current month (UTC). */
export const budgetPeriods = ['total', 'month'] as const;
export type BudgetPeriod = (typeof budgetPeriods)[number];

/** The largest limit accepted: well past any real budget, small enough to stay exact in a double. */
export const maxBudgetUsd = 1_000_000_000;

export const setBudgetInput = z.object({
  scope: budgetScopeSchema,
  /** The workspace's own id, a project id or a run id. */
  scopeId: z.uuid({ message: 'must be an id (UUID)' }),
  limitUsd: z.number().min(0).max(maxBudgetUsd),
  period: z.enum(budgetPeriods).default('total'),
});
export type SetBudgetInput = z.infer<typeof setBudgetInput>;

export const budgetParams = z.object({
  id: z.uuid({ message: 'must be an id (UUID)' }),
  scope: budgetScopeSchema,
  scopeId: z.uuid({ message: 'must be an id (UUID)' }),
});

export const budgetView = z.object({
  scope: budgetScopeSchema,
  scopeId: z.uuid(),
  /** The workspace's or project's name, or the run's workflow name; null once the project or run is gone. */
  name: z.string().nullable(),
  limitUsd: z.number(),
  period: z.enum(budgetPeriods),
  /** Spent in the current period. */
  spentUsd: z.number(),
  /** Where the current period began (the first of the month, UTC); null for `total`. */
  periodStart: z.string().nullable(),
  /** Spent at or past the limit: provider calls in the scope are refused. */
  exceeded: z.boolean(),
  updatedAt: z.string(),
});
export type BudgetView = z.infer<typeof budgetView>;

const dateOrInstant = z.union([z.iso.date(), z.iso.datetime({ offset: true })], { message: 'must be a date (2025-06-01) or an ISO 8601 instant' });

export const usageQuery = z.object({
  /** Inclusive; default the first of the current month (UTC). */
  from: dateOrInstant.optional(),
  /** Exclusive for an instant; a date means through the end of that day (UTC). Default: the end of the current month. */
  to: dateOrInstant.optional(),
  /** How many of the latest records to include. */
  limit: z.coerce.number().int().min(0).max(200).default(20),
});
export type UsageQuery = z.infer<typeof usageQuery>;

export const usageTotals = z.object({
  calls: z.number().int(),
  tokensIn: z.number().int(),
  tokensOut: z.number().int(),
  costUsd: z.number(),
  /** Answered from the cache. */
  cachedCalls: z.number().int(),
  /** A provider failed and the built-in engine answered. */
  fallbacks: z.number().int(),
});
export type UsageTotals = z.infer<typeof usageTotals>;

export const usageRecordView = z.object({
  id: z.number().int(),
  createdAt: z.string(),
  projectId: z.uuid().nullable(),
  runId: z.uuid().nullable(),
  messageId: z.uuid().nullable(),
  role: z.string(),
  operation: z.string(),
  provider: z.string(),
  model: z.string(),
  tokensIn: z.number().int(),
  tokensOut: z.number().int(),
  costUsd: z.number(),
  cached: z.boolean(),
  fellBack: z.boolean(),
  durationMs: z.number().int(),
});
export type UsageRecordView = z.infer<typeof usageRecordView>;

export const modelBreakdown = usageTotals.extend({ provider: z.string(), model: z.string() });
export const operationBreakdown = usageTotals.extend({ role: z.string(), operation: z.string() });
/** `projectId` null: calls made for the workspace itself, outside any project. */
export const projectBreakdown = usageTotals.extend({ projectId: z.uuid().nullable(), projectName: z.string().nullable() });
/** `day`: YYYY-MM-DD (UTC); only days with calls are listed. */
export const dayBreakdown = usageTotals.extend({ day: z.iso.date() });

export const usageBreakdowns = z.object({
  totals: usageTotals,
  byModel: z.array(modelBreakdown),
  byOperation: z.array(operationBreakdown),
  byProject: z.array(projectBreakdown),
  byDay: z.array(dayBreakdown),
});
export type UsageBreakdowns = z.infer<typeof usageBreakdowns>;

export const usageSummaryView = usageBreakdowns.extend({
  workspaceId: z.uuid(),
  /** Set for a project's summary (whose `byProject` is then that project alone). */
  projectId: z.uuid().nullable(),
  /** The range, [from, to). */
  from: z.string(),
  to: z.string(),
  /** The latest records of the range, newest first. */
  recent: z.array(usageRecordView),
});
export type UsageSummaryView = z.infer<typeof usageSummaryView>;
