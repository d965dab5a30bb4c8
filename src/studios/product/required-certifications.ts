import { factsOf, type DpgRow } from './dpg-store.ts';

/** What an RFQ asks suppliers to hold: the certifications its compliance and quality plan name. */
export function requiredCertifications(dpg: DpgRow): string[] {
  const stated = (factsOf(dpg).data.quality_standards ?? []).filter((s) => /\bISO ?\d{3,5}\b|BSCI|SEDEX|WRAP|OEKO|GOTS/i.test(s));
  const iso = stated.map((s) => /\bISO ?\d{3,5}\b/i.exec(s)?.[0] ?? s);
  return [...new Set(iso.length > 0 ? iso : ['ISO 9001'])];
}
