import { describe, expect, it } from 'vitest';
import { eventPayload } from './pg-event-bus.ts';

const event = (data: Record<string, unknown>) => ({ type: 'message.created', workspaceId: 'w', projectId: 'p', data, at: '2026-12-01T00:00:00.000Z' });

describe('eventPayload', () => {
  it('sends a small event whole', () => {
    expect(JSON.parse(eventPayload(event({ id: 'a' })))).toEqual(event({ id: 'a' }));
  });

  it('cuts an event over the NOTIFY limit to a stub that still names what changed', () => {
    const big = event({ message: { id: 'm-1', content: 'x'.repeat(10_000) } });
    const stub = JSON.parse(eventPayload(big));
    expect(stub).toEqual({ ...big, data: { truncated: true, id: 'm-1' } });
    expect(Buffer.byteLength(eventPayload(big))).toBeLessThan(8000);
  });
});
