import { isIP } from 'node:net'
import type { FieldProblem } from '../../errors/index.ts'
import { checkEvidenceTime } from './evidence-time.ts'
import { EVIDENCE_POINTER, evidenceInvalid } from './check-evidence-shape.ts'
import type { EvidenceInput, VerifiedEvidence } from './evidence-input.ts'

type Recorded = Exclude<EvidenceInput, { method: 'sms_code' | 'eds' }>

/**
 * Evidence Derbes records as the operator states it, checking what can be
 * checked: times not in the future, a real IP address, a 64-hex scan hash.
 * - a ticked box, registration, continued use, a submitted form (TTC-1.6:
 *   ticking «Мен дербес деректерімді өңдеуге келісемін»; KZK-2.3.4): time in
 *   the summary; IP, user agent and page address sealed (personal data);
 * - a paper form signed by hand and registered by staff (TTC-1.6, App.2 §2):
 *   the scan's SHA-256 and the day it was received;
 * - a recorded call or a confirmation by phone (ESP-4): the call time; the
 *   recording's reference is sealed (it may carry the caller's number);
 * - a state or non-state service, an application (art. 8(1)): its reference.
 */
export function verifyRecordedEvidence(now: Date, textHash: string, input: Recorded): VerifiedEvidence {
  const problems: FieldProblem[] = []
  switch (input.method) {
    case 'checkbox':
    case 'registration':
    case 'continued_use':
    case 'form_submission': {
      const checkedAt = checkEvidenceTime(now, input.checkedAt, 'checkedAt', problems)
      if (input.ip !== undefined && isIP(input.ip) === 0) problems.push({ pointer: `${EVIDENCE_POINTER}/ip`, detail: 'is not an IPv4 or IPv6 address' })
      fail(input.method, problems)
      const sealed: Record<string, unknown> = {}
      if (input.ip !== undefined) sealed.ip = input.ip
      if (input.userAgent !== undefined) sealed.userAgent = input.userAgent
      if (input.pageUrl !== undefined) sealed.pageUrl = input.pageUrl
      return { method: input.method, summary: { method: input.method, textHash, checkedAt, recorded: Object.keys(sealed).sort() }, sealed }
    }
    case 'paper_signature': {
      const receivedAt = checkEvidenceTime(now, input.receivedAt, 'receivedAt', problems)
      fail(input.method, problems)
      return { method: input.method, summary: { method: input.method, textHash, scanSha256: input.scanSha256.toLowerCase(), receivedAt, registeredAt: now.toISOString() }, sealed: {} }
    }
    case 'call_recording':
    case 'phone_confirmation': {
      const calledAt = checkEvidenceTime(now, input.calledAt, 'calledAt', problems)
      fail(input.method, problems)
      return { method: input.method, summary: { method: input.method, textHash, calledAt }, sealed: { recordingRef: input.recordingRef } }
    }
    case 'state_service':
    case 'non_state_service':
    case 'application':
      return { method: input.method, summary: { method: input.method, textHash, reference: input.reference, recordedAt: now.toISOString() }, sealed: {} }
  }
}

function fail(method: string, problems: FieldProblem[]): void {
  if (problems.length > 0) throw evidenceInvalid(`the ${method} evidence is not valid`, problems)
}
