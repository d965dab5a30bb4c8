/**
 * Models: language, embedding and image providers, the built-in offline engines, structured
 * output, retries, timeouts, circuit breakers, caching, token and cost accounting.
 */
export * from './entities.ts';
export * from './language-engine.ts';
export * from './model-errors.ts';
export * from './builtin/index.ts';
export { createUsageLedger, type UsageLedgerDeps } from './usage-ledger.ts';
export { listBudgets, setBudget, removeBudget, type BudgetDeps } from './budgets.ts';
export { workspaceUsage, projectUsage, type UsageSummaryDeps } from './usage-summary.ts';
export * from './usage-schemas.ts';
export { formatUsd } from './format-usd.ts';
export { createModelGateway, type ModelGatewayDeps, type FoundryModelGateway } from './model-gateway.ts';
export { modelNodeCaller } from './model-node-caller.ts';
export { listRoleSettings, putRoleSetting, deleteRoleSetting, providerServes, type ModelSettingsDeps } from './model-settings.ts';
export * from './model-settings-schemas.ts';
export type { ModelConfig } from './provider-config.ts';
