import { describe, expect, it } from 'vitest'
import { hashBytes, WordTable } from './word-bytes.ts'

const hash = (word: string) => {
  const bytes = Buffer.from(word)
  return hashBytes(bytes, 0, bytes.length)
}

describe('WordTable', () => {
  it('gives the flags a word was listed with, OR-ed, and 0 for a word never listed, also after growing', () => {
    const table = new WordTable(4)
    const words = Array.from({ length: 500 }, (_, i) => `Сөз${i}`)
    words.forEach((w, i) => table.add(hash(w), 1 << (i % 8)))
    table.add(hash('Сөз3'), 1 << 12)
    expect(table.get(hash('Сөз3'))).toBe((1 << 3) | (1 << 12))
    expect(table.get(hash('Сөз499'))).toBe(1 << (499 % 8))
    expect(table.get(hash('Сөз500'))).toBe(0)
  })
})

describe('hashBytes', () => {
  it('hashes a word inside other bytes as the word alone, odd lengths too', () => {
    const text = Buffer.from('ул. Абая, Abc')
    expect(hashBytes(text, 6, 14)).toBe(hash('Абая'))
    expect(hashBytes(text, 16, 19)).toBe(hash('Abc'))
    expect(hash('Abc')).not.toBe(hash('Abd'))
  })
})
