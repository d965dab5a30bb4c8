import { describe, expect, it } from 'vitest';
import { describeTriggerConfig, emptyTriggerForm, signingRecipe, triggerBodyOf, triggerFieldErrors, webhookUrl } from './trigger-config.ts';

describe('triggerBodyOf', () => {
  it('sends only the chosen kind\'s config, trimmed', () => {
    const form = { ...emptyTriggerForm('schedule', 'Europe/Paris'), name: ' Every 5 ', cron: ' */5 * * * * ', address: 'ignored' };
    expect(triggerBodyOf(form)).toEqual({ ok: true, body: { kind: 'schedule', name: 'Every 5', config: { cron: '*/5 * * * *', timezone: 'Europe/Paris', missed: 'run_once' } } });
    expect(triggerBodyOf({ ...emptyTriggerForm('file'), name: 'Drop', path: 'orders/in' })).toEqual({ ok: true, body: { kind: 'file', name: 'Drop', config: { path: 'orders/in' } } });
    expect(triggerBodyOf({ ...emptyTriggerForm('email'), name: 'Mail', address: 'orders' })).toEqual({ ok: true, body: { kind: 'email', name: 'Mail', config: { address: 'orders' } } });
  });

  it('sends a webhook without a schema as an empty config, and parses a given one', () => {
    expect(triggerBodyOf({ ...emptyTriggerForm('webhook'), name: 'Hook' })).toEqual({ ok: true, body: { kind: 'webhook', name: 'Hook', config: {} } });
    const withSchema = triggerBodyOf({ ...emptyTriggerForm('webhook'), name: 'Hook', inputSchema: '{"type":"object"}' });
    expect(withSchema).toEqual({ ok: true, body: { kind: 'webhook', name: 'Hook', config: { inputSchema: { type: 'object' } } } });
  });

  it('names what the browser can tell is missing or malformed', () => {
    const result = triggerBodyOf(emptyTriggerForm('schedule'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['cron', 'name']);
    const bad = triggerBodyOf({ ...emptyTriggerForm('webhook'), name: 'Hook', inputSchema: '[1]' });
    expect(bad).toEqual({ ok: false, errors: { inputSchema: 'The schema must be a JSON object.' } });
    const unparsable = triggerBodyOf({ ...emptyTriggerForm('webhook'), name: 'Hook', inputSchema: '{' });
    expect(!unparsable.ok && unparsable.errors.inputSchema).toMatch(/^Not valid JSON/);
  });
});

describe('triggerFieldErrors', () => {
  it('places config paths on their fields and keeps the rest', () => {
    expect(triggerFieldErrors({ 'config.cron': 'bad cron', name: 'Too short', 'config.timeZone': 'Unrecognized key', kind: 'Invalid' })).toEqual({
      byField: { cron: 'bad cron', name: 'Too short' },
      other: ['config.timeZone: Unrecognized key', 'kind: Invalid'],
    });
  });
});

describe('describeTriggerConfig', () => {
  it('says in one line what each kind listens to', () => {
    expect(describeTriggerConfig({ kind: 'schedule', config: { cron: '*/5 * * * *', timezone: 'Europe/Paris', missed: 'skip' } }))
      .toBe('*/5 * * * * · Europe/Paris · missed firings skipped');
    expect(describeTriggerConfig({ kind: 'webhook', config: {} })).toBe('Any JSON payload');
    expect(describeTriggerConfig({ kind: 'file', config: { path: 'orders/in', pattern: '*.csv' } })).toBe('watch/orders/in · *.csv');
    expect(describeTriggerConfig({ kind: 'email', config: { address: 'orders' } })).toBe('orders@… (any domain)');
  });
});

describe('webhook helpers', () => {
  it('joins the origin and path, and fills the signing recipe', () => {
    const url = webhookUrl('http://localhost:3000/', '/api/hooks/abc');
    expect(url).toBe('http://localhost:3000/api/hooks/abc');
    const recipe = signingRecipe(url, 'whsec_x');
    expect(recipe).toContain("SECRET='whsec_x'");
    expect(recipe).toContain(`URL='${url}'`);
    expect(recipe).toContain('openssl dgst -sha256 -hmac "$SECRET" -hex');
    expect(recipe).toContain('X-Foundry-Signature: sha256=$SIG');
  });
});
