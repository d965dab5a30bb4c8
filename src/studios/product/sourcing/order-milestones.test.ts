import { describe, expect, it } from 'vitest';
import { productionMilestones } from './order-milestones.ts';

describe('productionMilestones', () => {
  it('spreads the seven milestones over the lead time', () => {
    expect(productionMilestones('2026-12-01', 40)).toEqual([
      { name: 'Sample approval', due: '2026-12-07', status: 'pending' },
      { name: 'Materials in', due: '2026-12-13', status: 'pending' },
      { name: 'Production start', due: '2026-12-15', status: 'pending' },
      { name: 'Inline inspection', due: '2026-12-25', status: 'pending' },
      { name: 'Pre-shipment inspection (AQL)', due: '2027-01-04', status: 'pending' },
      { name: 'Shipment', due: '2027-01-06', status: 'pending' },
      { name: 'Delivery', due: '2027-01-10', status: 'pending' },
    ]);
  });

  it('keeps the order on very short lead times and ends on the lead time', () => {
    const dues = productionMilestones('2026-12-30', 3).map((m) => m.due);
    expect(dues).toEqual([...dues].sort());
    expect(dues.at(-1)).toBe('2027-01-02');
  });

  it('rejects bad input', () => {
    expect(() => productionMilestones('2026-02-30', 10)).toThrow(expect.objectContaining({ code: 'MILESTONES_INPUT_INVALID', status: 400 }));
    expect(() => productionMilestones('2026-12-01', 0)).toThrow(expect.objectContaining({ code: 'MILESTONES_INPUT_INVALID' }));
  });
});
