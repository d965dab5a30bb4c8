import type { RunErrorView, RunEventView, RunState, RunView, StepState, StepView } from '../engine/index.ts';

/**
 * The live progress of a run as the CLI shows it: built from a RunView, advanced by run events,
 * rendered as a compact view (TTY) or one line per event. Pure: state and events in, text out.
 */

export interface StepProgress {
  nodeId: string;
  /** The map item this step runs; null for every other step. */
  itemIndex: number | null;
  name: string;
  /** The node type; '' until a RunView says. */
  type: string;
  status: StepState;
  /** Execute attempts started so far. */
  attempts: number;
  error: RunErrorView | null;
  /** Set while a retry is pending: the delay announced by `step.retrying`. */
  retryDelayMs: number | null;
  /** When the next attempt is due, or the wait ends. */
  dueAt: string | null;
  approval: { message: string; approverRole: string } | null;
}

export interface RunProgress {
  runId: string;
  name: string;
  status: RunState;
  /** done/total as last reported by the server. */
  reported: { done: number; total: number };
  steps: StepProgress[];
  /** The highest event seq applied: where to resume the stream. */
  lastSeq: number;
  error: RunErrorView | null;
}

const finishedSteps: ReadonlySet<StepState> = new Set(['succeeded', 'failed', 'skipped', 'compensated', 'compensation_failed']);

function stepOf(step: StepView, previous: StepProgress | undefined): StepProgress {
  const status = step.status;
  return {
    nodeId: step.nodeId,
    itemIndex: step.itemIndex,
    name: step.name,
    type: step.type,
    status,
    attempts: step.attempts.filter((a) => a.purpose === 'execute').length,
    error: step.error,
    retryDelayMs: status === 'retrying' ? (previous?.retryDelayMs ?? null) : null,
    dueAt: step.dueAt,
    approval: step.approval,
  };
}

const sameStep = (nodeId: string, itemIndex: number | null) => (s: StepProgress) => s.nodeId === nodeId && s.itemIndex === itemIndex;

/** The progress shown for a RunView (a fresh start, or a snapshot replacing what events built). */
export function progressOfRun(run: RunView, previous?: RunProgress): RunProgress {
  return {
    runId: run.id,
    name: run.name,
    status: run.status,
    reported: run.progress,
    steps: run.steps.map((s) => stepOf(s, previous?.steps.find(sameStep(s.nodeId, s.itemIndex)))),
    lastSeq: previous?.lastSeq ?? 0,
    error: run.error,
  };
}

/** done/total to display: the server's figures, or the steps seen finishing when they are ahead. */
export function progressCounts(progress: RunProgress): { done: number; total: number } {
  const finished = progress.steps.filter((s) => finishedSteps.has(s.status)).length;
  const total = Math.max(progress.reported.total, progress.steps.length);
  return { done: Math.min(total, Math.max(progress.reported.done, finished)), total };
}

const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function errorOf(value: unknown): RunErrorView | null {
  if (typeof value !== 'object' || value === null) return null;
  const { code, message, nodeId } = value as Record<string, unknown>;
  if (typeof code !== 'string' || typeof message !== 'string') return null;
  return typeof nodeId === 'string' ? { code, message, nodeId } : { code, message };
}

const stepStatusAfter: Partial<Record<RunEventView['type'], StepState>> = {
  'step.started': 'running',
  'step.retrying': 'retrying',
  'step.succeeded': 'succeeded',
  'step.failed': 'failed',
  'step.skipped': 'skipped',
  'step.waiting': 'waiting',
  'step.approved': 'succeeded',
  'step.rejected': 'failed',
  'step.compensating': 'compensating',
  'step.compensated': 'compensated',
  'step.compensation_failed': 'compensation_failed',
};

function applyStepEvent(step: StepProgress, event: RunEventView, status: StepState): StepProgress {
  const { data } = event;
  const compensating = event.type.startsWith('step.compensat') || data.purpose === 'compensate';
  const next: StepProgress = { ...step, status: event.type === 'step.retrying' && compensating ? 'compensating' : status, retryDelayMs: null };
  const attempt = compensating ? undefined : num(data.attempt);
  if (event.type === 'step.started') {
    next.attempts = attempt ?? step.attempts + 1;
    next.error = null;
    next.dueAt = null;
  }
  if (attempt !== undefined) next.attempts = Math.max(next.attempts, attempt);
  if (event.type === 'step.retrying' && !compensating) next.retryDelayMs = num(data.delayMs) ?? null;
  const error = errorOf(data.error);
  if (error) next.error = error;
  const due = str(data.until) ?? str(data.dueAt);
  if (due) next.dueAt = due;
  if (event.type === 'step.waiting' && data.approval === true) {
    next.approval = { message: str(data.message) ?? step.approval?.message ?? '', approverRole: str(data.approverRole) ?? step.approval?.approverRole ?? 'editor' };
  }
  if (event.type === 'step.succeeded') next.error = null;
  return next;
}

/**
 * The progress after one event; events already applied (seq <= lastSeq) change nothing, so a
 * replay after a reconnect is harmless.
 */
export function applyRunEvent(progress: RunProgress, event: RunEventView): RunProgress {
  if (event.seq <= progress.lastSeq) return progress;
  const next: RunProgress = { ...progress, lastSeq: event.seq };
  const { data } = event;
  if (event.type.startsWith('run.')) {
    const status = str(data.status);
    if (status) next.status = status as RunState;
    const reported = data.progress as { done?: unknown; total?: unknown } | undefined;
    const done = num(reported?.done);
    const total = num(reported?.total);
    if (done !== undefined && total !== undefined) next.reported = { done, total };
    if (event.type === 'run.completed') next.error = errorOf(data.error);
    return next;
  }
  const status = stepStatusAfter[event.type];
  if (!status || event.nodeId === null) return next;
  const steps = [...progress.steps];
  const index = steps.findIndex(sameStep(event.nodeId, event.itemIndex));
  if (index >= 0) {
    steps[index] = applyStepEvent(steps[index]!, event, status);
  } else {
    const fresh: StepProgress = {
      nodeId: event.nodeId, itemIndex: event.itemIndex, name: event.nodeId, type: '', status: 'pending',
      attempts: 0, error: null, retryDelayMs: null, dueAt: null, approval: null,
    };
    const lastOfNode = steps.findLastIndex((s) => s.nodeId === event.nodeId);
    steps.splice(lastOfNode >= 0 ? lastOfNode + 1 : steps.length, 0, applyStepEvent(fresh, event, status));
  }
  next.steps = steps;
  return next;
}

/** The steps that wait for a person: an approval node in `waiting`. */
export function pendingApprovals(progress: RunProgress): StepProgress[] {
  return progress.steps.filter((s) => s.status === 'waiting' && s.itemIndex === null && (s.approval !== null || s.type === 'approval'));
}

/** How to answer an approval, as commands to copy. */
export function approvalHint(runId: string, step: StepProgress): string[] {
  const who = step.approval ? ` (approver role: ${step.approval.approverRole} or above)` : '';
  return [
    `Waiting for approval of "${step.name}"${who}${step.approval?.message ? `: ${step.approval.message}` : ''}`,
    `  approve: foundry runs approve ${runId} ${step.nodeId} [--comment TEXT]`,
    `  reject:  foundry runs reject ${runId} ${step.nodeId} [--comment TEXT]`,
  ];
}

export const stepSymbols: Readonly<Record<StepState, string>> = {
  pending: '○',
  ready: '○',
  running: '●',
  retrying: '↻',
  waiting: '⧗',
  succeeded: '✓',
  failed: '✗',
  skipped: '-',
  compensating: '↺',
  compensated: '↩',
  compensation_failed: '!',
};

const seconds = (ms: number) => (ms < 1_000 ? `${ms}ms` : `${Math.round(ms / 100) / 10}s`);
/** HH:MM:SS in the local time zone (or `timeZone`). */
function clock(iso: string, timeZone: string | undefined): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleTimeString('en-GB', { hour12: false, timeZone });
}
const errorText = (error: RunErrorView) => `${error.code}: ${error.message}`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What a step is doing, for the compact view: attempts, retry, wait, error. */
function stepDetail(step: StepProgress, timeZone: string | undefined): string {
  const parts: string[] = [];
  if (step.attempts > 0) parts.push(step.status === 'running' ? `attempt ${step.attempts}` : plural(step.attempts, 'attempt'));
  if (step.status === 'retrying') {
    const when = step.retryDelayMs !== null ? `in ${seconds(step.retryDelayMs)}` : step.dueAt ? `at ${clock(step.dueAt, timeZone)}` : 'soon';
    parts.push(`retry ${step.attempts + 1} ${when}`);
  }
  if (step.status === 'waiting') {
    if (step.approval || step.type === 'approval') parts.push(`awaiting approval${step.approval ? ` (${step.approval.approverRole})` : ''}`);
    else parts.push(step.dueAt ? `waiting until ${clock(step.dueAt, timeZone)}` : 'waiting');
  }
  if (step.error && step.status !== 'succeeded') parts.push(errorText(step.error));
  return parts.join(', ');
}

function itemsDetail(items: StepProgress[]): string {
  const counts = new Map<StepState, number>();
  for (const item of items) counts.set(item.status, (counts.get(item.status) ?? 0) + 1);
  const done = items.filter((i) => finishedSteps.has(i.status)).length;
  const parts = [`items ${done}/${items.length} done`];
  for (const status of ['running', 'retrying', 'waiting', 'failed'] as const) {
    const n = counts.get(status);
    if (n) parts.push(`${n} ${status}`);
  }
  const retries = items.reduce((sum, i) => sum + Math.max(0, i.attempts - 1), 0);
  if (retries > 0) parts.push(`${retries} ${retries === 1 ? 'retry' : 'retries'}`);
  return parts.join(', ');
}

/** The status shown for a group of map items: the most telling one. */
function groupStatus(items: StepProgress[]): StepState {
  const order: StepState[] = ['failed', 'compensation_failed', 'retrying', 'running', 'waiting', 'compensating', 'pending', 'ready', 'compensated', 'succeeded', 'skipped'];
  return order.find((s) => items.some((i) => i.status === s)) ?? 'pending';
}

interface Row { symbol: string; id: string; name: string; detail: string; status: StepState }

function rowsOf(steps: StepProgress[], timeZone: string | undefined): Row[] {
  const rows: Row[] = [];
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    if (step.itemIndex === null) {
      rows.push({ symbol: stepSymbols[step.status], id: step.nodeId, name: step.name, detail: stepDetail(step, timeZone), status: step.status });
      continue;
    }
    let end = i;
    while (end + 1 < steps.length && steps[end + 1]!.nodeId === step.nodeId && steps[end + 1]!.itemIndex !== null) end++;
    const items = steps.slice(i, end + 1);
    const status = groupStatus(items);
    const name = steps.find((s) => s.nodeId === step.nodeId && s.itemIndex === null)?.name ?? step.name;
    rows.push({ symbol: stepSymbols[status], id: `${step.nodeId}[]`, name, detail: itemsDetail(items), status });
    i = end;
  }
  return rows;
}

export interface RenderOptions {
  /** Terminal columns: longer lines are cut so the view can be redrawn in place. Default 80. */
  width?: number;
  /** Most lines to use (terminal rows); quiet steps are folded into a summary line beyond it. Default 24. */
  maxLines?: number;
  /** Progress bar cells. Default 20. */
  barWidth?: number;
  /** For times shown; default the local one. */
  timeZone?: string;
}

export function progressBar(done: number, total: number, width = 20): string {
  const filled = total > 0 ? Math.round((done / total) * width) : 0;
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}]`;
}

function truncate(line: string, width: number): string {
  const chars = [...line];
  return chars.length <= width ? line : `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}

/**
 * The compact view for a terminal, as lines: the run's name, status and progress bar, then each step with
 * its symbol, attempts, retries and waits, then how to answer pending approvals.
 *
 * @example renderProgress(progress, { width: process.stdout.columns, maxLines: process.stdout.rows - 1 })
 */
export function renderProgress(progress: RunProgress, options: RenderOptions = {}): string[] {
  const { width = 80, maxLines = 24, barWidth = 20, timeZone } = options;
  const { done, total } = progressCounts(progress);
  const header = `${progress.name}  ${progress.status}  ${progressBar(done, total, barWidth)} ${done}/${total}`;
  const approvals = pendingApprovals(progress).flatMap((s) => approvalHint(progress.runId, s));
  const footer = progress.error ? [`error: ${errorText(progress.error)}${progress.error.nodeId ? ` (at ${progress.error.nodeId})` : ''}`] : [];
  let rows = rowsOf(progress.steps, timeZone);
  const room = Math.max(1, maxLines - 1 - approvals.length - footer.length);
  let folded = '';
  if (rows.length > room) {
    const quiet = (r: Row) => r.status === 'succeeded' || r.status === 'skipped' || r.status === 'pending' || r.status === 'ready';
    const keep = new Set(rows.filter((r) => !quiet(r)).slice(0, room - 1));
    for (const r of rows) if (keep.size < room - 1 && !keep.has(r)) keep.add(r);
    const hidden = rows.filter((r) => !keep.has(r));
    const succeeded = hidden.filter((r) => r.status === 'succeeded' || r.status === 'skipped').length;
    folded = `  … ${plural(hidden.length, 'more step')} (${succeeded} finished, ${hidden.length - succeeded} not started)`;
    rows = rows.filter((r) => keep.has(r));
  }
  const idWidth = Math.max(0, ...rows.map((r) => r.id.length));
  const nameWidth = Math.min(24, Math.max(0, ...rows.map((r) => r.name.length)));
  const lines = [
    header,
    ...rows.map((r) => `  ${r.symbol} ${r.id.padEnd(idWidth)}  ${truncate(r.name, nameWidth).padEnd(nameWidth)}  ${r.detail}`.trimEnd()),
    ...(folded ? [folded] : []),
    ...approvals,
    ...footer,
  ];
  return lines.map((l) => truncate(l, width));
}

function subject(progress: RunProgress, event: RunEventView): string {
  const step = progress.steps.find(sameStep(event.nodeId ?? '', event.itemIndex));
  const id = event.itemIndex === null ? event.nodeId ?? '' : `${event.nodeId}[${event.itemIndex}]`;
  return step && step.name !== step.nodeId ? `${id} (${step.name})` : id;
}

/**
 * One line for an event, for logs and pipes: time, type, step and what happened. `progress` is
 * the state after the event (for step names and counts).
 */
export function describeEvent(event: RunEventView, progress: RunProgress, { timeZone }: { timeZone?: string } = {}): string {
  const { data } = event;
  const head = `${clock(event.at, timeZone)} ${event.type.padEnd(24)}`;
  if (event.type.startsWith('run.')) {
    const { done, total } = progressCounts(progress);
    const error = errorOf(data.error);
    return `${head} ${str(data.status) ?? progress.status} ${done}/${total}${error ? ` ${errorText(error)}` : ''}`;
  }
  const who = subject(progress, event);
  const attempt = num(data.attempt);
  const error = errorOf(data.error);
  const step = progress.steps.find(sameStep(event.nodeId ?? '', event.itemIndex));
  switch (event.type) {
    case 'step.started':
      return `${head} ${who} attempt ${attempt ?? step?.attempts ?? 1}`;
    case 'step.retrying': {
      const delay = num(data.delayMs);
      return `${head} ${who} attempt ${attempt ?? step?.attempts ?? '?'} failed${error ? ` (${errorText(error)})` : ''}; retrying${delay === undefined ? '' : ` in ${seconds(delay)}`}`;
    }
    case 'step.waiting':
      if (step && (step.approval || step.type === 'approval')) return `${head} ${who} awaiting approval`;
      return `${head} ${who} waiting${step?.dueAt ? ` until ${clock(step.dueAt, timeZone)}` : ''}`;
    case 'step.approved':
    case 'step.rejected': {
      const comment = str(data.comment);
      return `${head} ${who}${comment ? `: ${comment}` : ''}`;
    }
    default:
      return `${head} ${who}${error ? ` ${errorText(error)}` : ''}`;
  }
}
