import type { ItemKind } from '../../schema/index.ts'
import { defineRule } from '../lint-rule.ts'
import { list } from '../policy-facts.ts'

/** Data that says nothing about a person on its own; it becomes personal once linked to an identifier. */
const LINKABLE_KINDS: readonly ItemKind[] = ['browser', 'page_url', 'referrer', 'access_time', 'user_activity', 'service_usage']
/** Organisation data is not personal unless it identifies a person (TTC-3.5); 'other' says too little to judge. */
const UNJUDGED_KINDS: readonly ItemKind[] = ['organisation', 'other']
/** Identifiers of a device or browser — online identifiers of a person (TTC-5.6). */
const ONLINE_IDENTIFIERS: readonly ItemKind[] = ['ip_address', 'cookie_id', 'device_id']

const isIdentifying = (kind: ItemKind) => !LINKABLE_KINDS.includes(kind) && !UNJUDGED_KINDS.includes(kind)

/** KZK-1.5 calls IP addresses and cookies "non-personal"; art. 1(2) makes any information relating to an identifiable subject personal. */
export const nonPersonalIdentifier = defineRule(
  {
    id: 'non-personal-identifier',
    article: 'art. 1(2)',
    severity: 'error',
    title: 'Identifying data declared non-personal',
    hint: 'Remove these kinds from `nonPersonalData` and declare them as data items (sensitivity, sources, purposes, retention), as TTC-5.6 does for cookies and IP addresses.',
  },
  ({ policy, report }) => {
    policy.document.nonPersonalData?.forEach((declaration, d) => {
      const identifying = declaration.kinds.filter(isIdentifying)
      if (identifying.length > 0)
        report(['nonPersonalData', d, 'kinds'], `the policy declares ${list(identifying)} non-personal, though they identify a person or the device a person uses`)
    })
  },
)

/** Page URLs, browsers, referrers and times logged with an IP address or cookie describe that person's activity. */
export const nonPersonalLinkedData = defineRule(
  {
    id: 'non-personal-linked-data',
    article: 'art. 1(2)',
    severity: 'warning',
    title: 'Activity data declared non-personal while it is linked to an identifier',
    hint: 'Treat activity data logged with an IP address or cookie as personal data (declare it as items of an activity category), or state how it is kept apart from every identifier.',
  },
  ({ policy, report }) => {
    const declarations = policy.document.nonPersonalData ?? []
    const identifierHeld =
      policy.document.cookies !== undefined ||
      [...policy.items.values()].some((item) => ONLINE_IDENTIFIERS.includes(item.kind)) ||
      declarations.some((d) => d.kinds.some((kind) => ONLINE_IDENTIFIERS.includes(kind)))
    if (!identifierHeld) return
    declarations.forEach((declaration, d) => {
      const linkable = declaration.kinds.filter((kind) => LINKABLE_KINDS.includes(kind))
      if (linkable.length > 0)
        report(['nonPersonalData', d, 'kinds'], `the policy declares ${list(linkable)} non-personal, yet collects them alongside an IP address or cookie that ties them to a person`)
    })
  },
)

/** KZK-1.5 again, as the cookie section says it: cookie identifiers are personal data (TTC-5.6). */
export const cookiesNotPersonal = defineRule(
  {
    id: 'cookies-not-personal',
    article: 'art. 1(2)',
    severity: 'error',
    title: 'Cookie identifiers declared non-personal',
    hint: 'Set `cookies.personalData: true`: a cookie identifier singles out a browser and so the person using it; collect non-necessary cookies only with consent.',
  },
  ({ policy, report }) => {
    if (policy.document.cookies?.personalData === false)
      report(['cookies', 'personalData'], 'the cookie section declares cookie identifiers non-personal data')
  },
)
