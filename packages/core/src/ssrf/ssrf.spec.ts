import { describe, expect, it } from 'vitest';
import { InvalidAddressError } from '../errors';
import { checkHostLiteral } from './check-host-literal';
import { classifyAddress, isForbiddenAddress } from './classify-address';
import { parseHostLiteral } from './parse-host-literal';

describe('parseHostLiteral', () => {
  it.each([
    ['127.0.0.1', '127.0.0.1'],
    ['2130706433', '127.0.0.1'],
    ['0177.0.0.1', '127.0.0.1'],
    ['0x7f000001', '127.0.0.1'],
    ['0x7f.1', '127.0.0.1'],
    ['017700000001', '127.0.0.1'],
    ['127.1', '127.0.0.1'],
    ['10.1.1', '10.1.0.1'],
    ['127.0.0.1.', '127.0.0.1'],
    ['[::1]', '::1'],
    ['::FFFF:127.0.0.1', '::ffff:7f00:1'],
    ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
    ['fe80::1%eth0', 'fe80::1'],
    ['1:0:0:2:0:0:0:3', '1:0:0:2::3'],
    ['0:0:0:0:0:0:0:0', '::'],
  ])('%s → %s', (host, canonical) => {
    expect(parseHostLiteral(host)).toBe(canonical);
  });

  it.each([
    'example.com',
    'localhost',
    '256.0.0.1',
    '1.2.3.4.5',
    '08.0.0.1',
    '4294967296',
    '1:2:3:4:5:6:7:8:9',
    ':::',
    '1::2::3',
    '',
    '[::1',
  ])('%j is a name, not a literal', (host) => {
    expect(parseHostLiteral(host)).toBeUndefined();
  });

  it('agrees with the WHATWG URL parser on the IPv4 forms', () => {
    for (const host of [
      '2130706433',
      '0177.0.0.1',
      '0x7f000001',
      '127.1',
      '0x7f.1',
      '017700000001',
      '1.2.3',
    ]) {
      expect(parseHostLiteral(host)).toBe(new URL(`http://${host}/`).hostname);
    }
  });
});

describe('checkHostLiteral', () => {
  it('judges a literal host as written, brackets and all', () => {
    expect(checkHostLiteral('[::1]')).toEqual({ address: '::1', forbidden: true });
    expect(checkHostLiteral('0x7f.1')).toEqual({ address: '127.0.0.1', forbidden: true });
    expect(checkHostLiteral('93.184.215.14')).toEqual({ address: '93.184.215.14', forbidden: false });
  });

  it('leaves a name to DNS', () => {
    expect(checkHostLiteral('example.com')).toBeUndefined();
    expect(checkHostLiteral('localhost')).toBeUndefined();
  });
});

describe('classifyAddress', () => {
  it.each([
    ['8.8.8.8', 'public'],
    ['1.1.1.1', 'public'],
    ['2606:4700:4700::1111', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['2130706433', 'loopback'],
    ['0177.0.0.1', 'loopback'],
    ['0x7f000001', 'loopback'],
    ['127.1', 'loopback'],
    ['::1', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['::', 'unspecified'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['100.127.255.255', 'private'],
    ['100.128.0.1', 'public'],
    ['169.254.169.254', 'metadata'],
    ['100.100.100.200', 'metadata'],
    ['fd00:ec2::254', 'metadata'],
    ['169.254.1.1', 'link-local'],
    ['fe80::1', 'link-local'],
    ['febf::1', 'link-local'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['240.0.0.1', 'reserved'],
    ['192.0.2.1', 'reserved'],
    ['2001:db8::1', 'reserved'],
    ['fc00::1', 'private'],
    ['fdff:ffff::1', 'private'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['::ffff:8.8.8.8', 'public'],
    ['::127.0.0.1', 'loopback'],
    ['::10.0.0.1', 'private'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['64:ff9b::8.8.8.8', 'public'],
    ['64:ff9b:1::1', 'private'],
    ['2002:7f00:1::', 'loopback'],
    ['2002:a9fe:a9fe::1', 'metadata'],
    ['2002:0808:0808::1', 'public'],
    ['2001::1', 'reserved'],
    ['4000::1', 'reserved'],
  ])('%s is %s', (ip, kind) => {
    expect(classifyAddress(ip)).toBe(kind);
    expect(isForbiddenAddress(ip)).toBe(kind !== 'public');
  });

  it('throws a typed error for a name and forbids it in isForbiddenAddress', () => {
    expect(() => classifyAddress('example.com')).toThrow(InvalidAddressError);
    expect(isForbiddenAddress('example.com')).toBe(true);
  });
});
