import type { RequestState } from './request-kinds.ts'

/**
 * The legal steps of a request (issue 4 item 4): received → verifying →
 * in_progress → awaiting_systems → answered, or refused from any open state.
 * Two shortcuts the work needs: in_progress → answered when nothing waits on
 * a connected system (a complaint, an information request answered from the
 * vault), and awaiting_systems → in_progress when a system's part falls back
 * to staff. Answered and refused are final.
 */
export const LEGAL_TRANSITIONS: Readonly<Record<RequestState, readonly RequestState[]>> = Object.freeze({
  received: ['verifying', 'refused'],
  verifying: ['in_progress', 'refused'],
  in_progress: ['awaiting_systems', 'answered', 'refused'],
  awaiting_systems: ['answered', 'in_progress', 'refused'],
  answered: [],
  refused: [],
})

/** States in which a request is still owed an answer, and its deadline runs. */
export const OPEN_STATES = ['received', 'verifying', 'in_progress', 'awaiting_systems'] as const satisfies readonly RequestState[]
export const CLOSED_STATES = ['answered', 'refused'] as const satisfies readonly RequestState[]

/**
 * @example
 * isLegalTransition('verifying', 'in_progress') // true
 * isLegalTransition('answered', 'refused')      // false
 */
export function isLegalTransition(from: RequestState, to: RequestState): boolean {
  return LEGAL_TRANSITIONS[from].includes(to)
}

export function isOpenState(state: RequestState): boolean {
  return (OPEN_STATES as readonly RequestState[]).includes(state)
}
