import { ValidationError } from '../../../kernel/index.ts';

/*
 * Unit learning curve (Crawford form of Wright's law): the cost of unit n is t_m * (n / m)^b with
 * b = log2(learning rate); an 85% rate means each doubling of cumulative units costs 85% of the previous.
 */
export function learningExponent(rate: number): number {
  if (!(rate > 0 && rate <= 1)) throw new ValidationError({ message: `Learning rate must be in (0, 1], got ${rate}.`, details: { rate } });
  return Math.log2(rate);
}

/** Cost (or time) of unit n given the cost of unit m (default the first unit). */
export function unitCostAt(input: { costAtReference: number; n: number; rate: number; referenceUnit?: number }): number {
  const m = input.referenceUnit ?? 1;
  return input.costAtReference * (input.n / m) ** learningExponent(input.rate);
}

const exactLimit = 100_000;

/** Sum of n^b for n = from..to, exact up to 100,000 terms, else the midpoint integral approximation. */
function powerSum(from: number, to: number, b: number): number {
  if (to < from) return 0;
  if (to - from < exactLimit) {
    let sum = 0;
    for (let n = from; n <= to; n++) sum += n ** b;
    return sum;
  }
  const c = b + 1;
  return Math.abs(c) < 1e-12 ? Math.log((to + 0.5) / (from - 0.5)) : ((to + 0.5) ** c - (from - 0.5) ** c) / c;
}

/** Total cost of units 1..quantity; learning stops at `plateauUnit` (every later unit costs what it does). */
export function cumulativeCost(input: { costAtReference: number; quantity: number; rate: number; referenceUnit?: number; plateauUnit?: number }): number {
  const b = learningExponent(input.rate);
  const m = input.referenceUnit ?? 1;
  const plateau = Math.min(input.quantity, input.plateauUnit ?? Number.POSITIVE_INFINITY);
  const learning = powerSum(1, plateau, b);
  const flat = (input.quantity - plateau) * plateau ** b;
  return (input.costAtReference / m ** b) * (learning + flat);
}

/** Average unit cost over a batch of `quantity` units. */
export function averageUnitCost(input: { costAtReference: number; quantity: number; rate: number; referenceUnit?: number; plateauUnit?: number }): number {
  return cumulativeCost(input) / input.quantity;
}
