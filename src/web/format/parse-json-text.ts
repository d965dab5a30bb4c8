export type JsonTextResult = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * Parses what someone typed into a JSON editor; empty text is `undefined` (nothing given). The
 * failure message says where the problem is, for showing under the editor.
 *
 * @example parseJsonText('{"a": 1,}') // { ok: false, message: 'Not valid JSON: …' }
 */
export function parseJsonText(text: string): JsonTextResult {
  if (!text.trim()) return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `Not valid JSON: ${detail}` };
  }
}
