import { InvalidAddressError } from '../errors';
import { parseAddress } from './parse-host-literal';
import { parseIpv4 } from './ipv4';
import { parseIpv6 } from './ipv6';

export const ADDRESS_CLASSES = [
  'public',
  'loopback',
  'private',
  'link-local',
  'multicast',
  'unspecified',
  'reserved',
  'metadata',
] as const;
export type AddressClass = (typeof ADDRESS_CLASSES)[number];

interface Ipv4Rule {
  base: number;
  prefix: number;
  kind: AddressClass;
}
/** First match wins: specific entries (metadata) before the ranges that hold them. */
const IPV4_RULES: readonly Ipv4Rule[] = (
  [
    ['169.254.169.254', 32, 'metadata'], // AWS, GCP, Azure, OpenStack, Oracle
    ['100.100.100.200', 32, 'metadata'], // Alibaba Cloud
    ['0.0.0.0', 8, 'unspecified'], // "this network"
    ['127.0.0.0', 8, 'loopback'],
    ['10.0.0.0', 8, 'private'],
    ['100.64.0.0', 10, 'private'], // carrier-grade NAT
    ['172.16.0.0', 12, 'private'],
    ['192.168.0.0', 16, 'private'],
    ['169.254.0.0', 16, 'link-local'],
    ['192.0.0.0', 24, 'reserved'], // IETF protocol assignments
    ['192.0.2.0', 24, 'reserved'], // documentation
    ['192.88.99.0', 24, 'reserved'], // 6to4 relay anycast
    ['198.18.0.0', 15, 'reserved'], // benchmarking
    ['198.51.100.0', 24, 'reserved'], // documentation
    ['203.0.113.0', 24, 'reserved'], // documentation
    ['224.0.0.0', 4, 'multicast'],
    ['240.0.0.0', 4, 'reserved'], // future use and 255.255.255.255 broadcast
  ] as const
).map(([base, prefix, kind]) => ({ base: parseIpv4(base) ?? 0, prefix, kind }));

function inIpv4Range(value: number, rule: Ipv4Rule): boolean {
  const size = 2 ** (32 - rule.prefix);
  return Math.floor(value / size) === Math.floor(rule.base / size);
}

function classifyIpv4(value: number): AddressClass {
  return IPV4_RULES.find((rule) => inIpv4Range(value, rule))?.kind ?? 'public';
}

/** How an IPv6 range is judged: a class of its own, or by the IPv4 address it carries. */
type Ipv6Verdict = AddressClass | { embeddedIpv4At: bigint };

interface Ipv6Rule {
  base: bigint;
  prefix: number;
  verdict: Ipv6Verdict;
}
const LOW_32 = { embeddedIpv4At: 0n };
const IPV6_RULES: readonly Ipv6Rule[] = (
  [
    ['::', 128, 'unspecified'],
    ['::1', 128, 'loopback'],
    ['fd00:ec2::254', 128, 'metadata'], // AWS IMDS over IPv6
    ['::ffff:0:0', 96, LOW_32], // IPv4-mapped
    ['::ffff:0:0:0', 96, LOW_32], // IPv4-translated (SIIT)
    ['::', 96, LOW_32], // IPv4-compatible (deprecated)
    ['64:ff9b::', 96, LOW_32], // NAT64 well-known prefix
    ['64:ff9b:1::', 48, 'private'], // local-use NAT64
    ['2002::', 16, { embeddedIpv4At: 80n }], // 6to4: 2002:AABB:CCDD::/48 carries AA.BB.CC.DD
    ['2001::', 32, 'reserved'], // Teredo: tunnels to an obfuscated IPv4 address
    ['2001:db8::', 32, 'reserved'], // documentation
    ['100::', 64, 'reserved'], // discard-only
    ['fc00::', 7, 'private'], // unique local
    ['fe80::', 10, 'link-local'],
    ['fec0::', 10, 'private'], // site-local (deprecated)
    ['ff00::', 8, 'multicast'],
    ['2000::', 3, 'public'], // global unicast
    ['::', 0, 'reserved'], // everything else is unallocated
  ] as const
).map(([base, prefix, verdict]) => ({ base: parseIpv6(base) ?? 0n, prefix, verdict }));

function classifyIpv6(value: bigint): AddressClass {
  const rule = IPV6_RULES.find((r) => value >> BigInt(128 - r.prefix) === r.base >> BigInt(128 - r.prefix));
  const verdict = rule?.verdict ?? 'reserved';
  if (typeof verdict === 'string') return verdict;
  return classifyIpv4(Number((value >> verdict.embeddedIpv4At) & 0xffffffffn));
}

/** The class of an IP address in any literal form. Throws InvalidAddressError for a non-address. */
export function classifyAddress(ip: string): AddressClass {
  const address = parseAddress(ip);
  if (!address) throw new InvalidAddressError(ip);
  return address.family === 4 ? classifyIpv4(address.value) : classifyIpv6(address.value);
}

/** True unless the address is public. Anything unreadable is forbidden too (fail closed). */
export function isForbiddenAddress(ip: string): boolean {
  const address = parseAddress(ip);
  if (!address) return true;
  return (address.family === 4 ? classifyIpv4(address.value) : classifyIpv6(address.value)) !== 'public';
}
