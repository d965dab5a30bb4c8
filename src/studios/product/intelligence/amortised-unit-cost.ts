import { ValidationError } from '../../../kernel/index.ts';

export interface AmortisationInput {
  /** Material + labour + overhead for one unit. */
  variableUnitCost: number;
  /** One-time tooling (moulds, dies, screens, patterns). */
  tooling: number;
  /** Per-order setup (machine set-up, first article, line changeover). */
  setup: number;
  quantity: number;
}

function checkQuantity(quantity: number): void {
  if (!Number.isFinite(quantity) || quantity <= 0) {
    throw new ValidationError({ message: `Quantity must be a positive number, got ${quantity}.`, details: { quantity } });
  }
}

/** unitCost = variable + (tooling + setup) / quantity: one-time costs spread over the order. */
export function amortisedUnitCost({ variableUnitCost, tooling, setup, quantity }: AmortisationInput): number {
  checkQuantity(quantity);
  return variableUnitCost + (tooling + setup) / quantity;
}

export interface PriceBreak { quantity: number; unitCost: number; totalCost: number; savingVsPrevious: number }

/**
 * Unit and total cost at each quantity, ascending, with the fractional saving per unit against the previous
 * break. The variable cost may differ per quantity (learning curve), so each tier carries its own.
 */
export function priceBreaks(input: { tooling: number; setup: number; tiers: { quantity: number; variableUnitCost: number }[] }): PriceBreak[] {
  const sorted = [...input.tiers].sort((a, b) => a.quantity - b.quantity);
  let previous: number | null = null;
  return sorted.map(({ quantity, variableUnitCost }) => {
    const unitCost = amortisedUnitCost({ variableUnitCost, tooling: input.tooling, setup: input.setup, quantity });
    const savingVsPrevious: number = previous === null ? 0 : (previous - unitCost) / previous;
    previous = unitCost;
    return { quantity, unitCost, totalCost: unitCost * quantity, savingVsPrevious };
  });
}

/** Smallest whole quantity at which the tooled route (higher one-time, lower variable cost) is no dearer. */
export function breakEvenQuantity(tooled: { oneTime: number; variableUnitCost: number }, untooled: { oneTime: number; variableUnitCost: number }): number | null {
  const variableSaving = untooled.variableUnitCost - tooled.variableUnitCost;
  if (variableSaving <= 0) return null;
  return Math.ceil((tooled.oneTime - untooled.oneTime) / variableSaving);
}
