import { DerbesError } from '../errors/index.ts'
import type { CompiledPolicy } from '../policy/index.ts'
import type { IntakeChannel } from './request-kinds.ts'

/**
 * Intake channels the law makes the operator accept whatever its policy
 * lists: a request "in writing or as an electronic document" (art. 10(2)) —
 * a written request handed in, sent by post or brought by courier, or an
 * EDS-signed electronic document. `portal` (a session opened with a one-time
 * code: a method "with elements of protective actions", art. 10(2)) and
 * `api` (the operator's own authenticated system forwarding a request) are
 * Derbes' own intake, offered by the operator that runs it.
 */
const ALWAYS_ACCEPTED: ReadonlySet<IntakeChannel> = new Set(['written', 'post', 'courier', 'electronic_document', 'portal', 'api'])

/**
 * Refuses a request registered through a channel the operator's policy does
 * not accept (`requests.channels`): ESP-9 takes requests in writing or as an
 * electronic document, TTC-9.2 by registered letter or courier, TW-4.5 by post
 * or as an electronic document — so a plain e-mail or an oral request at the
 * office is not a request there, and staff must not register one as such.
 * What art. 10(2) obliges every operator to accept is never refused; a policy
 * that lists no channels (KZK, PS) restricts none. Throws
 * `DERBES_REQUEST_CHANNEL_NOT_ACCEPTED` (422) pointing at `/body/channel`.
 *
 * @example
 * checkIntakeChannel(esp, 'email') // throws: ESP-9 accepts written, electronic_document
 * checkIntakeChannel(esp, 'post')  // fine: a written request, art. 10(2)
 */
export function checkIntakeChannel(policy: CompiledPolicy, channel: IntakeChannel): void {
  const handling = policy.document.requests
  if (!handling || ALWAYS_ACCEPTED.has(channel)) return
  if ((handling.channels as readonly string[]).includes(channel)) return
  const clauses = handling.clauses?.length ? handling.clauses.join(', ') : 'requests.channels'
  throw new DerbesError(
    'DERBES_REQUEST_CHANNEL_NOT_ACCEPTED',
    `operator '${policy.operatorId}' does not accept requests by ${channel}: its policy takes ${handling.channels.join(', ')} (${clauses}), and the law written requests and electronic documents (art. 10(2))`,
    [{ pointer: '/body/channel', detail: `'${channel}' is not a channel of the policy (${handling.channels.join(', ')}; ${clauses}); written, post, courier and electronic_document are always accepted (art. 10(2))` }],
  )
}
