/** A US dollar amount: cents from a cent up, two significant digits below ($0.0042), so small calls never read as $0.00. */
export function formatUsd(amount: number): string {
  if (amount === 0) return '$0.00';
  const abs = Math.abs(amount);
  const text = abs >= 0.01 ? abs.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : abs.toPrecision(2);
  return `${amount < 0 ? '-' : ''}$${text}`;
}

/** A count with thousands separators: 12,345. */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}
