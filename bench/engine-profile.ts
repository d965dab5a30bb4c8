import pg from 'pg';

/**
 * Counts the transactions this process sends to PostgreSQL, by what sends them, so the engine
 * benchmark can say where its commits go. It wraps pg.Client#query, which every pool in the
 * process uses (Foundry's, the event bus's and pg-boss's). A transaction is a BEGIN … COMMIT
 * block or a statement sent outside one (autocommit); it is labelled by its first statement.
 */

export interface TransactionCount {
  label: string;
  /** True when the transaction wrote something (a NOTIFY, or a statement that changed rows): its commit waits for a WAL flush. */
  writes: boolean;
  count: number;
  /** Round trips: every statement, BEGIN and COMMIT included. */
  statements: number;
  /** The first statement of one such transaction (shortened), to check the label. */
  sample: string;
}

interface Rule { label: string; test: RegExp }

/** First match wins; tested against the first statement of the transaction (lower case, whitespace squeezed). */
const rules: Rule[] = [
  { label: 'driver: batch (foundry_commit_batches: step outcomes + starts + events, grouped across runs)', test: /^select foundry_commit_batches/ },
  { label: 'driver: heartbeat (extend lease)', test: /^update "workflow_runs" set "lease_expires_at" = now\(\)/ },
  { label: 'driver: heartbeat (extend locks)', test: /^update "workflow_locks" set "expires_at"/ },
  { label: 'worker: claim run (take lease)', test: /^update "workflow_runs" set "lease_owner" = \$1, "lease_expires_at" = now\(\)/ },
  { label: 'driver: release lease', test: /^update "workflow_runs" set "lease_owner" = \$1, "lease_expires_at" = \$2 where/ },
  { label: 'driver: load (mark lost attempts)', test: /^update "workflow_attempts" set "status" = \$1, "error"/ },
  { label: 'start run (foundry_insert_run: run, steps, event, audit, notice)', test: /^(select foundry_insert_run|insert into "workflow_runs")/ },
  { label: 'event bus: pg_notify after commit', test: /^select pg_notify/ },
  { label: 'pg-boss: fetch job (poll)', test: /^with next as \( select j\.id from pgboss\./ },
  { label: 'pg-boss: complete job', test: /^with results as \( update pgboss\.\w+ set completed_on/ },
  { label: 'pg-boss: other', test: /pgboss|pg-boss/ },
  { label: 'driver: refresh run (read)', test: /^select .* from "workflow_runs" where "workflow_runs"\."id" = \$1$/ },
  { label: 'reads: steps/attempts', test: /^select .* from "workflow_(steps|attempts)"/ },
  { label: 'reads: other', test: /^select/ },
];

function classify(text: string): { label: string } {
  const t = text.replace(/\s+/g, ' ').trim().toLowerCase();
  for (const rule of rules) if (rule.test.test(t)) return rule;
  return { label: `other: ${t.slice(0, 70)}` };
}

interface Open { first?: string; statements: number; wrote: boolean }

const counts = new Map<string, TransactionCount>();
let installed = false;
let enabled = false;

function record(first: string | undefined, statements: number, wrote: boolean): void {
  if (!enabled || first === undefined) return;
  const { label } = classify(first);
  const key = `${label}\u0000${wrote}`;
  const entry = counts.get(key) ?? { label: wrote ? label : `${label} (wrote nothing)`, writes: wrote, count: 0, statements: 0, sample: first.replace(/\s+/g, ' ').trim().slice(0, 160) };
  entry.count += 1;
  entry.statements += statements;
  counts.set(key, entry);
}

/**
 * Whether a statement's result shows it wrote: a NOTIFY (it takes a transaction id, so its commit
 * is flushed), or an INSERT/UPDATE/DELETE (also inside WITH) that touched at least one row. An
 * UPDATE that matched nothing takes no transaction id and its commit is not flushed.
 */
function wrote(text: string, result: unknown): boolean {
  // The batch and insert functions always write: the run row at least.
  if (/pg_notify|^\s*notify|foundry_commit_batches|foundry_insert_run/i.test(text)) return true;
  const r = result as { command?: string; rowCount?: number | null } | undefined;
  if (r === undefined || r === null) return false;
  const results = Array.isArray(r) ? r as { command?: string; rowCount?: number | null }[] : [r];
  // pg-boss changes jobs in WITH … UPDATE … RETURNING, answered as a SELECT: rows back means rows changed.
  const dataModifyingWith = /^\s*with\b[\s\S]*\b(update|insert|delete)\b/i.test(text);
  return results.some((x) => (['INSERT', 'UPDATE', 'DELETE', 'MERGE'].includes(x.command ?? '') || (dataModifyingWith && x.command === 'SELECT')) && (x.rowCount ?? 0) > 0);
}

/** Installs the counter once (idempotent). Counting is off until `startCounting()`. */
export function installTransactionCounter(): void {
  if (installed) return;
  installed = true;
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  const states = new WeakMap<object, { open?: Open }>();
  proto.query = function (this: object, ...args: unknown[]) {
    const first = args[0];
    const text = typeof first === 'string' ? first : (first as { text?: string } | null)?.text;
    if (typeof text !== 'string') return original.apply(this, args);
    const state = states.get(this) ?? {};
    states.set(this, state);
    const t = text.trim().toLowerCase();
    let onResult: (result: unknown) => void = () => {};
    if (t === 'begin' || t.startsWith('begin ') || t.startsWith('start transaction')) state.open = { statements: 0, wrote: false };
    else if (t.startsWith('commit') || t.startsWith('rollback')) {
      const open = state.open;
      state.open = undefined;
      onResult = () => {
        if (open) record(open.first, open.statements + 2, open.wrote && t.startsWith('commit'));
      };
    } else if (state.open) {
      const open = state.open;
      open.first ??= text;
      open.statements += 1;
      onResult = (result) => { open.wrote ||= wrote(text, result); };
    } else onResult = (result) => record(text, 1, wrote(text, result));
    const callback = args.findLastIndex((a) => typeof a === 'function');
    if (callback >= 0) {
      const cb = args[callback] as (error: unknown, result: unknown) => void;
      args[callback] = (error: unknown, result: unknown) => {
        if (!error) onResult(result);
        cb(error, result);
      };
      return original.apply(this, args);
    }
    const returned = original.apply(this, args);
    if (returned && typeof (returned as Promise<unknown>).then === 'function') (returned as Promise<unknown>).then(onResult, () => undefined);
    return returned;
  };
}

export function startCounting(): void {
  counts.clear();
  enabled = true;
}

export function stopCounting(): TransactionCount[] {
  enabled = false;
  return [...counts.values()].sort((a, b) => b.count - a.count);
}
