/** How much a worded edit asks for: a share ("by 20%", "a bit", "much"), an absolute size or a delta in mm. */
export type Amount =
  | { kind: 'share'; share: number }
  | { kind: 'absolute'; mm: number }
  | { kind: 'delta'; mm: number };

const number = '(\\d+(?:[.,]\\d+)?)';

/**
 * Reads the size of a change from an instruction. `base` is the share used when the words
 * give none; "a bit" halves it and "much" doubles it.
 */
export function amountIn(text: string, base = 0.2): Amount {
  const percent = new RegExp(`${number}\\s*(%|percent|per cent)`).exec(text);
  if (percent) return { kind: 'share', share: parse(percent[1]!) / 100 };
  const by = new RegExp(`\\bby\\s+${number}\\s*mm\\b`).exec(text);
  if (by) return { kind: 'delta', mm: parse(by[1]!) };
  const to = new RegExp(`${number}\\s*mm\\b`).exec(text);
  if (to) return { kind: 'absolute', mm: parse(to[1]!) };
  if (/\b(half|halve)\b/.test(text)) return { kind: 'share', share: 0.5 };
  if (/\b(twice|double)\b/.test(text)) return { kind: 'share', share: 1 };
  if (/\b(a (little )?bit|slightly|a little|a touch|a tad|marginally|just a bit)\b/.test(text)) return { kind: 'share', share: base / 2 };
  if (/\b(much|a lot|way|significantly|considerably|substantially|far|really)\b/.test(text)) return { kind: 'share', share: base * 2 };
  return { kind: 'share', share: base };
}

function parse(value: string): number {
  return Number(value.replace(',', '.'));
}

/**
 * Applies an amount to a value: shares scale it (`relative`) or, for quantities with their own
 * natural step such as a bezel in mm, move it by `step` scaled the same way.
 */
export function applyAmount(value: number, amount: Amount, direction: 1 | -1, options: { step?: number; baseShare?: number } = {}): number {
  if (amount.kind === 'absolute') return amount.mm;
  if (amount.kind === 'delta') return value + direction * amount.mm;
  if (options.step !== undefined) return value + direction * options.step * (amount.share / (options.baseShare ?? 0.2));
  return direction > 0 ? value * (1 + amount.share) : value * (1 - Math.min(0.9, amount.share));
}
