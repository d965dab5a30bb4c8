import { describe, expect, it } from 'vitest';
import { createTriggerBody, updateTriggerBody } from './trigger-schemas.ts';

const problems = (body: unknown) => {
  const parsed = createTriggerBody.safeParse(body);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('trigger bodies', () => {
  it('applies the defaults of each kind', () => {
    expect(createTriggerBody.parse({ kind: 'schedule', name: 'Nightly', config: { cron: '0 2 * * *' } }).config)
      .toEqual({ cron: '0 2 * * *', timezone: 'UTC', missed: 'run_once' });
    expect(createTriggerBody.parse({ kind: 'webhook', name: 'Orders' }).config).toEqual({});
    expect(createTriggerBody.parse({ kind: 'email', name: 'Inbox', config: { address: ' Orders ' } }).config).toEqual({ address: 'orders' });
  });

  it('names the field of each bad config', () => {
    expect(problems({ kind: 'schedule', name: 'x', config: { cron: 'every day' } })).toEqual([expect.stringMatching(/^config\.cron: /)]);
    expect(problems({ kind: 'schedule', name: 'x', config: { cron: '0 2 * * *', timezone: 'Europe/Atlantis' } })).toEqual([expect.stringMatching(/^config\.timezone: .*IANA/)]);
    expect(problems({ kind: 'schedule', name: 'x', config: { cron: '0 2 * * *', missed: 'all' } })).toEqual([expect.stringMatching(/^config\.missed: /)]);
    expect(problems({ kind: 'webhook', name: 'x', config: { inputSchema: { type: 'nonsense' } } })).toEqual([expect.stringMatching(/^config\.inputSchema: not a usable JSON Schema/)]);
    expect(problems({ kind: 'file', name: 'x', config: { path: '../etc' } })).toEqual(['config.path: must not contain ".."']);
    expect(problems({ kind: 'file', name: 'x', config: { path: '/etc' } })).toEqual([expect.stringMatching(/^config\.path: must be a folder relative/)]);
    expect(problems({ kind: 'email', name: 'x', config: { address: 'orders@shop.example' } })).toEqual([expect.stringMatching(/^config\.address: /)]);
  });

  it('refuses unknown config options and kinds', () => {
    expect(problems({ kind: 'schedule', name: 'x', config: { cron: '0 2 * * *', timeZone: 'UTC' } })).toEqual([expect.stringMatching(/^config: .*timeZone/)]);
    expect(problems({ kind: 'manual', name: 'x', config: {} })).toHaveLength(1);
  });

  it('needs something to change in an update', () => {
    expect(updateTriggerBody.safeParse({}).success).toBe(false);
    expect(updateTriggerBody.safeParse({ status: 'paused' }).success).toBe(true);
    expect(updateTriggerBody.safeParse({ status: 'stopped' }).success).toBe(false);
  });
});
