import { describe, expect, it } from 'vitest';
import { defaultQuantityTiers, defaultResponseDays, defaultTargetDelivery, rfqCode, rfqTiers } from './rfq-defaults.ts';

describe('rfq defaults', () => {
  it('builds codes from the UTC issue date and a zero-padded serial', () => {
    expect(rfqCode(new Date('2026-12-01T23:30:00Z'), 7)).toBe('RFQ-20261201-0007');
    expect(rfqCode(new Date('2027-01-09T00:00:00Z'), 1234)).toBe('RFQ-20270109-1234');
    expect(() => rfqCode(new Date(), 0)).toThrow(expect.objectContaining({ code: 'RFQ_SERIAL_INVALID' }));
    expect(() => rfqCode(new Date(), 10_000)).toThrow(expect.objectContaining({ code: 'RFQ_SERIAL_INVALID' }));
  });

  it('defaults to 14 response days, 8 weeks to delivery and the seed tiers', () => {
    expect(defaultResponseDays).toBe(14);
    expect(defaultTargetDelivery(new Date('2026-12-01T00:00:00Z')).toISOString().slice(0, 10)).toBe('2027-01-26');
    expect(defaultTargetDelivery(new Date('2026-12-01T00:00:00Z'), 2).toISOString().slice(0, 10)).toBe('2026-12-15');
    expect(defaultQuantityTiers).toEqual([100, 500, 1000, 5000]);
  });

  it('prefers requested tiers, then the DPG tiers, then the defaults, always with the DPG total', () => {
    expect(rfqTiers()).toEqual([100, 500, 1000, 5000]);
    expect(rfqTiers({ total: 10_000 })).toEqual([100, 500, 1000, 5000, 10_000]);
    expect(rfqTiers({ total: 10_000, tiers: [5000, 1000, 5000] })).toEqual([1000, 5000, 10_000]);
    expect(rfqTiers({ total: 1000, tiers: [500] }, [2000, 300])).toEqual([300, 1000, 2000]);
    expect(rfqTiers(undefined, [])).toEqual([100, 500, 1000, 5000]);
  });

  it('rejects invalid or too many tiers', () => {
    expect(() => rfqTiers(undefined, [100, -5])).toThrow(expect.objectContaining({ code: 'RFQ_TIERS_INVALID', status: 400 }));
    expect(() => rfqTiers({ total: 99 }, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toThrow(expect.objectContaining({ code: 'RFQ_TIERS_INVALID' }));
  });
});
