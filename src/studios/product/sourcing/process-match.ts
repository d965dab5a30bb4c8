/**
 * Whether a factory capability covers a required process: the words of one contain the other's,
 * after spelling is evened out ("molding" = "moulding", "cut & sew" = "cut and sew").
 */
const stopWords = new Set(['and', 'of', 'the', 'a', 'for', 'with', 'process', 'processes']);

/** A light stemmer: "printing", "printed" and "print" compare equal, as do "engraving" and "engrave". */
function stem(word: string): string {
  if (word.length <= 4) return word;
  const bare = word.replace(/(ing|ed|s)$/, '').replace(/e$/, '');
  return /([b-df-hj-np-tv-z])\1$/.test(bare) ? bare.slice(0, -1) : bare;
}

function words(text: string): string[] {
  return text.toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\bmold/g, 'mould')
    .replace(/\bcolor/g, 'colour')
    .replace(/\bsilk[\s-]?screen/g, 'screen')
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !stopWords.has(w))
    .map(stem);
}

export function capabilityCovers(capability: string, process: string): boolean {
  const cap = new Set(words(capability));
  const need = words(process);
  if (cap.size === 0 || need.length === 0) return false;
  return need.every((w) => cap.has(w)) || [...cap].every((w) => need.includes(w));
}

export function coveringCapability(capabilities: readonly string[], process: string): string | undefined {
  return capabilities.find((c) => capabilityCovers(c, process));
}

/** The same process named twice ("Injection molding", "injection moulding") counts once. */
export function uniqueProcesses(processes: readonly string[]): string[] {
  const seen = new Set<string>();
  return processes.map((p) => p.trim()).filter((p) => {
    const key = words(p).join(' ');
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
