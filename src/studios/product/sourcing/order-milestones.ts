import { ValidationError } from '../../../kernel/index.ts';
import { addDays, isIsoDate } from './calendar-dates.ts';

/**
 * The production plan of an order as shares of the quoted lead time: samples approved early, bulk
 * materials in before production starts, an inline check mid-run, the AQL pre-shipment inspection
 * before goods leave, delivery at the end of the lead time.
 */
export const milestonePlan = [
  { name: 'Sample approval', share: 0.15 },
  { name: 'Materials in', share: 0.3 },
  { name: 'Production start', share: 0.35 },
  { name: 'Inline inspection', share: 0.6 },
  { name: 'Pre-shipment inspection (AQL)', share: 0.85 },
  { name: 'Shipment', share: 0.9 },
  { name: 'Delivery', share: 1 },
] as const;

export function productionMilestones(placedOn: string, leadTimeDays: number): { name: string; due: string; status: 'pending' }[] {
  if (!isIsoDate(placedOn)) throw new ValidationError({ code: 'MILESTONES_INPUT_INVALID', message: `The order date must be YYYY-MM-DD (got "${placedOn}").` });
  if (!Number.isInteger(leadTimeDays) || leadTimeDays <= 0) throw new ValidationError({ code: 'MILESTONES_INPUT_INVALID', message: `The lead time must be a positive whole number of days (got ${leadTimeDays}).` });
  let previous = 0;
  return milestonePlan.map(({ name, share }) => {
    // Rounding may not reorder milestones on a short lead time.
    previous = Math.max(previous, Math.round(share * leadTimeDays));
    return { name, due: addDays(placedOn, previous), status: 'pending' as const };
  });
}
