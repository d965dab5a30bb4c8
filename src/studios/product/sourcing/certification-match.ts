/**
 * Whether a held certification satisfies a required one. Names are compared as words, case- and
 * punctuation-insensitively, with the edition year ignored: "ISO 9001:2015" satisfies "ISO 9001"
 * and the other way round, "amfori BSCI" satisfies "BSCI", but "ISO 14001" never satisfies "ISO 9001".
 */
function coreWords(name: string): string[] {
  const words = name.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').split(/[^a-z0-9]+/).filter(Boolean);
  let sawNumber = false;
  return words.filter((word) => {
    const isYear = /^(19|20)\d{2}$/.test(word);
    const keep = !(isYear && sawNumber);
    if (/\d/.test(word)) sawNumber = true;
    return keep;
  });
}

export function certificationSatisfies(held: string, required: string): boolean {
  const need = coreWords(required);
  if (need.length === 0) return false;
  const have = new Set(coreWords(held));
  return need.every((word) => have.has(word));
}

export function holdsCertification(held: readonly string[], required: string): boolean {
  return held.some((h) => certificationSatisfies(h, required));
}

/** The required certifications not covered by the held ones, in the order required. */
export function missingCertifications(held: readonly string[], required: readonly string[]): string[] {
  return required.filter((r) => !holdsCertification(held, r));
}
