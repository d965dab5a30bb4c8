/** Which email triggers an inbound recipient address reaches. Pure; the SMTP listener uses it. */

/** What an email trigger's `address` may be: a lower-case local part. */
export const emailLocalPartPattern = /^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$/;

/**
 * The trigger address a recipient reaches: the local part, lower-cased, without a `+tag`
 * (`Orders+EU@shop.example` → `orders`). Undefined for something that is not an address.
 */
export function triggerAddressOf(recipient: string): string | undefined {
  const address = recipient.trim().replace(/^<(.*)>$/, '$1');
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) return undefined;
  const local = address.slice(0, at).toLowerCase();
  const plus = local.indexOf('+');
  const base = plus === -1 ? local : local.slice(0, plus);
  return emailLocalPartPattern.test(base) ? base : undefined;
}

/** The recipients that reach `address`, in order. */
export function recipientsFor(address: string, recipients: readonly string[]): string[] {
  return recipients.filter((r) => triggerAddressOf(r) === address);
}
