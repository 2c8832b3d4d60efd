import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { currentOperatorScope, withOperatorScope, withoutOperatorScope } from './operator-scope.ts'

describe('operator scope', () => {
  it('follows the work through awaits and timers, and ends with it', async () => {
    expect(currentOperatorScope()).toBeUndefined()
    const seen = await withOperatorScope('esp', async () => {
      await sleep(1)
      const inTimer = await new Promise<string | undefined>((resolve) => setTimeout(() => resolve(currentOperatorScope()), 1))
      return [currentOperatorScope(), inTimer]
    })
    expect(seen).toEqual(['esp', 'esp'])
    expect(currentOperatorScope()).toBeUndefined()
  })

  it('keeps concurrent scopes apart', async () => {
    const probe = (operatorId: string, delay: number) =>
      withOperatorScope(operatorId, async () => {
        await sleep(delay)
        return currentOperatorScope()
      })
    expect(await Promise.all([probe('ttc', 5), probe('tw', 1), probe('kzk', 3)])).toEqual(['ttc', 'tw', 'kzk'])
  })

  it('lets a job started inside a scope run outside it, and the inner scope win when nested', () => {
    withOperatorScope('ps', () => {
      expect(withoutOperatorScope(() => currentOperatorScope())).toBeUndefined()
      expect(withOperatorScope('tw', () => currentOperatorScope())).toBe('tw')
      expect(currentOperatorScope()).toBe('ps')
    })
  })

  it("refuses '' — the database reads it as no scope at all", () => {
    expect(() => withOperatorScope('', () => 1)).toThrow(/operator id/)
  })
})
