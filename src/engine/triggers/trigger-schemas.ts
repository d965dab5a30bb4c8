import { z } from 'zod';
import { emailLocalPartPattern } from './email-recipients.ts';
import { schemaProblem } from './payload-schema.ts';
import { cronProblem, isTimeZone, missedPolicies } from './schedule.ts';
import { normaliseWatchPath } from './watch-path.ts';

/** Bodies and views of the triggers API. Configs are strict: a misspelt option is an error, not ignored. */

export const automaticTriggerKinds = ['schedule', 'webhook', 'file', 'email'] as const;
export type AutomaticTriggerKind = (typeof automaticTriggerKinds)[number];
export const triggerStatuses = ['active', 'paused'] as const;
export type TriggerStatus = (typeof triggerStatuses)[number];

export const scheduleConfig = z.strictObject({
  /** 5 fields (minute precision), or 6 with seconds first; read in `timezone`. */
  cron: z.string().trim().min(1).max(200),
  timezone: z.string().trim().min(1).max(100).default('UTC'),
  /** After downtime: `run_once` fires one missed firing, `skip` none; both continue from now. */
  missed: z.enum(missedPolicies).default('run_once'),
}).superRefine((config, ctx) => {
  if (!isTimeZone(config.timezone)) {
    ctx.addIssue({ code: 'custom', path: ['timezone'], message: `"${config.timezone}" is not an IANA time zone (e.g. "Europe/Berlin", "UTC")` });
    return;
  }
  const problem = cronProblem(config.cron, config.timezone, new Date());
  if (problem) ctx.addIssue({ code: 'custom', path: ['cron'], message: problem });
});
export type ScheduleTriggerConfig = z.output<typeof scheduleConfig>;

export const webhookConfig = z.strictObject({
  /** JSON Schema the payload must match (draft-07). */
  inputSchema: z.record(z.string(), z.unknown()).optional(),
}).superRefine((config, ctx) => {
  const problem = config.inputSchema === undefined ? undefined : schemaProblem(config.inputSchema);
  if (problem) ctx.addIssue({ code: 'custom', path: ['inputSchema'], message: `not a usable JSON Schema: ${problem}` });
});
export type WebhookTriggerConfig = z.output<typeof webhookConfig>;

export const fileConfig = z.strictObject({
  /** A folder relative to `<dataDir>/watch/`, created when missing. */
  path: z.string().max(500),
  /** A glob on the file name, e.g. `*.csv`; every file when absent. */
  pattern: z.string().trim().min(1).max(200).optional(),
}).superRefine((config, ctx) => {
  const normalised = normaliseWatchPath(config.path);
  if ('problem' in normalised) ctx.addIssue({ code: 'custom', path: ['path'], message: normalised.problem });
});
export type FileTriggerConfig = z.output<typeof fileConfig>;

export const emailConfig = z.strictObject({
  /** The local part mail is sent to: `orders` receives `orders@<any domain>` (and `orders+tag@…`). */
  address: z.string().trim().toLowerCase().max(64).regex(emailLocalPartPattern, 'must be a local part such as "orders" (letters, digits, ".", "_", "-")'),
});
export type EmailTriggerConfig = z.output<typeof emailConfig>;

/** Each kind's config schema. */
export const triggerConfigSchemas = { schedule: scheduleConfig, webhook: webhookConfig, file: fileConfig, email: emailConfig } as const;

const name = z.string().trim().min(1).max(200);
const status = z.enum(triggerStatuses);

/** `POST /api/workflows/:id/triggers`. */
export const createTriggerBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('schedule'), name, status: status.optional(), config: scheduleConfig }),
  z.object({ kind: z.literal('webhook'), name, status: status.optional(), config: webhookConfig.default({}) }),
  z.object({ kind: z.literal('file'), name, status: status.optional(), config: fileConfig }),
  z.object({ kind: z.literal('email'), name, status: status.optional(), config: emailConfig }),
]);
export type CreateTriggerBody = z.output<typeof createTriggerBody>;

/** `PATCH /api/triggers/:id`: rename, pause or resume, or replace the config (checked against the trigger's kind). */
export const updateTriggerBody = z.object({
  name: name.optional(),
  status: status.optional(),
  config: z.record(z.string(), z.unknown()).optional(),
}).refine((v) => Object.keys(v).length > 0, { message: 'Send a name, a status or a config to change.' });
export type UpdateTriggerBody = z.output<typeof updateTriggerBody>;

export const triggerView = z.object({
  id: z.uuid(),
  workflowId: z.uuid(),
  kind: z.enum(automaticTriggerKinds),
  name: z.string(),
  status: z.enum(triggerStatuses),
  config: z.record(z.string(), z.unknown()),
  lastFiredAt: z.string().nullable(),
  /** Schedule triggers only: the next firing (null while paused). */
  nextFireAt: z.string().nullable(),
  lastRunId: z.uuid().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Webhook triggers only: where to POST, and the signing secret (in the create and rotate answers only). */
  webhook: z.object({ path: z.string(), secret: z.string().optional() }).optional(),
});
export type TriggerView = z.infer<typeof triggerView>;
