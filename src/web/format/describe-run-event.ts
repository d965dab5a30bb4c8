import type { RunEvent, RunEventName } from '../api-types.ts';
import { formatDuration } from './format-duration.ts';

const titles: Record<RunEventName, string> = {
  'run.queued': 'Run queued',
  'run.started': 'Run started',
  'run.waiting': 'Run waiting',
  'run.paused': 'Run paused',
  'run.resumed': 'Run resumed',
  'run.compensating': 'Compensating completed steps',
  'run.completed': 'Run finished',
  'step.started': 'Started',
  'step.retrying': 'Retrying',
  'step.succeeded': 'Succeeded',
  'step.failed': 'Failed',
  'step.skipped': 'Skipped',
  'step.waiting': 'Waiting',
  'step.approved': 'Approved',
  'step.rejected': 'Rejected',
  'step.compensating': 'Compensating',
  'step.compensated': 'Compensated',
  'step.compensation_failed': 'Compensation failed',
};

/** Every run event type, for subscribing to each on an event stream. */
export const runEventNames = Object.keys(titles) as RunEventName[];

export interface RunEventDescription {
  title: string;
  /** A second line: the error, the retry delay, the approver's comment. */
  detail: string | null;
  tone: 'neutral' | 'good' | 'bad' | 'attention';
}

const str = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

function errorText(value: unknown): string | null {
  if (typeof value === 'string') return value || null;
  if (value && typeof value === 'object') {
    const { code, message } = value as { code?: unknown; message?: unknown };
    const text = str(message);
    return text && str(code) ? `${text} (${String(code)})` : text ?? str(code);
  }
  return null;
}

/**
 * What a timeline shows for one run event: "Review: Approved", "Fetch #2: Retrying" with the
 * attempt, delay and error; `stepName` names the node of step events.
 *
 * @example describeRunEvent(event, (nodeId) => nodeId).title // "review: Approved"
 */
export function describeRunEvent(event: RunEvent, stepName: (nodeId: string) => string): RunEventDescription {
  const data = event.data;
  const base = titles[event.type];
  const node = event.nodeId === null ? null : `${stepName(event.nodeId)}${event.itemIndex === null ? '' : ` #${event.itemIndex + 1}`}`;
  const title = node ? `${node}: ${base}` : base;
  const error = errorText(data['error']);
  const comment = str(data['comment']);
  switch (event.type) {
    case 'run.completed': {
      const status = str(data['status']);
      return { title: status ? `Run ${status}` : base, detail: error, tone: status === 'succeeded' ? 'good' : 'bad' };
    }
    case 'step.retrying': {
      const attempt = num(data['attempt']);
      const delay = num(data['delayMs']);
      const parts = [attempt === null ? null : `attempt ${attempt} failed`, delay === null ? null : `next in ${formatDuration(delay)}`, error];
      return { title, detail: parts.filter(Boolean).join('; ') || null, tone: 'attention' };
    }
    case 'step.failed':
    case 'step.compensation_failed':
    case 'step.rejected':
      return { title, detail: [comment, error].filter(Boolean).join(' — ') || null, tone: 'bad' };
    case 'step.succeeded':
    case 'step.approved':
    case 'step.compensated':
      return { title, detail: comment, tone: 'good' };
    case 'run.waiting':
    case 'run.paused':
    case 'step.waiting':
    case 'run.compensating':
    case 'step.compensating':
      return { title, detail: error, tone: 'attention' };
    default:
      return { title, detail: error, tone: 'neutral' };
  }
}
