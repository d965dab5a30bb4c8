import { ConflictError, FoundryError, NotFoundError, ValidationError } from '../kernel/index.ts';
import type { WorkflowProblem } from './validate-workflow.ts';

/**
 * Errors raised by the workflow engine. Each carries a stable code, and its `retryable` flag is
 * what `shouldRetry` consults: the error decides, not the catch block.
 */

/** A step attempt outlived its `timeoutMs`. Retryable: the next attempt may be faster. */
export class StepTimeoutError extends FoundryError {
  constructor(o: { nodeId: string; timeoutMs: number; cause?: unknown }) {
    super({
      code: 'STEP_TIMEOUT',
      status: 504,
      category: 'system',
      retryable: true,
      message: `Step "${o.nodeId}" timed out after ${o.timeoutMs} ms.`,
      details: { nodeId: o.nodeId, timeoutMs: o.timeoutMs },
      cause: o.cause,
    });
  }
}

/**
 * Thrown by a tool to stop retries: the failure is permanent (the input is invalid, the
 * resource is gone). The step fails at once whatever attempts remain.
 *
 * @example throw new NonRetryableStepError({ message: 'Customer 42 does not exist.' });
 */
export class NonRetryableStepError extends FoundryError {
  constructor(o: { message: string; details?: unknown; cause?: unknown; category?: 'system' | 'third_party' }) {
    super({
      code: 'STEP_FAILED_PERMANENTLY',
      status: 500,
      category: o.category ?? 'system',
      retryable: false,
      message: o.message,
      details: o.details,
      cause: o.cause,
    });
  }
}

interface TransitionDetails {
  from: string;
  event: string;
  /** The events the current state accepts, so a client can tell what it may do instead. */
  allowed: readonly string[];
  message?: string;
}

/** A run was asked to do something its state forbids, e.g. pause a succeeded run. */
export class InvalidRunTransitionError extends FoundryError {
  constructor(o: TransitionDetails) {
    super({
      code: 'INVALID_RUN_TRANSITION',
      status: 409,
      category: 'user',
      message: o.message ?? `Cannot apply "${o.event}" to a run that is ${o.from}.`,
      details: { from: o.from, event: o.event, allowed: o.allowed },
    });
  }
}

/**
 * A step transition the state machine forbids. Steps are moved by the executor alone, so this
 * is an engine bug (system), unlike a run transition, which a user can request.
 */
export class InvalidStepTransitionError extends FoundryError {
  constructor(o: TransitionDetails) {
    super({
      code: 'INVALID_STEP_TRANSITION',
      status: 500,
      category: 'system',
      message: o.message ?? `Cannot apply "${o.event}" to a step that is ${o.from}.`,
      details: { from: o.from, event: o.event, allowed: o.allowed },
    });
  }
}

/**
 * A condition, mapping or computed input failed to evaluate. The definition is at fault, so
 * retrying cannot help.
 */
export class ExpressionError extends FoundryError {
  constructor(o: { expression: string; message: string; nodeId?: string; cause?: unknown }) {
    super({
      code: 'EXPRESSION_FAILED',
      status: 422,
      category: 'user',
      retryable: false,
      message: o.nodeId === undefined ? o.message : `Node "${o.nodeId}": ${o.message}`,
      details: { expression: o.expression, nodeId: o.nodeId },
      cause: o.cause,
    });
  }
}

/** Thrown by the API when a submitted definition has problems; `details.problems` lists them. */
export class WorkflowInvalidError extends ValidationError {
  readonly problems: WorkflowProblem[];
  constructor(o: { problems: WorkflowProblem[]; message?: string }) {
    const first = o.problems[0]?.message;
    super({
      code: 'WORKFLOW_INVALID',
      message: o.message ?? `The workflow definition has ${o.problems.length} problem(s)${first === undefined ? '.' : `, first: ${first}`}`,
      details: { problems: o.problems },
    });
    this.problems = o.problems;
  }
}

/** No run with that id in the caller's workspace (404). */
export class RunNotFoundError extends NotFoundError {
  constructor() {
    super({ code: 'RUN_NOT_FOUND', message: 'No such run in this workspace.' });
  }
}

/** Approve or reject named a step that is not waiting for a decision (409). */
export class StepNotAwaitingApprovalError extends ConflictError {
  constructor(o: { nodeId: string; status?: string }) {
    super({
      code: 'STEP_NOT_AWAITING_APPROVAL',
      message: o.status === undefined
        ? `The run has no approval step "${o.nodeId}" waiting for a decision.`
        : `Step "${o.nodeId}" is ${o.status}, not waiting for an approval.`,
      details: o,
    });
  }
}

/** The run input does not satisfy the workflow's `inputSchema` (400). */
export class RunInputInvalidError extends ValidationError {
  constructor(problems: { path: string; message: string }[]) {
    super({ code: 'RUN_INPUT_INVALID', message: `The run input does not match the workflow's input schema: ${problems.map((p) => `${p.path || '/'} ${p.message}`).join('; ')}.`, details: { problems } });
  }
}

/** A person rejected an approval step; the run fails (or compensates) from there. */
export class ApprovalRejectedError extends FoundryError {
  constructor(o: { nodeId: string; comment?: string }) {
    super({ code: 'APPROVAL_REJECTED', status: 409, category: 'user', retryable: false, message: `Step "${o.nodeId}" was rejected${o.comment ? `: ${o.comment}` : ''}.`, details: o });
  }
}

/** The worker lost its lease on the run (another worker took it over); it must stop without writing. */
export class LeaseLostError extends FoundryError {
  constructor(runId: string) {
    super({ code: 'LEASE_LOST', status: 409, category: 'system', message: `Lost the lease on run ${runId}.` });
  }
}
