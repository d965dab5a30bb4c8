import type { ProjectRole } from '../api-types.ts';
import type { DpgStage } from '../product-api-types.ts';

/** Whether a genome action is open to this user now, and if not, why (shown beside the disabled button). */
export interface ActionState {
  allowed: boolean;
  reason: string | null;
}

const allowed: ActionState = { allowed: true, reason: null };
const refused = (reason: string): ActionState => ({ allowed: false, reason });

/** Approval locks the genome: owners only, and only once it has been reviewed (the API answers 409 otherwise). */
export function approveState(stage: DpgStage, role: ProjectRole): ActionState {
  if (stage === 'approved') return refused('This version is approved and locked.');
  if (role !== 'owner') return refused('Only project owners can approve the genome.');
  if (stage !== 'reviewed') return refused('The genome can be approved once it has been reviewed: finish the missing specs in the conversation first.');
  return allowed;
}

/** A new version starts from an approved one (editors and owners). */
export function newVersionState(stage: DpgStage, role: ProjectRole): ActionState {
  if (role === 'viewer') return refused('You have view access.');
  if (stage !== 'approved') return refused('A new version can be made from an approved genome.');
  return allowed;
}

/** An RFQ is only issued for an approved genome (editors and owners). */
export function rfqState(stage: DpgStage, role: ProjectRole): ActionState {
  if (role === 'viewer') return refused('You have view access.');
  if (stage !== 'approved') return refused('An RFQ can be generated once the genome is approved.');
  return allowed;
}
