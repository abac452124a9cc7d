import { domainToASCII } from "node:url";
import ipaddr from "ipaddr.js";

const NAT64 = ipaddr.parseCIDR("64:ff9b::/96");
const IPV4_COMPATIBLE = ipaddr.parseCIDR("::/96");

/**
 * An IPv6 address that stands for an IPv4 one is judged by what it embeds: NAT64 (64:ff9b::/96),
 * 6to4 (2002::/16) and Teredo (2001::/32, server and client). IPv4-compatible `::a.b.c.d` is
 * deprecated (RFC 4291) and the local-use NAT64 prefix (64:ff9b:1::/48) leads into a local translator,
 * so both are refused whatever they embed.
 */
function isPublicIPv6(ip: ipaddr.IPv6): boolean {
  const bytes = ip.toByteArray();
  const ipv4 = (at: number, flip = 0) => new ipaddr.IPv4(bytes.slice(at, at + 4).map((b) => b ^ flip));
  if (ip.match(NAT64)) return isPublicIPv4(ipv4(12));
  if (ip.match(IPV4_COMPATIBLE)) return false;
  const range = ip.range();
  if (range === "6to4") return isPublicIPv4(ipv4(2));
  // Teredo stores the client's address with every bit flipped.
  if (range === "teredo") return isPublicIPv4(ipv4(4)) && isPublicIPv4(ipv4(12, 0xff));
  return range === "unicast";
}

function isPublicIPv4(ip: ipaddr.IPv4): boolean {
  return ip.range() === "unicast";
}

/**
 * Whether the fetcher may connect to `address`: only ordinary public unicast. Loopback, private,
 * link-local (cloud metadata), carrier-grade NAT, unique-local, multicast and reserved addresses are
 * refused, and so is every IPv6 form that embeds one of them (mapped, compatible, NAT64, 6to4, Teredo).
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // process() turns ::ffff:127.0.0.1 into 127.0.0.1, so mapped forms are judged as what they are.
  const ip = ipaddr.process(address);
  return ip.kind() === "ipv4" ? isPublicIPv4(ip as ipaddr.IPv4) : isPublicIPv6(ip as ipaddr.IPv6);
}

/** Host names an admin allowed through FETCH_ALLOW_PRIVATE_HOSTS (an intranet wiki, say). */
export class AllowedHosts {
  private readonly hosts: Set<string>;

  constructor(hosts: readonly string[]) {
    this.hosts = new Set(hosts.map(comparable).filter((h) => h.length > 0));
  }

  has(hostname: string): boolean {
    return this.hosts.has(comparable(hostname));
  }
}

/** A host as URLs carry it: lower case, an international name in punycode, an IPv6 literal bare. */
function comparable(host: string): string {
  const bare = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "");
  return domainToASCII(bare) || bare;
}
