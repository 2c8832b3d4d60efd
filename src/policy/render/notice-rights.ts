import { REQUEST_KINDS } from '../schema/index.ts'
import type { Block, Cell, Section, TableRow } from './document-model.ts'
import { compact } from './document-model.ts'
import { formatArticle, t } from './format-text.ts'
import { describeDeadline } from './format-terms.ts'
import { CORRECTIONS_FROM_LABELS, IDENTITY_PROOF_LABELS, REQUEST_CHANNEL_LABELS, REQUEST_KIND_LABELS, type MessageKey } from './messages/index.ts'
import { type RenderContext } from './render-context.ts'

const RIGHTS: readonly MessageKey[] = ['right1', 'right2', 'right3', 'right4', 'right5', 'right6', 'right7', 'right8']

/**
 * The subject's rights (art. 24(1)), every effective deadline — the binding
 * value from `compiled.deadlines`, saying where the policy is stricter than the
 * law — how to make a request (art. 10(2), ESP-9) and where to complain.
 */
export function rightsSection(ctx: RenderContext): Section {
  const { lang, policy } = ctx
  const deadlineRows = REQUEST_KINDS.flatMap((kind): TableRow[] => {
    const effective = policy.deadlines.get(kind)
    if (!effective) return []
    const described = describeDeadline(lang, effective)
    return [{ header: REQUEST_KIND_LABELS[kind][lang], cells: [described.stricterThanLaw ? [{ strong: described.value }] : described.value, described.basis] }]
  })

  const requests = policy.document.requests
  const requestRows: (readonly [string, Cell] | undefined)[] = requests
    ? [
        [t(lang, 'requestChannels'), requests.channels.map((channel) => REQUEST_CHANNEL_LABELS[channel][lang]).join(', ')],
        requests.identityProof?.length ? [t(lang, 'requestIdentity'), { list: requests.identityProof.map((proof) => IDENTITY_PROOF_LABELS[proof][lang]) }] : undefined,
        requests.answerChannels?.length ? [t(lang, 'requestAnswer'), requests.answerChannels.map((channel) => REQUEST_CHANNEL_LABELS[channel][lang]).join(', ')] : undefined,
        requests.correctionsFrom?.length
          ? [t(lang, 'requestCorrections'), requests.correctionsFrom.map((who) => CORRECTIONS_FROM_LABELS[who][lang]).join(', ')]
          : undefined,
      ]
    : []
  const requestBlocks: Block[] = compact<Block>([
    requestRows.length ? { kind: 'facts', rows: compact(requestRows) } : undefined,
    // Access to one's own data is free: art. 25(2)(9).
    requests?.free ? { kind: 'paragraph', content: t(lang, 'requestFree', { article: formatArticle(lang, 'art. 25(2)(9)') }) } : undefined,
    requests?.notifyRecipients ? { kind: 'paragraph', content: t(lang, 'requestNotifyRecipients') } : undefined,
    { kind: 'paragraph', content: t(lang, 'complaint', { body: ctx.law.authorisedBody[lang] }) },
  ])

  return {
    id: 'rights',
    title: t(lang, 'sectionRights'),
    blocks: [
      { kind: 'paragraph', content: t(lang, 'rightsIntro') },
      { kind: 'list', items: RIGHTS.map((key) => t(lang, key)) },
      {
        kind: 'subsection',
        id: 'deadlines',
        title: t(lang, 'deadlinesHeading'),
        blocks: [
          { kind: 'paragraph', content: t(lang, 'deadlinesIntro') },
          {
            kind: 'table',
            caption: t(lang, 'deadlinesCaption'),
            columns: [t(lang, 'columnRequest'), t(lang, 'columnDeadline'), t(lang, 'columnSourceOfDeadline')],
            groups: [{ rows: deadlineRows }],
          },
        ],
      },
      { kind: 'subsection', id: 'requests', title: t(lang, 'requestsHeading'), blocks: requestBlocks },
    ],
  }
}
