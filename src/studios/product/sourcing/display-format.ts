/** How figures read in RFQs, rationales and match reasons: "$2.30", "$1,200", "10,000", "12%". */
export function formatCount(value: number): string {
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(value);
}

function currencyFormat(amount: number, currency: string, digits: number): string {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(amount);
  } catch {
    return `${amount.toFixed(digits)} ${currency}`;
  }
}

/** Whole amounts of 100 or more without cents ("$1,200"), anything else with cents ("$2.30"). */
export function formatMoney(amount: number, currency: string): string {
  const whole = Number.isInteger(Math.round(amount * 100) / 100) && Math.abs(amount) >= 100;
  return currencyFormat(amount, currency, whole ? 0 : 2);
}

/** A unit price always shows cents, and a third decimal when a sub-dollar price needs it ($0.125). */
export function formatUnitPrice(amount: number, currency: string): string {
  const needsThird = Math.abs(amount) < 1 && Math.abs(amount * 100 - Math.round(amount * 100)) > 1e-6;
  return currencyFormat(amount, currency, needsThird ? 3 : 2);
}

export function formatPercent(share: number, digits = 0): string {
  return `${(share * 100).toFixed(digits)}%`;
}

/** "a", "a and b", "a, b and c". */
export function joinWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "2026-12-01" → "1 December 2026". */
export function formatLongDate(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** "double_wall_vacuum" → "Double wall vacuum". */
export function humanize(value: string): string {
  const text = value.replaceAll('_', ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const regionNames: Record<string, string> = {
  EU: 'European Union', NA: 'North America', APAC: 'Asia-Pacific', LATAM: 'Latin America',
  MENA: 'Middle East and North Africa', GLOBAL: 'Global', UK: 'United Kingdom',
};

/** An ISO 3166-1 alpha-2 code or a region code as words: "US" → "United States". */
export function marketName(code: string): string {
  const upper = code.trim().toUpperCase();
  const region = regionNames[upper];
  if (region) return region;
  if (/^[A-Z]{2}$/.test(upper)) {
    try {
      const name = new Intl.DisplayNames(['en'], { type: 'region' }).of(upper);
      if (name && name !== upper) return name;
    } catch {
      // fall through to the code itself
    }
  }
  return upper;
}
