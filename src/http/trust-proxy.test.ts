import { describe, expect, it } from 'vitest'
import { fastifyTrustProxy } from './trust-proxy.ts'

describe('fastifyTrustProxy', () => {
  it('reads none, any, a hop count and a list of addresses and CIDRs', () => {
    expect(fastifyTrustProxy(undefined)).toBe(false)
    expect(fastifyTrustProxy('false')).toBe(false)
    expect(fastifyTrustProxy(' true ')).toBe(true)
    expect(fastifyTrustProxy('10.0.0.1, 192.168.0.0/16,::1')).toEqual(['10.0.0.1', '192.168.0.0/16', '::1'])
    const twoHops = fastifyTrustProxy('2') as (address: string, hop: number) => boolean
    expect([0, 1, 2].map((hop) => twoHops('10.0.0.1', hop))).toEqual([true, true, false])
  })
})
