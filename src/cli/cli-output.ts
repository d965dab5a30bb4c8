import { FoundryError } from '../kernel/index.ts';

/** Wraps a command action so a failure prints (fail) and sets the exit code; commands.ts makes it. */
export type ActionWrapper = <A extends unknown[]>(fn: (...args: A) => Promise<void>) => (...args: A) => Promise<void>;

export interface OutputOptions {
  json?: boolean;
}

/** Prints a result: JSON for scripts, or a human line/table. */
export function print(value: unknown, { json }: OutputOptions, human: () => string): void {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
}

export function table(rows: Record<string, unknown>[], columns: string[]): string {
  if (rows.length === 0) return '(none)';
  const cells = rows.map((r) => columns.map((c) => String(r[c] ?? '')));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i]!.length)));
  const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(columns.map((c) => c.toUpperCase())), ...cells.map(line)].join('\n');
}

/** Reports a failure and sets the exit code; known errors print their code, others a short message. */
export function fail(error: unknown, { json }: OutputOptions): void {
  const body = FoundryError.isInstance(error)
    ? error.toJSON()
    : { code: (error as { code?: string }).code ?? 'ERROR', message: error instanceof Error ? error.message : String(error) };
  if (json) process.stdout.write(`${JSON.stringify({ error: body }, null, 2)}\n`);
  else process.stderr.write(`error: ${body.message} (${body.code})\n`);
  process.exitCode = 1;
}
