import type { Transaction } from 'kysely'
import type { Database } from '../db/index.ts'
import { enqueueEmail } from '../notify/email/index.ts'
import type { Language } from '../policy/index.ts'
import type { PortalDeps } from './portal-deps.ts'
import type { SignInIdentifierKind } from './portal-tables.ts'
import { signInEmail, signInSmsText } from './sign-in-messages.ts'
import { SIGN_IN_CODE_TTL_MINUTES } from './sign-in-code.ts'

export interface SignInCodeMessage {
  operatorId: string
  subjectId: string
  challengeId: string
  kind: SignInIdentifierKind
  /** The normalised phone (E.164) or e-mail address. */
  to: string
  language: Language
  /** The operator's name in `language`, so the subject knows who writes. */
  operator: string
  code: string
  expiresAt: Date
}

/**
 * Puts a sign-in code on its way, inside the sign-in's transaction: an SMS
 * into the sealed SMS outbox (the operator's provider adapter sends it), an
 * e-mail into the sealed e-mail outbox (the SMTP dispatcher sends it). Either
 * exists exactly when the challenge does; neither keeps the code once sent.
 */
export async function sendSignInCode(trx: Transaction<Database>, deps: Pick<PortalDeps, 'keys' | 'clock' | 'smsGateway'>, message: SignInCodeMessage): Promise<void> {
  const vars = { operator: message.operator, code: message.code, minutes: SIGN_IN_CODE_TTL_MINUTES }
  if (message.kind === 'phone') {
    await deps.smsGateway.send(trx, {
      operatorId: message.operatorId,
      subjectId: message.subjectId,
      challengeId: message.challengeId,
      phone: message.to,
      language: message.language,
      text: signInSmsText(message.language, vars),
      createdAt: deps.clock(),
      expiresAt: message.expiresAt,
    })
    return
  }
  const { subjectLine, text } = signInEmail(message.language, vars)
  await enqueueEmail(trx, deps, {
    operatorId: message.operatorId,
    to: message.to,
    subjectLine,
    text,
    language: message.language,
    subjectId: message.subjectId,
    purpose: 'portal_sign_in_code',
  })
}
