/**
 * The config's `trustProxy` as Fastify takes it: `true` trusts any proxy, a
 * number that many hops, a list those addresses and CIDRs. Unset or `false`:
 * none — the connection's own address is the subject's (consent evidence,
 * the portal's per-address limits), which behind a proxy is the proxy's.
 *
 * @example
 * fastifyTrustProxy('10.0.0.1, 192.168.0.0/16') // ['10.0.0.1', '192.168.0.0/16']
 * fastifyTrustProxy('1')                         // trusts the nearest hop
 */
export function fastifyTrustProxy(setting: string | undefined): boolean | string[] | ((address: string, hop: number) => boolean) {
  const value = setting?.trim() ?? 'false'
  if (value === 'true' || value === 'false') return value === 'true'
  // n hops: the nearest n addresses in X-Forwarded-For are proxies (what Fastify does with a number, which its types omit).
  if (/^\d+$/.test(value)) {
    const hops = Number(value)
    return (_address, hop) => hop < hops
  }
  return value.split(',').map((address) => address.trim())
}
