import ipaddr from "ipaddr.js";

/**
 * Whether the fetcher may connect to `address`: only ordinary public unicast. Loopback, private,
 * link-local (cloud metadata), carrier-grade NAT, unique-local, multicast, reserved, and every
 * IPv6 form that embeds an IPv4 address (mapped, NAT64, 6to4, Teredo) are refused.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // process() turns ::ffff:127.0.0.1 into 127.0.0.1, so mapped forms are judged as what they are.
  return ipaddr.process(address).range() === "unicast";
}

/** Host names an admin allowed through FETCH_ALLOW_PRIVATE_HOSTS (an intranet wiki, say). */
export class AllowedHosts {
  private readonly hosts: Set<string>;

  constructor(hosts: readonly string[]) {
    this.hosts = new Set(hosts.map((h) => h.trim().toLowerCase()).filter((h) => h.length > 0));
  }

  has(hostname: string): boolean {
    return this.hosts.has(hostname.toLowerCase().replace(/^\[|\]$/g, ""));
  }
}
