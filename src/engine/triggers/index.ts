/** Triggers: what starts runs of a saved workflow without a person (schedule, webhook, watched folder, email). */
export * from './trigger-errors.ts';
export * from './trigger-schemas.ts';
export * from './triggers.ts';
export { decideFiring, nextFireAfter, cronProblem, missedAfterMs, type ScheduleConfig, type FiringDecision } from './schedule.ts';
export { signWebhook, verifyWebhook, webhookToleranceSeconds, signatureHeader, timestampHeader } from './webhook-signature.ts';
export { reencryptWebhookSecrets } from './webhook-secret.ts';
export { receiveWebhook, type WebhookDelivery, type WebhookDeps } from './webhook.ts';
export { triggerAddressOf } from './email-recipients.ts';
export { watchRoot } from './watch-path.ts';
export type { StartTriggerRun, SystemRunRequest } from './fire-trigger.ts';
export { createTriggerScheduler, startTriggerScheduler, type TriggerScheduler } from './trigger-scheduler.ts';
export { startFileTriggers, type FileTriggers } from './file-triggers.ts';
export { startSmtpListener, type SmtpListener, type EmailRunInput } from './smtp-listener.ts';
export { startTriggerRuntime, type TriggerRuntime, type TriggerRuntimeDeps, type TriggerRuntimeOptions } from './trigger-runtime.ts';
