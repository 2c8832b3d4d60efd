import type { PurposeRules } from './compile-decision-rules.ts'
import type { ConsentFact } from './decision-types.ts'

/** What a consent row means at an instant. */
export type ConsentStanding = 'given' | 'missing' | 'refused' | 'withdrawn' | 'expired'

/**
 * The standing of a consent row at `nowMs`: a pending withdrawal still counts
 * as given until its effective time (ESP App.1 §5: 10 business days' notice),
 * and a given consent lapses at its expiry (art. 8(5)-(6)).
 */
export function consentStanding(row: ConsentFact | undefined, nowMs: number): ConsentStanding {
  if (row === undefined) return 'missing'
  switch (row.status) {
    case 'withdrawal_pending':
      if (row.withdrawalEffectiveAt !== null && nowMs >= row.withdrawalEffectiveAt) return 'withdrawn'
    // falls through: before its effective time a pending withdrawal changes nothing
    case 'given':
      return row.expiresAt !== null && nowMs >= row.expiresAt ? 'expired' : 'given'
    default:
      return row.status
  }
}

function find(consents: readonly ConsentFact[], purposeId: string, channel: string): ConsentFact | undefined {
  for (let i = 0; i < consents.length; i++) {
    const row = consents[i]!
    if (row.purposeId === purposeId && row.channel === channel) return row
  }
  return undefined
}

/**
 * The consent row that answers for a purpose through a channel. Marketing with
 * declared channels is consented per channel (ESP-2): only that channel's row
 * counts. Otherwise a row for the channel wins over the purpose's row ('').
 * `channel` is '' when none was asked for or the purpose declares none.
 */
export function selectConsent(consents: readonly ConsentFact[], purpose: PurposeRules, channel: string): ConsentFact | undefined {
  if (purpose.marketing && purpose.channels !== null) return channel === '' ? undefined : find(consents, purpose.id, channel)
  return (channel !== '' ? find(consents, purpose.id, channel) : undefined) ?? find(consents, purpose.id, '')
}
