import { describe, expect, it } from 'vitest'
import { REQUEST_STATES } from './request-kinds.ts'
import { isLegalTransition, isOpenState, LEGAL_TRANSITIONS } from './request-states.ts'

describe('the request state machine', () => {
  it('issue 4 item 4: received → verifying → in_progress → awaiting_systems → answered', () => {
    const path = ['received', 'verifying', 'in_progress', 'awaiting_systems', 'answered'] as const
    for (let i = 1; i < path.length; i++) expect(isLegalTransition(path[i - 1]!, path[i]!)).toBe(true)
    // No skipping verification, no going back to it.
    expect(isLegalTransition('received', 'in_progress')).toBe(false)
    expect(isLegalTransition('in_progress', 'verifying')).toBe(false)
  })

  it('refused from every open state, nothing out of answered or refused', () => {
    for (const state of REQUEST_STATES) {
      expect(isLegalTransition(state, 'refused')).toBe(isOpenState(state))
      if (!isOpenState(state)) expect(LEGAL_TRANSITIONS[state]).toEqual([])
    }
  })
})
