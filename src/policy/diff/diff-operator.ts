import { CHANGE_NOTICE_LABELS, formatCountry } from '../render/index.ts'
import type { Operator } from '../schema/index.ts'
import { compareList, compareValue, type DiffContext } from './diff-context.ts'

/** The parts of the responsible person that differ, so "Ә. Қасымқызы → Б. Ахметов" rather than two whole records. */
function personChange(ctx: DiffContext, old: Operator, now: Operator): [string | undefined, string | undefined] {
  const parts = (o: Operator) => {
    const p = o.responsiblePerson
    return p ? [p.title[ctx.lang], p.name, p.email, p.phone] : undefined
  }
  const b = parts(old)
  const a = parts(now)
  if (!b || !a) return [b?.filter((x) => x !== undefined).join(', '), a?.filter((x) => x !== undefined).join(', ')]
  const differ = b.map((value, i) => value !== a[i])
  const pick = (values: (string | undefined)[]) => values.filter((value, i) => differ[i] && value !== undefined).join(', ') || undefined
  return [pick(b), pick(a)]
}

function location(ctx: DiffContext, operator: Operator): string {
  const { database, mirrors } = operator.dataLocation
  return [database, ...(mirrors ?? [])].map((c) => formatCountry(ctx.lang, c)).join(', ')
}

/** The operator's identity, contacts, responsible person (art. 25(2)(10)) and data location (art. 12(2)); how changes are announced. */
export function diffOperator(ctx: DiffContext): void {
  const { lang } = ctx
  const old = ctx.before.document.operator
  const now = ctx.after.document.operator
  const o = (key: Parameters<typeof compareValue>[4], b: unknown, a: unknown) => compareValue(ctx, 'operator', key, '', key, b, a, String)
  o('name', old.name[lang], now.name[lang])
  o('bin', old.bin, now.bin)
  o('iin', old.iin, now.iin)
  o('address', old.address[lang], now.address[lang])
  o('postal_address', old.postalAddress?.[lang], now.postalAddress?.[lang])
  o('email', old.contacts.email, now.contacts.email)
  o('phone', old.contacts.phone, now.contacts.phone)
  o('website', old.contacts.website, now.contacts.website)
  o('responsible_person', ...personChange(ctx, old, now))
  compareValue(ctx, 'operator', 'data_location', '', 'data_location', location(ctx, old), location(ctx, now), String, {
    crossBorder: now.dataLocation.database !== ctx.law.storageCountry && old.dataLocation.database === ctx.law.storageCountry,
  })
  compareList(ctx, 'operator', 'legal_acts', '', 'legal_acts', old.legalActs?.map((a) => a[lang]), now.legalActs?.map((a) => a[lang]))

  const was = ctx.before.document.version.changeNotice
  const is = ctx.after.document.version.changeNotice
  compareValue(ctx, 'version', 'change_notice', '', 'change_notice', was, is, (v: NonNullable<typeof is>) => CHANGE_NOTICE_LABELS[v][lang])
  const authority = (policy: DiffContext['before']) => policy.document.version.approvalAuthority?.[lang]
  compareValue(ctx, 'version', 'approval_authority', '', 'approval_authority', authority(ctx.before), authority(ctx.after), String)
}
