import { describe, expect, it } from 'vitest'
import { redactUrl, splitConnection } from './connection-settings.ts'

describe('connection settings', () => {
  it('shows a URL with its password (and password-like parameters) replaced', () => {
    expect(redactUrl('postgres://crm:s3cret@10.0.0.5:5432/crm')).toBe('postgres://crm:***@10.0.0.5:5432/crm')
    expect(redactUrl('mysql://root@127.0.0.1:3306/shop?password=x&ssl=true')).toBe('mysql://root@127.0.0.1:3306/shop?password=***&ssl=true')
    expect(redactUrl('postgres://postgres@127.0.0.1:5432/test')).toBe('postgres://postgres@127.0.0.1:5432/test')
  })

  it('keeps the whole URL as the secret and stores it redacted', () => {
    const { stored, secret, problems } = splitConnection('postgres', { url: 'postgresql://crm:s3cret@db/crm', schema: 'shop', statementTimeoutMs: 2000 }, undefined)
    expect(problems).toEqual([])
    expect(secret).toEqual({ url: 'postgresql://crm:s3cret@db/crm' })
    expect(stored).toEqual({ url: 'postgresql://crm:***@db/crm', schema: 'shop', statementTimeoutMs: 2000 })
    expect(JSON.stringify(stored)).not.toContain('s3cret')
  })

  it('keeps the previous secret when a change leaves it out', () => {
    const { stored, secret } = splitConnection('mysql', { poolSize: 2 }, { url: 'mysql://app:pw@db:3306/shop' })
    expect(secret).toEqual({ url: 'mysql://app:pw@db:3306/shop' })
    expect(stored).toEqual({ url: 'mysql://app:***@db:3306/shop', poolSize: 2 })
    const http = splitConnection('http', { baseUrl: 'https://crm.example.kz/derbes/' }, { token: 't0ken' })
    expect(http.secret).toEqual({ token: 't0ken' })
    expect(http.stored).toEqual({ baseUrl: 'https://crm.example.kz/derbes', token: '***' })
  })

  it('names every setting that does not fit the kind', () => {
    const pointers = (kind: 'postgres' | 'mysql' | 'http' | 'manual', input: object) => splitConnection(kind, input, undefined).problems.map((p) => p.pointer)
    expect(pointers('postgres', {})).toEqual(['/body/connection/url'])
    expect(pointers('postgres', { url: 'mysql://x@y/z', token: 't' })).toEqual(['/body/connection/token', '/body/connection/url'])
    expect(pointers('mysql', { url: 'mysql://root@127.0.0.1:3306', schema: 'x' })).toEqual(['/body/connection/url', '/body/connection/schema'])
    expect(pointers('postgres', { url: 'postgres://x@y/z', schema: 'a-b' })).toEqual(['/body/connection/schema'])
    expect(pointers('http', { baseUrl: 'ftp://user:pw@crm.kz/x?y=1' })).toEqual(['/body/connection/baseUrl', '/body/connection/baseUrl', '/body/connection/baseUrl', '/body/connection/token'])
    expect(pointers('http', { baseUrl: 'https://crm.kz', token: 't', signingSecret: 'plain' })).toEqual(['/body/connection/signingSecret'])
    expect(pointers('manual', { url: 'postgres://x@y/z' })).toEqual(['/body/connection/url'])
  })
})
