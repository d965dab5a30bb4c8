import { describe, expect, it } from 'vitest';
import { createKeyedLimits } from './keyed-limits.ts';

describe('keyed limits', () => {
  it('admits up to the limit per key and tells listeners when a slot frees', () => {
    const limits = createKeyedLimits();
    let released = 0;
    limits.onRelease(() => (released += 1));
    expect([limits.tryAcquire('tool:mail', 2), limits.tryAcquire('tool:mail', 2), limits.tryAcquire('tool:mail', 2)]).toEqual([true, true, false]);
    expect(limits.tryAcquire('tool:crm', 2)).toBe(true);
    limits.release('tool:mail');
    expect(released).toBe(1);
    expect(limits.inUse('tool:mail')).toBe(1);
    expect(limits.tryAcquire('tool:mail', 2)).toBe(true);
  });
});
