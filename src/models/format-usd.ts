/** A US dollar amount for messages: cents from a cent up, two significant digits below ($0.0042). */
export function formatUsd(amount: number): string {
  if (amount === 0) return '$0.00';
  const abs = Math.abs(amount);
  const text = abs >= 0.01 ? abs.toFixed(2) : abs.toPrecision(2);
  return `${amount < 0 ? '-' : ''}$${text}`;
}
