import { describe, expect, it } from 'vitest';
import { recipientsFor, triggerAddressOf } from './email-recipients.ts';

describe('email recipients', () => {
  it('reaches a trigger by the local part, whatever the domain and case', () => {
    expect(triggerAddressOf('orders@shop.example')).toBe('orders');
    expect(triggerAddressOf('Orders@Other.Example')).toBe('orders');
    expect(triggerAddressOf('<orders@localhost>')).toBe('orders');
    expect(triggerAddressOf('support.eu@x.y')).toBe('support.eu');
  });

  it('ignores a +tag', () => {
    expect(triggerAddressOf('orders+eu-42@shop.example')).toBe('orders');
  });

  it('finds no trigger address in what is not an address', () => {
    for (const value of ['orders', '@shop.example', 'orders@', '', '"odd name"@x.y', '.dot@x.y', 'a b@x.y']) {
      expect(triggerAddressOf(value), value).toBeUndefined();
    }
  });

  it('picks the recipients that reach an address', () => {
    expect(recipientsFor('orders', ['orders@a.example', 'billing@a.example', 'ORDERS+x@b.example', 'orders.old@a.example']))
      .toEqual(['orders@a.example', 'ORDERS+x@b.example']);
  });
});
