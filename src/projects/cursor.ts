import { ValidationError } from '../kernel/index.ts';

/** Opaque keyset cursors: base64url of a JSON tuple, so clients never build them by hand. */
export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor<T extends (string | number)[]>(cursor: string, shape: ('string' | 'number')[]): T {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === shape.length && values.every((v, i) => typeof v === shape[i])) return values as T;
  } catch {
    // fall through to the error below
  }
  throw new ValidationError({ code: 'INVALID_CURSOR', message: 'The cursor is not one this server issued.' });
}
