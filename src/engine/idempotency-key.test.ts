import { describe, expect, it } from 'vitest';
import { idempotencyKey } from './idempotency-key.ts';

const runId = '0190f3c2-7b1e-7000-8000-000000000001';

describe('idempotencyKey', () => {
  it('is fdy- followed by a SHA-256 hex digest', () => {
    expect(idempotencyKey({ runId, nodeId: 'charge' })).toMatch(/^fdy-[0-9a-f]{64}$/);
  });

  it('is stable across calls (re-executions of the same step)', () => {
    const first = idempotencyKey({ runId, nodeId: 'charge', iteration: 3 });
    expect(idempotencyKey({ runId, nodeId: 'charge', iteration: 3 })).toBe(first);
    expect(idempotencyKey({ runId, nodeId: 'charge', iteration: 3, purpose: 'execute' })).toBe(first);
  });

  // Runs in flight across an upgrade must keep their keys, or effects would repeat.
  it('keeps its encoding pinned', () => {
    expect(idempotencyKey({ runId: 'r', nodeId: 'n' })).toBe('fdy-b361f95f1d4d17b2a5c54842a946b818d5c45bbd60473127e21f4abb7eaf7a17');
  });

  it('differs per run, node, map iteration and purpose', () => {
    const keys = [
      idempotencyKey({ runId, nodeId: 'charge' }),
      idempotencyKey({ runId: `${runId}x`, nodeId: 'charge' }),
      idempotencyKey({ runId, nodeId: 'refund' }),
      idempotencyKey({ runId, nodeId: 'charge', iteration: 0 }),
      idempotencyKey({ runId, nodeId: 'charge', iteration: 1 }),
      idempotencyKey({ runId, nodeId: 'charge', purpose: 'compensate' }),
      idempotencyKey({ runId, nodeId: 'charge', iteration: 0, purpose: 'compensate' }),
      idempotencyKey({ runId, nodeId: 'charge', iteration: 1, purpose: 'compensate' }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('cannot be confused by values that contain separators', () => {
    expect(idempotencyKey({ runId: 'a', nodeId: 'b:c' })).not.toBe(idempotencyKey({ runId: 'a:b', nodeId: 'c' }));
    expect(idempotencyKey({ runId: 'a","b', nodeId: 'c' })).not.toBe(idempotencyKey({ runId: 'a', nodeId: 'b","c' }));
  });

  it('rejects negative or fractional iterations', () => {
    expect(() => idempotencyKey({ runId, nodeId: 'm', iteration: -1 })).toThrow(RangeError);
    expect(() => idempotencyKey({ runId, nodeId: 'm', iteration: 0.5 })).toThrow(RangeError);
  });
});
