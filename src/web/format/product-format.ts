/** Money in its own currency: two decimals from 1 up, up to four below (unit prices of cheap parts). */
export function formatMoney(amount: number, currency: string): string {
  const digits = Math.abs(amount) < 1 && amount !== 0 ? { minimumFractionDigits: 2, maximumFractionDigits: 4 } : { minimumFractionDigits: 2, maximumFractionDigits: 2 };
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.toUpperCase(), ...digits }).format(amount);
  } catch {
    return `${amount.toLocaleString('en-US', digits)} ${currency}`;
  }
}

/** "152.4 mm", "152.4 mm ± 0.2". */
export function formatMm(mm: number, toleranceMm?: number): string {
  const value = `${trimNumber(mm)} mm`;
  return toleranceMm === undefined ? value : `${value} ± ${trimNumber(toleranceMm)}`;
}

/** A 0..1 share as a whole percentage: "40%". */
export function formatShare(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** A 0..1 score with two decimals: "0.82". */
export function formatScore(score: number): string {
  return score.toFixed(2);
}

/** "1 day", "21 days". */
export function formatDays(days: number): string {
  return `${days.toLocaleString('en-US')} day${days === 1 ? '' : 's'}`;
}

/** "1,000 units". */
export function formatUnits(count: number): string {
  return `${count.toLocaleString('en-US')} unit${count === 1 ? '' : 's'}`;
}

/** "phone_accessory" → "Phone accessory". */
export function humanize(key: string): string {
  const text = key.replace(/[_-]+/g, ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Up to two decimals without trailing zeros: 1.50 → "1.5", 1,200 → "1,200". */
export function trimNumber(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}
