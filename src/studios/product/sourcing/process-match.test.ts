import { describe, expect, it } from 'vitest';
import { capabilityCovers, uniqueProcesses } from './process-match.ts';

describe('process matching', () => {
  it('evens out spelling and word forms', () => {
    expect(capabilityCovers('injection moulding', 'Injection molding')).toBe(true);
    expect(capabilityCovers('UV printing', 'UV print')).toBe(true);
    expect(capabilityCovers('laser engraving', 'Laser engrave')).toBe(true);
    expect(capabilityCovers('cut and sew', 'Cut & sew')).toBe(true);
    expect(capabilityCovers('screen printing', 'silk-screen printing')).toBe(true);
    expect(capabilityCovers('knitting', 'knit')).toBe(true);
  });

  it('accepts a more specific or more general name, but not a different process', () => {
    expect(capabilityCovers('injection moulding', 'TPU injection moulding')).toBe(true);
    expect(capabilityCovers('two-shot injection moulding', 'injection moulding')).toBe(true);
    expect(capabilityCovers('injection moulding', 'blow moulding')).toBe(false);
    expect(capabilityCovers('screen printing', 'pad printing')).toBe(false);
    expect(capabilityCovers('', 'anything')).toBe(false);
  });

  it('drops duplicate process names', () => {
    expect(uniqueProcesses(['Injection molding', 'injection moulding', 'UV print', ' '])).toEqual(['Injection molding', 'UV print']);
  });
});
