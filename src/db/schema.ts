import { sql } from 'drizzle-orm';
import {
  bigint, bigserial, boolean, check, customType, doublePrecision, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp,
  uniqueIndex, uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const workspaces = pgTable('workspaces', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  personal: boolean('personal').notNull().default(false),
  createdAt: createdAt(),
});

export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  email: text('email').notNull(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('users_email_key').on(t.email)]);

export const memberships = pgTable('memberships', {
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  role: text('role').notNull(),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.userId] }),
  index('memberships_user_idx').on(t.userId),
  check('memberships_role_check', sql`${t.role} in ('owner', 'admin', 'editor', 'viewer')`),
]);

export const sessions = pgTable('sessions', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull(),
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
}, (t) => [uniqueIndex('sessions_token_hash_key').on(t.tokenHash)]);

export const apiTokens = pgTable('api_tokens', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  prefix: text('prefix').notNull(),
  tokenHash: text('token_hash').notNull(),
  createdAt: createdAt(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  expiresAt: timestamp('expires_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
}, (t) => [uniqueIndex('api_tokens_token_hash_key').on(t.tokenHash), index('api_tokens_user_idx').on(t.userId)]);

export const projects = pgTable('projects', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  studio: text('studio').notNull(),
  status: text('status').notNull().default('active'),
  stage: text('stage'),
  category: text('category'),
  parentId: uuid('parent_id').references((): AnyPgColumn => projects.id, { onDelete: 'set null' }),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  index('projects_workspace_created_idx').on(t.workspaceId, t.createdAt, t.id),
  check('projects_studio_check', sql`${t.studio} in ('product', 'software', 'builder', 'brand')`),
  check('projects_status_check', sql`${t.status} in ('active', 'on_hold', 'completed', 'archived')`),
]);

export const projectMembers = pgTable('project_members', {
  projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  role: text('role').notNull(),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.projectId, t.userId] }),
  check('project_members_role_check', sql`${t.role} in ('owner', 'editor', 'viewer')`),
]);

export const messages = pgTable('messages', {
  id: uuid('id').primaryKey(),
  seq: bigserial('seq', { mode: 'number' }).notNull(),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
  role: text('role').notNull(),
  content: text('content').notNull(),
  authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
  agent: text('agent'),
  metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
  attachments: jsonb('attachments').$type<{ artifactId: string; versionId: string }[]>().notNull().default([]),
  createdAt: createdAt(),
}, (t) => [
  uniqueIndex('messages_seq_key').on(t.seq),
  index('messages_project_seq_idx').on(t.projectId, t.seq),
  check('messages_role_check', sql`${t.role} in ('user', 'assistant', 'system')`),
]);

export const artifacts = pgTable('artifacts', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [index('artifacts_project_idx').on(t.projectId)]);

export const artifactVersions = pgTable('artifact_versions', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  artifactId: uuid('artifact_id').notNull().references(() => artifacts.id, { onDelete: 'cascade' }),
  version: integer('version').notNull(),
  sha256: text('sha256').notNull(),
  size: bigint('size', { mode: 'number' }).notNull(),
  contentType: text('content_type').notNull(),
  parentVersionId: uuid('parent_version_id').references((): AnyPgColumn => artifactVersions.id, { onDelete: 'set null' }),
  producer: text('producer').notNull(),
  prompt: text('prompt'),
  parameters: jsonb('parameters').$type<Record<string, unknown>>().notNull().default({}),
  metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('artifact_versions_artifact_version_key').on(t.artifactId, t.version)]);

export const credentials = pgTable('credentials', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  keyId: text('key_id').notNull(),
  ciphertext: text('ciphertext').notNull(),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [uniqueIndex('credentials_workspace_name_key').on(t.workspaceId, t.name)]);

export const auditEvents = pgTable('audit_events', {
  seq: bigserial('seq', { mode: 'number' }).primaryKey(),
  workspaceId: uuid('workspace_id'),
  actorId: uuid('actor_id'),
  action: text('action').notNull(),
  targetType: text('target_type'),
  targetId: text('target_id'),
  details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  requestId: text('request_id'),
  ip: text('ip'),
  createdAt: createdAt(),
}, (t) => [index('audit_events_workspace_idx').on(t.workspaceId, t.seq)]);

export const workflows = pgTable('workflows', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  latestVersion: integer('latest_version').notNull(),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [index('workflows_workspace_idx').on(t.workspaceId, t.updatedAt)]);

/** Every saved definition is kept: a run pins the version it started on. */
export const workflowVersions = pgTable('workflow_versions', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  workflowId: uuid('workflow_id').notNull().references(() => workflows.id, { onDelete: 'cascade' }),
  version: integer('version').notNull(),
  definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('workflow_versions_workflow_version_key').on(t.workflowId, t.version)]);

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * One execution of a workflow. It carries the definition it started with (a snapshot of the pinned
 * version, or an ad-hoc definition), so deleting or editing the workflow never changes a run.
 * `lease_owner`/`lease_expires_at` say which worker drives it; an expired lease is taken over.
 */
export const workflowRuns = pgTable('workflow_runs', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  workflowId: uuid('workflow_id').references(() => workflows.id, { onDelete: 'set null' }),
  workflowVersion: integer('workflow_version'),
  definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
  status: text('status').notNull(),
  input: jsonb('input').$type<unknown>().notNull(),
  output: jsonb('output').$type<unknown>(),
  error: jsonb('error').$type<Record<string, unknown>>(),
  triggerKind: text('trigger_kind').notNull().default('manual'),
  triggerId: uuid('trigger_id'),
  parentRunId: uuid('parent_run_id'),
  parentStepId: uuid('parent_step_id'),
  idempotencyKey: text('idempotency_key'),
  leaseOwner: text('lease_owner'),
  leaseExpiresAt: at('lease_expires_at'),
  /** When a waiting run is due again (a wait node, a retry backoff). */
  wakeAt: at('wake_at'),
  stepsDone: integer('steps_done').notNull().default(0),
  stepsTotal: integer('steps_total').notNull().default(0),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  startedAt: at('started_at'),
  finishedAt: at('finished_at'),
  updatedAt: updatedAt(),
}, (t) => [
  index('workflow_runs_workspace_idx').on(t.workspaceId, t.createdAt),
  index('workflow_runs_workflow_idx').on(t.workflowId, t.createdAt),
  index('workflow_runs_live_idx').on(t.status, t.leaseExpiresAt).where(sql`status in ('queued', 'running', 'compensating')`),
  index('workflow_runs_wake_idx').on(t.wakeAt).where(sql`status = 'waiting'`),
  uniqueIndex('workflow_runs_idempotency_key').on(t.workspaceId, t.idempotencyKey).where(sql`idempotency_key is not null`),
  uniqueIndex('workflow_runs_parent_step_key').on(t.parentStepId).where(sql`parent_step_id is not null`),
]);

/** One node of a run; each item of a map node is its own step (`item_index` ≥ 0). */
export const workflowSteps = pgTable('workflow_steps', {
  id: uuid('id').primaryKey(),
  runId: uuid('run_id').notNull().references(() => workflowRuns.id, { onDelete: 'cascade' }),
  workspaceId: uuid('workspace_id').notNull(),
  nodeId: text('node_id').notNull(),
  itemIndex: integer('item_index').notNull().default(-1),
  status: text('status').notNull(),
  attempts: integer('attempts').notNull().default(0),
  compensationAttempts: integer('compensation_attempts').notNull().default(0),
  input: jsonb('input').$type<unknown>(),
  output: jsonb('output').$type<unknown>(),
  error: jsonb('error').$type<Record<string, unknown>>(),
  /** The branch a condition chose. */
  branch: text('branch'),
  /** Outcome of the conditions of this node's outgoing edges, by edge index. */
  takenEdges: jsonb('taken_edges').$type<Record<string, boolean>>(),
  /** When the next attempt is due (retry backoff) or the wait ends. */
  dueAt: at('due_at'),
  /** Order of completion, for compensating in reverse. */
  completedSeq: bigint('completed_seq', { mode: 'number' }),
  decidedBy: uuid('decided_by'),
  startedAt: at('started_at'),
  finishedAt: at('finished_at'),
  updatedAt: updatedAt(),
}, (t) => [uniqueIndex('workflow_steps_run_node_item_key').on(t.runId, t.nodeId, t.itemIndex)]);

/** Every attempt of a step, to execute it or to compensate it. */
export const workflowAttempts = pgTable('workflow_attempts', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  runId: uuid('run_id').notNull().references(() => workflowRuns.id, { onDelete: 'cascade' }),
  stepId: uuid('step_id').notNull().references(() => workflowSteps.id, { onDelete: 'cascade' }),
  workspaceId: uuid('workspace_id').notNull(),
  purpose: text('purpose').notNull(),
  number: integer('number').notNull(),
  status: text('status').notNull(),
  idempotencyKey: text('idempotency_key').notNull(),
  input: jsonb('input').$type<unknown>(),
  output: jsonb('output').$type<unknown>(),
  error: jsonb('error').$type<Record<string, unknown>>(),
  costUsd: doublePrecision('cost_usd'),
  workerId: text('worker_id'),
  startedAt: at('started_at').notNull(),
  finishedAt: at('finished_at'),
}, (t) => [index('workflow_attempts_step_idx').on(t.stepId, t.id)]);

/** The run timeline: every run and step event, in order. */
export const workflowRunEvents = pgTable('workflow_run_events', {
  seq: bigserial('seq', { mode: 'number' }).primaryKey(),
  runId: uuid('run_id').notNull().references(() => workflowRuns.id, { onDelete: 'cascade' }),
  workspaceId: uuid('workspace_id').notNull(),
  type: text('type').notNull(),
  nodeId: text('node_id'),
  itemIndex: integer('item_index'),
  data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  createdAt: createdAt(),
}, (t) => [index('workflow_run_events_run_idx').on(t.runId, t.seq)]);

/** Nodes sharing a concurrency key run one at a time in a workspace: the holder owns this row. */
export const workflowLocks = pgTable('workflow_locks', {
  workspaceId: uuid('workspace_id').notNull(),
  key: text('key').notNull(),
  holder: uuid('holder').notNull(),
  expiresAt: at('expires_at').notNull(),
}, (t) => [primaryKey({ columns: [t.workspaceId, t.key] })]);

/** What starts runs besides a person: a schedule, a webhook, a watched folder, an email address. */
export const workflowTriggers = pgTable('workflow_triggers', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  workflowId: uuid('workflow_id').notNull().references(() => workflows.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  config: jsonb('config').$type<Record<string, unknown>>().notNull().default({}),
  /** The webhook's HMAC secret, encrypted by the vault. */
  secretKeyId: text('secret_key_id'),
  secretCiphertext: text('secret_ciphertext'),
  status: text('status').notNull().default('active'),
  lastFiredAt: at('last_fired_at'),
  nextFireAt: at('next_fire_at'),
  lastRunId: uuid('last_run_id'),
  lastError: text('last_error'),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  index('workflow_triggers_workspace_idx').on(t.workspaceId, t.workflowId),
  index('workflow_triggers_due_idx').on(t.kind, t.nextFireAt).where(sql`status = 'active'`),
]);

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** A file or URL given to a project's knowledge; ingestion moves it through `status`. */
export const knowledgeSources = pgTable('knowledge_sources', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  url: text('url'),
  contentType: text('content_type'),
  size: bigint('size', { mode: 'number' }),
  /** The original bytes in the blob store. */
  sha256: text('sha256'),
  status: text('status').notNull().default('uploading'),
  /** 0..1 while processing. */
  progress: doublePrecision('progress').notNull().default(0),
  errorCode: text('error_code'),
  errorMessage: text('error_message'),
  chunkCount: integer('chunk_count').notNull().default(0),
  /** Pages, sheets, title and the like, as the parser found them. */
  metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
  runId: uuid('run_id'),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  index('knowledge_sources_project_idx').on(t.projectId, t.createdAt),
  check('knowledge_sources_kind_check', sql`${t.kind} in ('file', 'url')`),
  check('knowledge_sources_status_check', sql`${t.status} in ('uploading', 'processing', 'ready', 'error')`),
]);

/** A passage of a source, with where it came from (page, sheet, heading, character offsets). */
export const knowledgeChunks = pgTable('knowledge_chunks', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull(),
  projectId: uuid('project_id').notNull(),
  sourceId: uuid('source_id').notNull().references(() => knowledgeSources.id, { onDelete: 'cascade' }),
  ordinal: integer('ordinal').notNull(),
  text: text('text').notNull(),
  heading: text('heading'),
  page: integer('page'),
  sheet: text('sheet'),
  charStart: integer('char_start').notNull(),
  charEnd: integer('char_end').notNull(),
  tokens: integer('tokens').notNull(),
  tsv: tsvector('tsv').generatedAlwaysAs(sql`to_tsvector('english', coalesce(heading, '') || ' ' || text)`),
  /** From the embedding model named beside it; searched exactly in process (no pgvector needed). */
  embedding: real('embedding').array(),
  embeddingModel: text('embedding_model'),
}, (t) => [
  uniqueIndex('knowledge_chunks_source_ordinal_key').on(t.sourceId, t.ordinal),
  index('knowledge_chunks_project_idx').on(t.projectId),
  index('knowledge_chunks_tsv_idx').using('gin', t.tsv),
]);

/** One model call: who paid, what for, how much. Append-only; budgets sum it. */
export const modelUsage = pgTable('model_usage', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  projectId: uuid('project_id'),
  runId: uuid('run_id'),
  messageId: uuid('message_id'),
  role: text('role').notNull(),
  operation: text('operation').notNull(),
  /** `builtin`, `openai`, `anthropic` or `openai-compatible`. */
  provider: text('provider').notNull(),
  model: text('model').notNull(),
  tokensIn: integer('tokens_in').notNull().default(0),
  tokensOut: integer('tokens_out').notNull().default(0),
  costUsd: doublePrecision('cost_usd').notNull().default(0),
  cached: boolean('cached').notNull().default(false),
  /** The provider failed and the built-in engine answered instead. */
  fellBack: boolean('fell_back').notNull().default(false),
  durationMs: integer('duration_ms').notNull().default(0),
  createdAt: createdAt(),
}, (t) => [
  index('model_usage_workspace_idx').on(t.workspaceId, t.createdAt),
  index('model_usage_project_idx').on(t.projectId, t.createdAt),
  index('model_usage_run_idx').on(t.runId),
]);

/** A spending limit on a workspace, a project or a run; work that would exceed it stops. */
export const modelBudgets = pgTable('model_budgets', {
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  scope: text('scope').notNull(),
  /** The workspace, project or run id. */
  scopeId: uuid('scope_id').notNull(),
  limitUsd: doublePrecision('limit_usd').notNull(),
  /** `total`, or `month` to reset on the first of each month (UTC). */
  period: text('period').notNull().default('total'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  primaryKey({ columns: [t.scope, t.scopeId] }),
  index('model_budgets_workspace_idx').on(t.workspaceId),
  check('model_budgets_scope_check', sql`${t.scope} in ('workspace', 'project', 'run')`),
  check('model_budgets_period_check', sql`${t.period} in ('total', 'month')`),
]);

/** Which provider and model a workspace uses for a role; the API key lives in the vault. */
export const modelSettings = pgTable('model_settings', {
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  role: text('role').notNull(),
  provider: text('provider').notNull(),
  model: text('model').notNull(),
  baseUrl: text('base_url'),
  credentialId: uuid('credential_id').references(() => credentials.id, { onDelete: 'set null' }),
  updatedAt: updatedAt(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.role] }),
  check('model_settings_role_check', sql`${t.role} in ('chat', 'extraction', 'coding', 'embedding', 'image')`),
]);

/** A project's long memory: the rolling summary of its conversation so far. */
export const projectMemory = pgTable('project_memory', {
  projectId: uuid('project_id').primaryKey().references(() => projects.id, { onDelete: 'cascade' }),
  workspaceId: uuid('workspace_id').notNull(),
  summary: text('summary').notNull().default(''),
  /** The last message folded into the summary. */
  summaryThroughSeq: bigint('summary_through_seq', { mode: 'number' }).notNull().default(0),
  updatedAt: updatedAt(),
});

/** A Digital Product Genome: one version of a product studio project's specification. */
export const dpgs = pgTable('dpgs', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
  version: integer('version').notNull(),
  title: text('title').notNull(),
  category: text('category').notNull(),
  stage: text('stage').notNull().default('ignition'),
  summary: text('summary').notNull().default(''),
  data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  /** Design choices that are not spec data: the chosen concept, the drawing parameters. */
  design: jsonb('design').$type<Record<string, unknown>>().notNull().default({}),
  parentId: uuid('parent_id').references((): AnyPgColumn => dpgs.id, { onDelete: 'set null' }),
  approvedAt: timestamp('approved_at', { withTimezone: true }),
  approvedBy: uuid('approved_by').references(() => users.id, { onDelete: 'set null' }),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  uniqueIndex('dpgs_project_version_key').on(t.projectId, t.version),
  check('dpgs_stage_check', sql`${t.stage} in ('ignition', 'context_synthesized', 'designing', 'specifying', 'reviewed', 'approved')`),
  check('dpgs_category_check', sql`${t.category} in ('phone_accessory', 'apparel', 'bag', 'drinkware', 'hard_good')`),
]);

/** One version of one visual of a DPG, with its lineage; the image bytes are blobs. */
export const dpgAssets = pgTable('dpg_assets', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  dpgId: uuid('dpg_id').notNull().references(() => dpgs.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  view: text('view').notNull(),
  version: integer('version').notNull(),
  parentId: uuid('parent_id').references((): AnyPgColumn => dpgAssets.id, { onDelete: 'set null' }),
  prompt: text('prompt').notNull(),
  engine: jsonb('engine').$type<{ provider: string; model: string }>().notNull(),
  parameters: jsonb('parameters').$type<Record<string, unknown>>().notNull().default({}),
  svgSha256: text('svg_sha256'),
  pngSha256: text('png_sha256').notNull(),
  createdAt: createdAt(),
}, (t) => [
  uniqueIndex('dpg_assets_dpg_kind_view_version_key').on(t.dpgId, t.kind, t.view, t.version),
  check('dpg_assets_kind_check', sql`${t.kind} in ('concept', 'flat', 'callout')`),
]);

/** A request for quotes issued from an approved DPG. */
export const rfqs = pgTable('rfqs', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
  dpgId: uuid('dpg_id').notNull().references(() => dpgs.id, { onDelete: 'cascade' }),
  code: text('code').notNull(),
  status: text('status').notNull().default('open'),
  issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
  responseDeadline: text('response_deadline').notNull(),
  targetDelivery: text('target_delivery').notNull(),
  quantityTiers: jsonb('quantity_tiers').$type<number[]>().notNull(),
  document: jsonb('document').$type<Record<string, unknown>>().notNull(),
  /** The artifact holding the PDF, DOCX and Markdown exports as its formats. */
  artifacts: jsonb('artifacts').$type<Record<string, { artifactId: string; versionId: string; sha256: string }>>().notNull().default({}),
  matches: jsonb('matches').$type<unknown[]>().notNull().default([]),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
}, (t) => [
  uniqueIndex('rfqs_workspace_code_key').on(t.workspaceId, t.code),
  index('rfqs_project_idx').on(t.projectId),
  check('rfqs_status_check', sql`${t.status} in ('open', 'awarded')`),
]);

/** A workspace's supplier directory. */
export const suppliers = pgTable('suppliers', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  profile: jsonb('profile').$type<Record<string, unknown>>().notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [uniqueIndex('suppliers_workspace_name_key').on(t.workspaceId, t.name)]);

/** A supplier's quote for an RFQ; a new quote from the same supplier replaces the old one. */
export const quotes = pgTable('quotes', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  rfqId: uuid('rfq_id').notNull().references(() => rfqs.id, { onDelete: 'cascade' }),
  supplierId: uuid('supplier_id').references(() => suppliers.id, { onDelete: 'set null' }),
  supplierName: text('supplier_name').notNull(),
  quote: jsonb('quote').$type<Record<string, unknown>>().notNull(),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('quotes_rfq_supplier_key').on(t.rfqId, t.supplierName)]);

/** The order placed with the chosen supplier of an RFQ. */
export const productOrders = pgTable('product_orders', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  rfqId: uuid('rfq_id').notNull().references(() => rfqs.id, { onDelete: 'cascade' }),
  quoteId: uuid('quote_id').notNull().references(() => quotes.id),
  supplierName: text('supplier_name').notNull(),
  quantity: integer('quantity').notNull(),
  unitPrice: doublePrecision('unit_price').notNull(),
  currency: text('currency').notNull(),
  total: doublePrecision('total').notNull(),
  status: text('status').notNull().default('placed'),
  milestones: jsonb('milestones').$type<{ name: string; due: string; status: string }[]>().notNull(),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('product_orders_rfq_key').on(t.rfqId)]);
