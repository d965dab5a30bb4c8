import { describe, expect, it } from 'vitest';
import { amortisedUnitCost, breakEvenQuantity, priceBreaks } from './amortised-unit-cost.ts';

/*
 * Published worked example 1, mfgcalcs.com "Tooling Quote Amortization" (variable 2.5 $/unit, tooling 75 $,
 * setup labour and overhead 25 $):
 *   https://www.mfgcalcs.com/calculators/manufacturing-sales-engineering-estimating-quoting-operations/tooling-quote-amortization/examples/low-part-order-quantity-over-tool
 *     50 units -> total 225 $, 4.5 $/piece
 *   https://www.mfgcalcs.com/calculators/manufacturing-sales-engineering-estimating-quoting-operations/tooling-quote-amortization/examples/high-part-order-quantity-over-tool
 *     250 units -> total 725 $, 2.9 $/piece; baseline 100 units -> total 350 $
 *
 * Published worked example 2, Orion Design "Manufacturing payoff" (injection-moulding tool £6,500, moulded
 * part £0.70, 3D-printed part £18): https://orion-design.netlify.app/tools/manufacturing-payoff
 *   200 units -> moulding £6,640 and 3D printing £3,600; 500 -> printing £9,000; break-even "roughly 376 units".
 *   Its moulding totals at 500 (£7,350) and 1,000 (£8,200) do not follow from its own inputs (they imply
 *   £1.70 a part, not £0.70), so only the consistent figures are asserted.
 */
describe('amortisedUnitCost', () => {
  it('reproduces the mfgcalcs tooling quote amortisation example', () => {
    const base = { variableUnitCost: 2.5, tooling: 75, setup: 25 };
    expect(amortisedUnitCost({ ...base, quantity: 50 })).toBeCloseTo(4.5, 10);
    expect(amortisedUnitCost({ ...base, quantity: 100 }) * 100).toBeCloseTo(350, 10);
    expect(amortisedUnitCost({ ...base, quantity: 250 })).toBeCloseTo(2.9, 10);
    expect(amortisedUnitCost({ ...base, quantity: 250 }) * 250).toBeCloseTo(725, 10);
  });

  it('rejects a non-positive quantity with a validation error', () => {
    expect(() => amortisedUnitCost({ variableUnitCost: 1, tooling: 1, setup: 0, quantity: 0 })).toThrow(/positive/);
  });
});

describe('priceBreaks', () => {
  it('reproduces the Orion Design figures that follow from its inputs', () => {
    const moulded = priceBreaks({ tooling: 6500, setup: 0, tiers: [{ quantity: 200, variableUnitCost: 0.7 }] });
    expect(moulded[0]?.totalCost).toBeCloseTo(6640, 10);
    const printed = priceBreaks({ tooling: 0, setup: 0, tiers: [500, 200].map((quantity) => ({ quantity, variableUnitCost: 18 })) });
    expect(printed.map((b) => b.totalCost)).toEqual([3600, 9000]);
  });

  it('sorts tiers and reports the saving per unit against the previous break', () => {
    const breaks = priceBreaks({ tooling: 6500, setup: 0, tiers: [1000, 200, 500].map((quantity) => ({ quantity, variableUnitCost: 0.7 })) });
    expect(breaks.map((b) => b.quantity)).toEqual([200, 500, 1000]);
    expect(breaks.map((b) => Number(b.unitCost.toFixed(2)))).toEqual([33.2, 13.7, 7.2]);
    expect(breaks[0]?.savingVsPrevious).toBe(0);
    expect(breaks[1]?.savingVsPrevious).toBeCloseTo((33.2 - 13.7) / 33.2, 10);
  });

  it('reproduces the mfgcalcs totals as a price-break table', () => {
    const breaks = priceBreaks({ tooling: 75, setup: 25, tiers: [50, 100, 250].map((quantity) => ({ quantity, variableUnitCost: 2.5 })) });
    expect(breaks.map((b) => b.totalCost)).toEqual([225, 350, 725]);
  });
});

describe('breakEvenQuantity', () => {
  it('reproduces the Orion Design break-even of roughly 376 units', () => {
    expect(breakEvenQuantity({ oneTime: 6500, variableUnitCost: 0.7 }, { oneTime: 0, variableUnitCost: 18 })).toBe(376);
  });

  it('has no break-even when tooling does not lower the variable cost', () => {
    expect(breakEvenQuantity({ oneTime: 100, variableUnitCost: 5 }, { oneTime: 0, variableUnitCost: 5 })).toBeNull();
  });
});
