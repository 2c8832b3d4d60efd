import type { Block, Cell, Rich, Section, TableRow } from './document-model.ts'
import { compact } from './document-model.ts'
import { count, formatCountry, formatDate, joinWords, t } from './format-text.ts'
import { describeDeadline } from './format-terms.ts'
import {
  ACCESS_BASIS_LABELS, AGE_CONSENT_BY_LABELS, BREACH_EXCEPTION_LABELS, CHANGE_NOTICE_LABELS, PURPOSE_LOCK_OTHER_USE_LABELS,
  UNDER_AGE_ACTION_LABELS,
} from './messages/index.ts'
import { isCrossBorder, itemName, local, purposeName, subjectKindName, type RenderContext } from './render-context.ts'

/** Cookie categories, vendors with their country, and whether consent is needed (TTC-5). */
export function cookiesSection(ctx: RenderContext): Section | undefined {
  const { lang } = ctx
  const cookies = ctx.policy.document.cookies
  if (!cookies) return undefined
  const rows = cookies.categories.map((category): TableRow => {
    const vendors = (cookies.vendors ?? [])
      .filter((vendor) => vendor.category === category.id)
      .map((vendor): Rich => {
        const text = t(lang, 'cookieVendor', {
          name: vendor.name,
          country: formatCountry(lang, vendor.country),
          party: t(lang, vendor.firstParty ? 'cookieFirstParty' : 'cookieThirdParty'),
        })
        const names = vendor.cookies?.length ? `; ${t(lang, 'cookieNames', { cookies: vendor.cookies.map((c) => `${c.name} (${c.lifetime})`).join(', ') })}` : ''
        return isCrossBorder(ctx, vendor.country) ? [{ strong: text, tone: 'warning' }, names] : `${text}${names}`
      })
    return {
      header: local(ctx, category.name),
      cells: [local(ctx, category.description), t(lang, category.requiresConsent ? 'yes' : 'no'), vendors.length ? { list: vendors } : t(lang, 'none')],
    }
  })
  const blocks: Block[] = compact<Block>([
    cookies.banner ? { kind: 'paragraph', content: t(lang, 'cookiesBanner') } : undefined,
    cookies.changeable ? { kind: 'paragraph', content: t(lang, 'cookiesChangeable') } : undefined,
    { kind: 'paragraph', content: t(lang, cookies.personalData ? 'cookiesPersonal' : 'cookiesNotPersonal') },
    {
      kind: 'table',
      caption: t(lang, 'cookiesCaption'),
      columns: [t(lang, 'columnCategory'), t(lang, 'columnDescription'), t(lang, 'columnConsentNeeded'), t(lang, 'columnVendors')],
      groups: [{ rows }],
    },
  ])
  return { id: 'cookies', title: t(lang, 'sectionCookies'), blocks }
}

/** Age of majority, under-age handling (TTC-10.4), who consents for a minor, and purpose-locked data (KZK-3.16–3.17). */
export function ageSection(ctx: RenderContext): Section {
  const { lang } = ctx
  const rules = ctx.policy.document.ageRules
  const rows: (readonly [string, Cell] | undefined)[] = [
    [t(lang, 'ageAdult'), count(lang, rules.adultAge, 'age')],
    rules.minimumAge !== undefined ? [t(lang, 'ageMinimum'), count(lang, rules.minimumAge, 'age')] : undefined,
    [t(lang, 'ageUnderAge'), UNDER_AGE_ACTION_LABELS[rules.underAge][lang]],
    rules.consentBy?.length ? [t(lang, 'ageConsentBy'), joinWords(lang, rules.consentBy.map((who) => AGE_CONSENT_BY_LABELS[who][lang]), 'or')] : undefined,
  ]
  const locks = (rules.purposeLocks ?? []).map((lock): Block => {
    const items = joinWords(lang, lock.items.map((id) => itemName(ctx, id)))
    const purposes = joinWords(lang, lock.purposes.map((id) => purposeName(ctx, id)))
    const kinds = lock.subjectKinds?.length ? ` ${t(lang, 'purposeLockKinds', { kinds: lock.subjectKinds.map((id) => subjectKindName(ctx, id)).join(', ') })}` : ''
    return { kind: 'note', content: `${t(lang, 'purposeLock', { items, purposes })}${kinds} ${PURPOSE_LOCK_OTHER_USE_LABELS[lock.otherUse][lang]}` }
  })
  const restrict: Block[] = rules.restrictAccess ? [{ kind: 'paragraph', content: t(lang, 'ageRestrictAccess') }] : []
  return { id: 'age', title: t(lang, 'sectionAge'), blocks: [{ kind: 'facts', rows: compact(rows) }, ...restrict, ...locks] }
}

/** Principles, storage in Kazakhstan, security measures, staff access bases (TTC-7.2) and accuracy (ESP-7, TW-4.1). */
export function protectionSection(ctx: RenderContext): Section {
  const { lang } = ctx
  const { principles, security, access, accuracy, operator } = ctx.policy.document
  const blocks = compact<Block>([
    principles?.length ? { kind: 'subsection', id: 'principles', title: t(lang, 'principles'), blocks: [{ kind: 'list', items: principles.map((p) => local(ctx, p)) }] } : undefined,
    { kind: 'paragraph', content: t(lang, 'protectionStorage', { country: formatCountry(lang, operator.dataLocation.database) }) },
    security
      ? {
          kind: 'subsection',
          id: 'measures',
          title: t(lang, 'measuresHeading'),
          blocks: [
            { kind: 'list', items: [...security.measures.map((m) => local(ctx, m)), ...compact([security.encryption ? t(lang, 'encryption') : undefined, security.backups ? t(lang, 'backups') : undefined])] },
          ],
        }
      : undefined,
    {
      kind: 'subsection',
      id: 'staff-access',
      title: t(lang, 'accessHeading'),
      blocks: compact<Block>([
        { kind: 'paragraph', content: t(lang, 'accessIntro') },
        { kind: 'list', items: access.bases.map((basis) => ACCESS_BASIS_LABELS[basis][lang]) },
        access.minimumNecessary ? { kind: 'paragraph', content: t(lang, 'accessMinimum') } : undefined,
        access.monitored ? { kind: 'paragraph', content: t(lang, 'accessMonitored') } : undefined,
      ]),
    },
    accuracy
      ? {
          kind: 'subsection',
          id: 'accuracy',
          title: t(lang, 'accuracyHeading'),
          blocks: [
            {
              kind: 'list',
              items: compact([
                t(lang, accuracy.verified ? 'accuracyVerified' : 'accuracyNotVerified'),
                accuracy.blockWhileInDoubt ? t(lang, 'accuracyBlockWhileInDoubt') : undefined,
                accuracy.restrictOnFalseData ? t(lang, 'accuracyRestrict') : undefined,
                accuracy.subjectKeepsCurrent ? t(lang, 'accuracyKeepCurrent') : undefined,
              ]),
            },
          ],
        }
      : undefined,
  ])
  return { id: 'protection', title: t(lang, 'sectionProtection'), blocks }
}

/** Breach notices to subjects (KZK-6.1–6.2) and to the authorised body within its deadline (art. 25(2)(8)). */
export function breachSection(ctx: RenderContext): Section {
  const { lang } = ctx
  const breach = ctx.policy.document.breach
  const authority = ctx.policy.deadlines.get('breach_notice_authority')
  const described = authority ? describeDeadline(lang, authority) : undefined
  const blocks = compact<Block>([
    breach ? { kind: 'paragraph', content: t(lang, breach.notifySubjects ? 'breachSubjects' : 'breachNoSubjects') } : undefined,
    breach?.exceptions?.length ? { kind: 'paragraph', content: t(lang, 'breachExceptions') } : undefined,
    breach?.exceptions?.length ? { kind: 'list', items: breach.exceptions.map((e) => BREACH_EXCEPTION_LABELS[e][lang]) } : undefined,
    described
      ? { kind: 'paragraph', content: t(lang, 'breachAuthority', { deadline: described.value, body: ctx.law.authorisedBody[lang], source: described.inlineBasis }) }
      : undefined,
  ])
  return { id: 'breach', title: t(lang, 'sectionBreach'), blocks }
}

/** The policy's free sections, paragraph by paragraph (blank lines separate paragraphs). */
export function freeSections(ctx: RenderContext): Section[] {
  return (ctx.policy.document.notice ?? []).map((section, index) => ({
    id: `notice-${index + 1}`,
    title: local(ctx, section.title),
    blocks: local(ctx, section.body)
      .split(/\n\s*\n/)
      .map((paragraph) => paragraph.trim())
      .filter((paragraph) => paragraph.length > 0)
      .map((paragraph): Block => ({ kind: 'paragraph', content: paragraph })),
  }))
}

/** Version, effective date, approval (who, by which order, when — TTC-3.7), how changes are announced (TTC-1.8, TW-10). */
export function versionSection(ctx: RenderContext): Section {
  const { lang, policy } = ctx
  const version = policy.document.version
  const rows: (readonly [string, Cell] | undefined)[] = [
    [t(lang, 'versionId'), version.id],
    version.effectiveFrom ? [t(lang, 'versionEffective'), formatDate(lang, version.effectiveFrom)] : undefined,
    version.approved
      ? [t(lang, 'versionApproved'), t(lang, 'versionApprovedText', { by: version.approved.by, order: version.approved.order, date: formatDate(lang, version.approved.at) })]
      : undefined,
    version.approvalAuthority ? [t(lang, 'versionApprovalAuthority'), local(ctx, version.approvalAuthority)] : undefined,
    version.changeNotice ? [t(lang, 'versionChanges'), CHANGE_NOTICE_LABELS[version.changeNotice][lang]] : undefined,
    // A repository path means nothing to a subject; only a published address is shown, as a link.
    version.source && /^https?:\/\//.test(version.source) ? [t(lang, 'versionSource'), [{ href: version.source, text: version.source }]] : undefined,
    [t(lang, 'versionHash'), policy.hash],
  ]
  return { id: 'version', title: t(lang, 'sectionVersion'), blocks: [{ kind: 'facts', rows: compact(rows) }] }
}
