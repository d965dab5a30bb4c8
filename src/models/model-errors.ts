import { FoundryError } from '../kernel/index.ts';

/** A provider call failed; `retryable` says whether the same call may succeed later (429, 5xx, timeouts). */
export class ModelProviderError extends FoundryError {
  readonly provider: string;
  constructor(o: { provider: string; message: string; code?: string; retryable: boolean; status?: number; cause?: unknown }) {
    super({ code: o.code ?? 'MODEL_PROVIDER_FAILED', message: o.message, status: o.status ?? 502, category: 'third_party', retryable: o.retryable, cause: o.cause });
    this.provider = o.provider;
  }
}

/** The model answered, but not in the shape asked for. */
export class ModelOutputInvalidError extends FoundryError {
  constructor(o: { message: string; details?: unknown; cause?: unknown }) {
    super({ code: 'MODEL_OUTPUT_INVALID', status: 502, category: 'third_party', retryable: true, ...o });
  }
}

/** The engine cannot do this (the built-in engine has no free-form structured output or embeddings). */
export class ModelUnsupportedError extends FoundryError {
  constructor(o: { message: string }) {
    super({ code: 'MODEL_UNSUPPORTED', status: 501, category: 'system', ...o });
  }
}

/** A workspace, project or run budget is spent: the work stops rather than overspend. */
export class BudgetExceededError extends FoundryError {
  constructor(o: { message: string; details?: unknown }) {
    super({ code: 'BUDGET_EXCEEDED', status: 402, retryable: false, ...o });
  }
}
