import ipaddr from 'ipaddr.js';

/**
 * Whom a rate limit counts a request against. One IPv6 host is usually given a whole /64, so
 * its 2^64 addresses count as one client; an IPv4 address, also when written IPv4-mapped
 * (::ffff:203.0.113.7, as a dual-stack socket reports it), counts on its own.
 */
export function rateLimitKey(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const parts = (parsed as ipaddr.IPv6).parts.slice(0, 4);
  return `${parts.map((part) => part.toString(16)).join(':')}::/64`;
}
