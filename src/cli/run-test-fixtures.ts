import type { RunEventView, RunView, StepView } from '../engine/index.ts';

/** Views for the CLI's unit tests of run progress and following (not used by the CLI itself). */

export const runId = '11111111-1111-4111-8111-111111111111';

export function stepView(nodeId: string, overrides: Partial<StepView> = {}): StepView {
  return {
    id: '22222222-2222-4222-8222-222222222222', nodeId, itemIndex: null, type: 'action', name: nodeId[0]!.toUpperCase() + nodeId.slice(1),
    status: 'pending', branch: null, input: null, output: null, error: null, dueAt: null, startedAt: null, finishedAt: null,
    approval: null, attempts: [], ...overrides,
  };
}

export function runView(overrides: Partial<RunView> = {}): RunView {
  return {
    id: runId, workflowId: null, workflowVersion: null, name: 'Digest', status: 'queued', error: null,
    trigger: { kind: 'manual', id: null }, progress: { done: 0, total: 3 }, parentRunId: null,
    createdAt: '2025-01-02T10:00:00.000Z', startedAt: null, finishedAt: null, updatedAt: '2025-01-02T10:00:00.000Z',
    input: {}, output: null,
    steps: [stepView('start', { type: 'trigger' }), stepView('fetch'), stepView('review', { type: 'approval' })],
    ...overrides,
  };
}

export function runEvent(seq: number, type: RunEventView['type'], data: Record<string, unknown> = {}, nodeId: string | null = null, itemIndex: number | null = null): RunEventView {
  return { seq, runId, type, nodeId, itemIndex, data, at: `2025-01-02T10:00:${String(seq).padStart(2, '0')}.000Z` };
}

/** An event as the server writes it on `text/event-stream`. */
export function sse(event: RunEventView): string {
  return `id: ${event.seq}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}
