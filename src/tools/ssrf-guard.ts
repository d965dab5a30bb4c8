import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { ConfigError, FoundryError } from '../kernel/index.ts';

/** One resolved address of a hostname. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a hostname to every address it has; the guard checks all of them. */
export type HostResolver = (hostname: string) => Promise<ResolvedAddress[]>;

export interface SsrfGuardOptions {
  /**
   * Exceptions to the refusal rules, from configuration only, never from the request being checked.
   * `hosts` are hostnames compared case-insensitively (`*.internal.example` matches any subdomain);
   * an allowed host may resolve to any address. `cidrs` (`10.1.0.0/16`, `fd00::/8`) allow addresses.
   */
  allow?: { hosts?: string[]; cidrs?: string[] };
  /**
   * Test seam and custom DNS.
   * @default node:dns/promises `lookup(hostname, { all: true })`
   */
  resolve?: HostResolver;
  /**
   * Accepted URL schemes, with or without the trailing colon.
   * @default ['http:', 'https:']
   */
  protocols?: string[];
}

/** A URL that passed the guard, and the address that was checked: connect to this address only. */
export interface CheckedUrl {
  url: URL;
  address: string;
  family: 4 | 6;
}

/** Why an outbound URL was refused: a special address range (snake_case) or a URL property. */
export type RefusalReason =
  | 'protocol' | 'credentials' | 'loopback' | 'private' | 'unique_local' | 'link_local' | 'multicast'
  | 'unspecified' | 'broadcast' | 'carrier_grade_nat' | 'reserved' | 'benchmarking' | 'ipv4_embedded'
  | 'invalid_address' | (string & {});

export interface OutboundUrlRefusedDetails {
  host: string;
  address?: string;
  reason: RefusalReason;
}

/** The URL points somewhere Foundry must not connect to (status 400, category user). */
export class OutboundUrlRefusedError extends FoundryError {
  declare readonly details: OutboundUrlRefusedDetails;
  constructor(details: OutboundUrlRefusedDetails, message?: string) {
    const target = details.address === undefined ? details.host : `${details.host} (${details.address})`;
    super({
      code: 'OUTBOUND_URL_REFUSED', status: 400, category: 'user', details,
      message: message ?? `Outbound request to ${target} refused: ${details.reason.replaceAll('_', ' ')} address.`,
    });
  }
}

/** The string is not an absolute URL (status 400, category user). */
export class InvalidOutboundUrlError extends FoundryError {
  constructor(message: string, cause?: unknown) {
    super({ code: 'INVALID_URL', status: 400, category: 'user', message, cause });
  }
}

/**
 * The hostname does not resolve (status 400, category user: the URL came from a user or a tool
 * argument, and the message must reach them). Retryable only for temporary DNS failures.
 */
export class HostNotFoundError extends FoundryError {
  constructor(host: string, cause?: unknown) {
    const code = (cause as { code?: unknown } | undefined)?.code;
    super({
      code: 'HOST_NOT_FOUND', status: 400, category: 'user', details: { host }, cause,
      retryable: code === 'EAI_AGAIN',
      message: `Host ${host} could not be resolved.`,
    });
  }
}

type Address = ipaddr.IPv4 | ipaddr.IPv6;

const defaultProtocols = ['http:', 'https:'];

const defaultResolve: HostResolver = async (hostname) => {
  const found = await lookup(hostname, { all: true, verbatim: true });
  return found.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
};

const ipv4Compatible = ipaddr.parseCIDR('::/96');
const nat64WellKnown = ipaddr.parseCIDR('64:ff9b::/96');

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The reason an address is refused, or undefined when it is an ordinary public unicast address. */
export function classifyAddress(address: string): RefusalReason | undefined {
  if (isIP(address) === 0) return 'invalid_address';
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv4') return rangeReason((parsed as ipaddr.IPv4).range());
  const v6 = parsed as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return rangeReason(v6.toIPv4Address().range());
  if (v6.match(nat64WellKnown)) return rangeReason(embeddedIPv4(v6).range());
  if (v6.match(ipv4Compatible) && !['::', '::1'].includes(v6.toString())) return 'ipv4_embedded';
  const range = v6.range();
  if (range === '6to4' || range === 'teredo' || range === 'rfc6145' || range === 'rfc6052') return 'ipv4_embedded';
  return rangeReason(range);
}

function rangeReason(range: string): RefusalReason | undefined {
  return range === 'unicast' ? undefined : snake(range);
}

function embeddedIPv4(v6: ipaddr.IPv6): ipaddr.IPv4 {
  const bytes = v6.toByteArray().slice(12);
  return new ipaddr.IPv4(bytes);
}

/**
 * Checks an outbound URL before Foundry connects to it: the scheme must be allowed, the URL must
 * carry no credentials (put them in headers, where they are not logged with the URL), and every
 * address the host resolves to must be public unicast. Loopback, private, link-local (including
 * the cloud metadata services 169.254.169.254 and fd00:ec2::254), multicast, unspecified,
 * broadcast, carrier-grade NAT, reserved, documentation and benchmarking ranges are refused, as
 * are IPv6 forms that embed an IPv4 address which would be refused. `allow` overrides by host or
 * by CIDR. IP literals are not resolved; WHATWG URL parsing has already normalised
 * `http://2130706433/` and `http://0x7f.1/` to `127.0.0.1`.
 *
 * Connect to the returned `address`, never to the hostname again: a second resolution could
 * answer differently (DNS rebinding). `guardedFetch` does this.
 *
 * @example
 * const { url, address } = await checkOutboundUrl('https://example.com/a', { allow: { cidrs: config.ssrfAllow } });
 */
export async function checkOutboundUrl(input: string | URL, options: SsrfGuardOptions = {}): Promise<CheckedUrl> {
  const url = parseUrl(input);
  const host = hostOf(url);
  const protocols = (options.protocols ?? defaultProtocols).map((p) => (p.endsWith(':') ? p : `${p}:`).toLowerCase());
  if (!protocols.includes(url.protocol)) {
    throw new OutboundUrlRefusedError({ host, reason: 'protocol' }, `Outbound URL scheme ${url.protocol} is not allowed; use ${protocols.join(' or ')}.`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new OutboundUrlRefusedError({ host, reason: 'credentials' }, 'Outbound URLs must not contain credentials; send them in a header instead.');
  }
  if (host === '') throw new InvalidOutboundUrlError('Outbound URL has no host.');

  const addresses = await resolveHost(host, options.resolve ?? defaultResolve);
  if (!hostAllowed(host, options.allow?.hosts ?? [])) {
    const cidrs = parseCidrs(options.allow?.cidrs ?? []);
    for (const { address } of addresses) {
      const reason = classifyAddress(address);
      if (reason !== undefined && !cidrAllowed(address, cidrs)) throw new OutboundUrlRefusedError({ host, address, reason });
    }
  }
  const [first] = addresses as [ResolvedAddress, ...ResolvedAddress[]];
  return { url, address: first.address, family: first.family };
}

function parseUrl(input: string | URL): URL {
  try {
    return new URL(input);
  } catch (cause) {
    throw new InvalidOutboundUrlError('Outbound URL is not a valid absolute URL.', cause);
  }
}

/** The hostname without IPv6 brackets or a trailing dot, lower-cased. */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '').toLowerCase();
}

async function resolveHost(host: string, resolve: HostResolver): Promise<ResolvedAddress[]> {
  const literal = isIP(host);
  if (literal !== 0) return [{ address: host, family: literal === 6 ? 6 : 4 }];
  let found: ResolvedAddress[];
  try {
    found = await resolve(host);
  } catch (cause) {
    throw new HostNotFoundError(host, cause);
  }
  if (found.length === 0) throw new HostNotFoundError(host);
  return found;
}

function hostAllowed(host: string, patterns: string[]): boolean {
  return patterns.some((raw) => {
    const pattern = raw.replace(/\.$/, '').toLowerCase();
    return pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern;
  });
}

function parseCidrs(cidrs: string[]): [Address, number][] {
  return cidrs.map((cidr) => {
    try {
      return ipaddr.parseCIDR(cidr);
    } catch (cause) {
      throw new ConfigError({ message: `SSRF allow-list entry ${cidr} is not a CIDR range.`, cause });
    }
  });
}

function cidrAllowed(address: string, cidrs: [Address, number][]): boolean {
  if (isIP(address) === 0) return false;
  const parsed = ipaddr.parse(address);
  const forms: Address[] = [parsed];
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) forms.push((parsed as ipaddr.IPv6).toIPv4Address());
  return cidrs.some(([range, bits]) => forms.some((form) => form.kind() === range.kind() && form.match(range, bits)));
}
