import type { AutomaticTriggerKind as TriggerKind, CreateTriggerBody, Trigger } from '../api-types.ts';
import { parseJsonText } from './parse-json-text.ts';

/** What the add-trigger form holds, whatever the kind (only the chosen kind's fields are sent). */
export interface TriggerFormValues {
  kind: TriggerKind;
  name: string;
  cron: string;
  timezone: string;
  missed: 'run_once' | 'skip';
  inputSchema: string;
  path: string;
  pattern: string;
  address: string;
}

export const triggerKindLabels: Record<TriggerKind, string> = { schedule: 'Schedule', webhook: 'Webhook', file: 'Watched folder', email: 'Email' };

/** The form's fields that can carry an error, by the API's field path (`config.cron` → `cron`). */
export type TriggerField = 'name' | 'cron' | 'timezone' | 'missed' | 'inputSchema' | 'path' | 'pattern' | 'address';
const fields: readonly TriggerField[] = ['name', 'cron', 'timezone', 'missed', 'inputSchema', 'path', 'pattern', 'address'];

export function emptyTriggerForm(kind: TriggerKind = 'schedule', timezone = 'UTC'): TriggerFormValues {
  return { kind, name: '', cron: '', timezone, missed: 'run_once', inputSchema: '', path: '', pattern: '', address: '' };
}

/**
 * The `POST /api/workflows/:id/triggers` body for the form, or the problems the browser can tell
 * without asking (a missing name, JSON that does not parse); the server checks the rest.
 */
export function triggerBodyOf(values: TriggerFormValues): { ok: true; body: CreateTriggerBody } | { ok: false; errors: Partial<Record<TriggerField, string>> } {
  const errors: Partial<Record<TriggerField, string>> = {};
  const name = values.name.trim();
  if (!name) errors.name = 'Give the trigger a name.';
  let body: CreateTriggerBody | undefined;
  switch (values.kind) {
    case 'schedule':
      if (!values.cron.trim()) errors.cron = 'Enter a cron expression, e.g. 0 9 * * 1-5.';
      body = { kind: 'schedule', name, config: { cron: values.cron.trim(), timezone: values.timezone.trim() || 'UTC', missed: values.missed } };
      break;
    case 'webhook': {
      const text = values.inputSchema.trim();
      if (!text) {
        body = { kind: 'webhook', name, config: {} };
        break;
      }
      const parsed = parseJsonText(text);
      if (!parsed.ok) errors.inputSchema = parsed.message;
      else if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) errors.inputSchema = 'The schema must be a JSON object.';
      else body = { kind: 'webhook', name, config: { inputSchema: parsed.value as Record<string, unknown> } };
      break;
    }
    case 'file': {
      const pattern = values.pattern.trim();
      body = { kind: 'file', name, config: { path: values.path.trim(), ...(pattern ? { pattern } : {}) } };
      break;
    }
    case 'email':
      if (!values.address.trim()) errors.address = 'Enter the local part of the address, e.g. orders.';
      body = { kind: 'email', name, config: { address: values.address.trim() } };
      break;
  }
  if (Object.keys(errors).length > 0 || !body) return { ok: false, errors };
  return { ok: true, body };
}

/**
 * Splits the API's validation details (`[{path: "config.cron", message}]`) into messages for the
 * form's fields and the rest, which the form shows above its buttons.
 */
export function triggerFieldErrors(fieldErrors: Record<string, string>): { byField: Partial<Record<TriggerField, string>>; other: string[] } {
  const byField: Partial<Record<TriggerField, string>> = {};
  const other: string[] = [];
  for (const [path, message] of Object.entries(fieldErrors)) {
    const key = path.replace(/^config\./, '').split('.')[0] ?? '';
    const field = fields.find((f) => f === key);
    if (field && !byField[field]) byField[field] = message;
    else other.push(`${path}: ${message}`);
  }
  return { byField, other };
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

/** One line on what the trigger listens to: "*\/5 * * * * · Europe/Paris", "orders/in · *.csv". */
export function describeTriggerConfig(trigger: Pick<Trigger, 'kind' | 'config'>): string {
  const c = trigger.config;
  switch (trigger.kind) {
    case 'schedule': {
      const missed = c['missed'] === 'skip' ? 'missed firings skipped' : 'a missed firing runs once';
      return [text(c['cron']) ?? '?', text(c['timezone']) ?? 'UTC', missed].join(' · ');
    }
    case 'webhook': return c['inputSchema'] === undefined ? 'Any JSON payload' : 'Payload checked against a JSON Schema';
    case 'file': return [`watch/${text(c['path']) ?? ''}`, text(c['pattern']) ?? 'every file'].join(' · ');
    case 'email': return `${text(c['address']) ?? '?'}@… (any domain)`;
  }
}

/** The full address a sender posts to. */
export function webhookUrl(origin: string, path: string): string {
  return `${origin.replace(/\/+$/, '')}${path}`;
}

/** The signing recipe of docs/workflows.md, with this trigger's URL and secret filled in. */
export function signingRecipe(url: string, secret: string): string {
  return [
    `SECRET='${secret}'`,
    `URL='${url}'`,
    `BODY='{"hello":"world"}'`,
    'TS=$(date +%s)',
    `SIG=$(printf '%s.%s' "$TS" "$BODY" | openssl dgst -sha256 -hmac "$SECRET" -hex | sed 's/^.*= //')`,
    'curl -sS -X POST "$URL" \\',
    `  -H 'Content-Type: application/json' \\`,
    '  -H "X-Foundry-Timestamp: $TS" \\',
    '  -H "X-Foundry-Signature: sha256=$SIG" \\',
    '  --data-binary "$BODY"',
  ].join('\n');
}
