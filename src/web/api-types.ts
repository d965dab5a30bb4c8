/**
 * The API's shapes as the web UI sees them: the server's own zod-derived types (type-only imports,
 * so nothing of the server reaches the bundle).
 */
export type { ProjectView as Project, ProjectMemberView as ProjectMember, MessageView as Message } from '../projects/project-schemas.ts';
export type { ArtifactView as Artifact, ArtifactVersionView as ArtifactVersion } from '../artifacts/artifact-schemas.ts';
export type { KnowledgeSourceView as KnowledgeSource } from '../knowledge/knowledge-schemas.ts';
export type { Passage, Citation } from '../models/language-engine.ts';
export type { UserView as User, WorkspaceView as Workspace, MemberView as WorkspaceMember } from '../auth/auth-schemas.ts';
import type { ProjectView, ProjectMemberView } from '../projects/project-schemas.ts';
import type { UserView, WorkspaceView } from '../auth/auth-schemas.ts';
export type {
  WorkflowSummaryView as WorkflowSummary, WorkflowView as Workflow, WorkflowVersionView as WorkflowVersion,
} from '../engine/workflow-schemas.ts';
export type {
  RunSummaryView as RunSummary, RunView as Run, StepView as RunStep, AttemptView as RunAttempt, RunEventView as RunEvent,
  RunErrorView as RunError, RunEventName, TriggerKind,
} from '../engine/run-schemas.ts';
import type { z } from 'zod';
import type { workflowProblemView } from '../engine/workflow-schemas.ts';
import type { RunView, StepView } from '../engine/run-schemas.ts';
import type { createTriggerBody } from '../engine/triggers/trigger-schemas.ts';
export type {
  TriggerView as Trigger, AutomaticTriggerKind, TriggerStatus, UpdateTriggerBody,
} from '../engine/triggers/trigger-schemas.ts';

export type {
  BudgetView as Budget, BudgetScope, BudgetPeriod, SetBudgetInput, UsageSummaryView as UsageSummary, UsageTotals, UsageRecordView as UsageRecord,
} from '../models/usage-schemas.ts';
export type { RoleSettingView as ModelRoleSetting, PutRoleSettingInput, RoleTestView as ModelRoleTest } from '../models/model-settings-schemas.ts';
export type { ModelRole, ProviderName } from '../models/language-engine.ts';
export type { CredentialView as Credential } from '../vault/credential-schemas.ts';

/** POST /api/workflows/:id/triggers (as sent: the server fills in defaults). */
export type CreateTriggerBody = z.input<typeof createTriggerBody>;

export type Studio = ProjectView['studio'];
export type ProjectStatus = ProjectView['status'];
export type ProjectRole = ProjectMemberView['role'];
export type WorkspaceRole = WorkspaceView['role'];
export type RunStatus = RunView['status'];
export type StepStatus = StepView['status'];

/** One problem of a workflow definition, anchored to a node or edge where it applies. */
export type WorkflowProblem = z.infer<typeof workflowProblemView>;

/** POST /api/workflows/validate */
export interface WorkflowValidation {
  valid: boolean;
  problems: WorkflowProblem[];
}

/** A page of a cursor-paginated list. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Items<T> {
  items: T[];
}

/** GET /api/auth/me */
export interface Session {
  user: UserView;
  workspaces: WorkspaceView[];
}

/** POST /api/auth/signup and /api/auth/login */
export interface SignedIn {
  token: string;
  user: UserView;
  workspace: WorkspaceView;
}
