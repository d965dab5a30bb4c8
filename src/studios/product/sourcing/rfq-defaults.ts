import { FoundryError } from '../../../kernel/index.ts';

/** The seed's defaults: tiers to quote when the DPG names none, two weeks to respond, delivery in 8 weeks. */
export const defaultQuantityTiers: readonly number[] = [100, 500, 1000, 5000];
export const defaultResponseDays = 14;
/** quoteInput accepts at most 10 tiers per quote, so an RFQ asks for no more. */
export const maxQuantityTiers = 10;

/** RFQ-YYYYMMDD-NNNN from the issue date (UTC) and the workspace's running number. */
export function rfqCode(issuedAt: Date, serial: number): string {
  if (!Number.isInteger(serial) || serial < 1 || serial > 9999) {
    throw new FoundryError({ code: 'RFQ_SERIAL_INVALID', status: 400, message: `The RFQ serial must be a whole number from 1 to 9999 (got ${serial}).` });
  }
  return `RFQ-${issuedAt.toISOString().slice(0, 10).replaceAll('-', '')}-${String(serial).padStart(4, '0')}`;
}

export function defaultTargetDelivery(issuedAt: Date, leadWeeks = 8): Date {
  return new Date(issuedAt.getTime() + leadWeeks * 7 * 86_400_000);
}

/**
 * The tiers an RFQ asks prices for: the requested ones, else the DPG's, else the defaults; the DPG's
 * total order quantity is always one of them. Ascending, without duplicates.
 */
export function rfqTiers(dpgQuantity?: { total: number; tiers?: number[] }, requested?: number[]): number[] {
  const bad = (requested ?? []).filter((q) => !Number.isInteger(q) || q <= 0);
  if (bad.length > 0) {
    throw new FoundryError({ code: 'RFQ_TIERS_INVALID', status: 400, message: `Quantity tiers must be positive whole numbers (got ${bad.join(', ')}).`, details: { invalid: bad } });
  }
  const base = requested && requested.length > 0 ? requested : dpgQuantity?.tiers && dpgQuantity.tiers.length > 0 ? dpgQuantity.tiers : defaultQuantityTiers;
  const tiers = new Set(base.filter((q) => Number.isInteger(q) && q > 0));
  if (dpgQuantity && Number.isInteger(dpgQuantity.total) && dpgQuantity.total > 0) tiers.add(dpgQuantity.total);
  const sorted = [...tiers].sort((a, b) => a - b);
  if (sorted.length > maxQuantityTiers) {
    throw new FoundryError({
      code: 'RFQ_TIERS_INVALID', status: 400,
      message: `An RFQ can ask for at most ${maxQuantityTiers} quantity tiers (got ${sorted.length}, including the order total).`,
      details: { tiers: sorted },
    });
  }
  return sorted;
}
