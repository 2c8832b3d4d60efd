import type { ConsentForm, WithdrawalChannel } from '../../policy/index.ts'
import type { IntakeChannel } from '../request-kinds.ts'

/**
 * How a request's intake channel reads as a withdrawal channel of a consent
 * form, in order of preference: a letter by post is a registered letter
 * where the form asks for one (TTC-9.2), a written request is a written
 * application (ESP App.1 §5), an electronic document is EDS-signed (TW-4.5).
 */
const CANDIDATES: Record<IntakeChannel, readonly WithdrawalChannel[]> = {
  post: ['registered_mail', 'post'],
  courier: ['courier'],
  written: ['written_application', 'registered_mail', 'post', 'courier', 'in_person'],
  electronic_document: ['eds_document', 'email'],
  email: ['email'],
  portal: ['portal'],
  api: ['portal'],
  in_person: ['in_person', 'written_application'],
}

/**
 * The withdrawal channel the form accepts for a request that came in by
 * `channel`; the first candidate when the form accepts none of them — the
 * ledger then refuses it (TTC-9.2, TW-4.5 name their channels) and the task
 * fails visibly for staff to settle.
 *
 * @example
 * withdrawalChannel(ttcApp2, 'post') // 'registered_mail'
 */
export function withdrawalChannel(form: ConsentForm, channel: IntakeChannel): WithdrawalChannel {
  const candidates = CANDIDATES[channel]
  return candidates.find((c) => form.withdrawal.channels.includes(c)) ?? candidates[0]!
}
