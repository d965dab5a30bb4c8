import { describe, expect, it } from 'vitest';
import { ConfigError } from '../kernel/index.ts';
import {
  checkOutboundUrl, HostNotFoundError, InvalidOutboundUrlError, OutboundUrlRefusedError, type HostResolver,
  type ResolvedAddress,
} from './ssrf-guard.ts';

const resolver = (table: Record<string, ResolvedAddress[]>): HostResolver => async (hostname) => {
  const found = table[hostname];
  if (found === undefined) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  return found;
};
const v4 = (address: string): ResolvedAddress => ({ address, family: 4 });
const v6 = (address: string): ResolvedAddress => ({ address, family: 6 });
const noDns: HostResolver = async (hostname) => { throw new Error(`unexpected resolution of ${hostname}`); };

async function refusal(url: string, options = {}): Promise<OutboundUrlRefusedError> {
  const error: unknown = await checkOutboundUrl(url, { resolve: noDns, ...options }).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(OutboundUrlRefusedError);
  return error as OutboundUrlRefusedError;
}

describe('checkOutboundUrl: refused addresses', () => {
  const literals: [string, string, string][] = [
    ['http://127.0.0.1/', '127.0.0.1', 'loopback'],
    ['http://127.1.2.3:8080/', '127.1.2.3', 'loopback'],
    ['http://10.0.0.1/', '10.0.0.1', 'private'],
    ['http://172.16.0.1/', '172.16.0.1', 'private'],
    ['http://172.31.255.255/', '172.31.255.255', 'private'],
    ['http://192.168.1.1/', '192.168.1.1', 'private'],
    ['http://169.254.169.254/latest/meta-data/', '169.254.169.254', 'link_local'],
    ['http://169.254.0.1/', '169.254.0.1', 'link_local'],
    ['http://224.0.0.1/', '224.0.0.1', 'multicast'],
    ['http://239.255.255.250/', '239.255.255.250', 'multicast'],
    ['http://0.0.0.0/', '0.0.0.0', 'unspecified'],
    ['http://0.1.2.3/', '0.1.2.3', 'unspecified'],
    ['http://255.255.255.255/', '255.255.255.255', 'broadcast'],
    ['http://100.64.0.1/', '100.64.0.1', 'carrier_grade_nat'],
    ['http://100.127.255.254/', '100.127.255.254', 'carrier_grade_nat'],
    ['http://192.0.0.1/', '192.0.0.1', 'reserved'],
    ['http://192.0.2.10/', '192.0.2.10', 'reserved'],
    ['http://198.51.100.7/', '198.51.100.7', 'reserved'],
    ['http://203.0.113.9/', '203.0.113.9', 'reserved'],
    ['http://198.18.0.1/', '198.18.0.1', 'reserved'],
    ['http://240.0.0.1/', '240.0.0.1', 'reserved'],
    ['http://[::1]/', '::1', 'loopback'],
    ['http://[::]/', '::', 'unspecified'],
    ['http://[fc00::1]/', 'fc00::1', 'unique_local'],
    ['http://[fd00:ec2::254]/', 'fd00:ec2::254', 'unique_local'],
    ['http://[fe80::1]/', 'fe80::1', 'link_local'],
    ['http://[ff02::1]/', 'ff02::1', 'multicast'],
    ['http://[2001:db8::1]/', '2001:db8::1', 'reserved'],
    ['http://[2001:2::1]/', '2001:2::1', 'benchmarking'],
    ['http://[fec0::1]/', 'fec0::1', 'deprecated_site_local'],
  ];
  it.each(literals)('refuses %s', async (url, address, reason) => {
    const error = await refusal(url);
    expect(error.details).toEqual({ host: address, address, reason });
    expect(error).toMatchObject({ code: 'OUTBOUND_URL_REFUSED', status: 400, category: 'user' });
  });

  const disguised: [string, string][] = [
    ['http://2130706433/', 'loopback'],
    ['http://0x7f.1/', 'loopback'],
    ['http://0177.0.0.1/', 'loopback'],
    ['http://0x7f000001/', 'loopback'],
    ['http://127.1/', 'loopback'],
    ['http://0xa9fea9fe/', 'link_local'],
    ['http://012.0.0.1/', 'private'],
    ['http://[::ffff:127.0.0.1]/', 'loopback'],
    ['http://[::ffff:169.254.169.254]/', 'link_local'],
    ['http://[::ffff:a00:1]/', 'private'],
    ['http://[64:ff9b::a9fe:a9fe]/', 'link_local'],
    ['http://[::127.0.0.1]/', 'ipv4_embedded'],
    ['http://[2002:7f00:1::]/', 'ipv4_embedded'],
    ['http://[2001::1]/', 'ipv4_embedded'],
  ];
  it.each(disguised)('refuses the disguised address %s', async (url, reason) => {
    expect((await refusal(url)).details.reason).toBe(reason);
  });

  it('refuses a hostname resolving to a private address, without touching real DNS', async () => {
    const error = await refusal('https://intranet.test/', { resolve: resolver({ 'intranet.test': [v4('10.1.2.3')] }) });
    expect(error.details).toEqual({ host: 'intranet.test', address: '10.1.2.3', reason: 'private' });
  });

  it('refuses when any resolved address is private, even after a public one', async () => {
    const resolve = resolver({ 'mixed.test': [v4('93.184.215.14'), v6('fd12::1')] });
    expect((await refusal('https://mixed.test/', { resolve })).details).toMatchObject({ address: 'fd12::1', reason: 'unique_local' });
  });

  it('refuses a resolver answer that is not an IP address', async () => {
    const resolve = resolver({ 'odd.test': [v4('not-an-ip')] });
    expect((await refusal('https://odd.test/', { resolve })).details.reason).toBe('invalid_address');
  });
});

describe('checkOutboundUrl: accepted URLs', () => {
  it('returns the first checked address of a public host', async () => {
    const resolve = resolver({ 'example.test': [v6('2606:4700::1'), v4('93.184.215.14')] });
    const checked = await checkOutboundUrl('https://Example.test/path?q=1', { resolve });
    expect(checked).toMatchObject({ address: '2606:4700::1', family: 6 });
    expect(checked.url.href).toBe('https://example.test/path?q=1');
  });

  it('accepts public IP literals without resolving them', async () => {
    expect(await checkOutboundUrl('http://8.8.8.8/', { resolve: noDns })).toMatchObject({ address: '8.8.8.8', family: 4 });
    expect(await checkOutboundUrl('http://[2606:4700::1111]/', { resolve: noDns })).toMatchObject({ address: '2606:4700::1111', family: 6 });
    expect(await checkOutboundUrl('http://[64:ff9b::808:808]/', { resolve: noDns })).toMatchObject({ family: 6 });
  });

  it('allows a configured host, whatever it resolves to', async () => {
    const resolve = resolver({ 'db.internal': [v4('10.0.0.5')], 'api.corp.internal': [v4('10.0.0.6')], 'other.test': [v4('10.0.0.7')] });
    const allow = { hosts: ['DB.internal.', '*.corp.internal'] };
    expect(await checkOutboundUrl('http://db.internal/', { resolve, allow })).toMatchObject({ address: '10.0.0.5' });
    expect(await checkOutboundUrl('http://api.corp.internal/', { resolve, allow })).toMatchObject({ address: '10.0.0.6' });
    await expect(checkOutboundUrl('http://other.test/', { resolve, allow })).rejects.toBeInstanceOf(OutboundUrlRefusedError);
    await expect(checkOutboundUrl('http://corp.internal.evil.test/', { resolve: resolver({ 'corp.internal.evil.test': [v4('10.0.0.8')] }), allow }))
      .rejects.toBeInstanceOf(OutboundUrlRefusedError);
  });

  it('allows configured CIDRs, v4 and v6, and mapped v4 against v4 ranges', async () => {
    const allow = { cidrs: ['127.0.0.0/8', '10.20.0.0/16', 'fd00::/8'] };
    expect(await checkOutboundUrl('http://127.0.0.1:3000/', { allow })).toMatchObject({ address: '127.0.0.1' });
    expect(await checkOutboundUrl('http://[::ffff:127.0.0.1]/', { allow })).toMatchObject({ family: 6 });
    expect(await checkOutboundUrl('http://[fd00:ec2::254]/', { allow })).toMatchObject({ address: 'fd00:ec2::254' });
    const resolve = resolver({ 'svc.test': [v4('10.20.1.1'), v4('10.30.1.1')] });
    expect((await refusal('http://svc.test/', { resolve, allow })).details.address).toBe('10.30.1.1');
  });

  it('rejects a malformed allow-list CIDR as a configuration error', async () => {
    await expect(checkOutboundUrl('http://10.0.0.1/', { allow: { cidrs: ['10.0.0.0/99'] } })).rejects.toBeInstanceOf(ConfigError);
  });
});

describe('checkOutboundUrl: URL and DNS errors', () => {
  it.each(['not a url', '/relative/path', 'http://', ''])('rejects the bad URL %j', async (url) => {
    await expect(checkOutboundUrl(url, { resolve: noDns })).rejects.toMatchObject({ code: 'INVALID_URL', status: 400 });
    await expect(checkOutboundUrl(url, { resolve: noDns })).rejects.toBeInstanceOf(InvalidOutboundUrlError);
  });

  it.each(['file:///etc/passwd', 'ftp://example.test/', 'gopher://127.0.0.1:6379/_', 'data:text/plain,hi', 'javascript:alert(1)'])(
    'refuses the scheme of %s', async (url) => {
      expect((await refusal(url)).details.reason).toBe('protocol');
    },
  );

  it('accepts configured protocols, with or without the colon', async () => {
    const resolve = resolver({ 'socket.test': [v4('93.184.215.14')] });
    expect(await checkOutboundUrl('wss://socket.test/', { resolve, protocols: ['wss'] })).toMatchObject({ address: '93.184.215.14' });
    expect((await refusal('https://socket.test/', { resolve, protocols: ['wss:'] })).details.reason).toBe('protocol');
  });

  it('refuses credentials in the URL', async () => {
    const error = await refusal('https://user:secret@example.test/');
    expect(error.details).toEqual({ host: 'example.test', reason: 'credentials' });
    expect(error.message).not.toContain('secret');
  });

  it('reports an unresolvable host as HOST_NOT_FOUND, retryable only on temporary failure', async () => {
    const missing = await checkOutboundUrl('https://missing.test/', { resolve: resolver({}) }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(HostNotFoundError);
    expect(missing).toMatchObject({ code: 'HOST_NOT_FOUND', status: 400, retryable: false, details: { host: 'missing.test' } });
    const flaky: HostResolver = async () => { throw Object.assign(new Error('temporary'), { code: 'EAI_AGAIN' }); };
    await expect(checkOutboundUrl('https://flaky.test/', { resolve: flaky })).rejects.toMatchObject({ retryable: true });
    await expect(checkOutboundUrl('https://empty.test/', { resolve: async () => [] })).rejects.toBeInstanceOf(HostNotFoundError);
  });
});
