import { describe, expect, it } from 'vitest';
import { FoundryError } from '../kernel/index.ts';
import { createCircuitBreakers } from './circuit-breakers.ts';
import { NonRetryableStepError } from './engine-errors.ts';

const transient = () => new FoundryError({ code: 'UPSTREAM_DOWN', status: 503, retryable: true, message: 'down' });

describe('circuit breakers', () => {
  it('opens after the threshold of consecutive retryable failures and then fails fast with CIRCUIT_OPEN', async () => {
    const breakers = createCircuitBreakers({ threshold: 3, halfOpenAfterMs: 60_000 });
    let calls = 0;
    const failing = async () => {
      calls += 1;
      throw transient();
    };
    for (let i = 0; i < 3; i++) await expect(breakers.execute('tool:crm', failing)).rejects.toMatchObject({ code: 'UPSTREAM_DOWN' });
    await expect(breakers.execute('tool:crm', failing)).rejects.toMatchObject({ code: 'CIRCUIT_OPEN', retryable: true });
    expect(calls).toBe(3);
    expect(breakers.states()).toEqual([{ name: 'tool:crm', state: 'open' }]);
  });

  it('does not count failures a retry cannot fix, and keeps breakers apart by name', async () => {
    const breakers = createCircuitBreakers({ threshold: 2 });
    for (let i = 0; i < 5; i++) {
      await expect(breakers.execute('tool:a', async () => {
        throw new NonRetryableStepError({ message: 'bad input' });
      })).rejects.toMatchObject({ code: 'STEP_FAILED_PERMANENTLY' });
    }
    await expect(breakers.execute('tool:b', async () => 'ok')).resolves.toBe('ok');
    expect(breakers.states()).toEqual([{ name: 'tool:a', state: 'closed' }, { name: 'tool:b', state: 'closed' }]);
  });

  it('closes again after a success', async () => {
    const breakers = createCircuitBreakers({ threshold: 2 });
    await expect(breakers.execute('tool:x', async () => { throw transient(); })).rejects.toBeDefined();
    await breakers.execute('tool:x', async () => 1);
    await expect(breakers.execute('tool:x', async () => { throw transient(); })).rejects.toMatchObject({ code: 'UPSTREAM_DOWN' });
    expect(breakers.states()[0]!.state).toBe('closed');
  });
});
