import { describe, expect, it } from 'vitest'
import { encodeContext } from './encode-context.ts'

describe('encodeContext', () => {
  it('length-prefixes each part in UTF-8 bytes', () => {
    expect(encodeContext(['ab', 'қ'])).toEqual(Buffer.from([0, 0, 0, 2, 0x61, 0x62, 0, 0, 0, 2, 0xd2, 0x9b]))
  })

  it('keeps apart splits that a separator would merge', () => {
    expect(encodeContext(['a|b', 'c']).equals(encodeContext(['a', 'b|c']))).toBe(false)
    expect(encodeContext(['ab', '']).equals(encodeContext(['a', 'b']))).toBe(false)
  })
})
