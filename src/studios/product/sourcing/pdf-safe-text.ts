/**
 * Text for PDF standard fonts, which encode only WinAnsi (Windows-1252). Characters outside it are
 * spelled in ASCII where a reader loses nothing ("≤" → "<="), stripped of accents where that leaves a
 * Latin letter ("ő" → "o"), and otherwise replaced by "?", so that rendering never throws.
 */
const spelled: Record<string, string> = {
  '≤': '<=', '≥': '>=', '≠': '!=', '≈': '~', '∼': '~', '→': '->', '←': '<-', '↔': '<->', '⇒': '=>',
  '−': '-', '‐': '-', '‑': '-', '‒': '-', '―': '-', '′': "'", '″': '"', '‹': '<', '›': '>',
  '✓': '[x]', '✔': '[x]', '✗': '[ ]', '✘': '[ ]', '☐': '[ ]', '☑': '[x]',
  'Δ': 'delta ', 'Ω': 'ohm', '⌀': 'dia. ', '∅': 'dia. ', '№': 'No.', '℃': '°C', '℉': '°F',
  '⅓': '1/3', '⅔': '2/3', '⅛': '1/8', '₹': 'INR ', '₩': 'KRW ', '₽': 'RUB ', '₺': 'TRY ', '₫': 'VND ',
  '\u2009': ' ', '\u202f': ' ', '\u2007': ' ', '\u2002': ' ', '\u2003': ' ', '\t': '    ',
};
const invisible = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

export function pdfSafeText(text: string, charset: ReadonlySet<number>): string {
  let out = '';
  for (const ch of text.normalize('NFC').replace(invisible, '')) {
    const code = ch.codePointAt(0) ?? 63;
    if (charset.has(code)) {
      out += ch;
      continue;
    }
    const spelledOut = spelled[ch];
    if (spelledOut !== undefined) {
      out += spelledOut;
      continue;
    }
    const base = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    out += base !== ch && [...base].every((c) => charset.has(c.codePointAt(0) ?? -1)) ? base : code < 32 ? '' : '?';
  }
  return out;
}
