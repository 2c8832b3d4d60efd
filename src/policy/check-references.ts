import { isValidBin, isValidIin } from '../kz/index.ts'
import { toPointer } from './policy-issue.ts'
import type { PolicyDocument } from './schema/index.ts'

export interface ReferenceProblem {
  path: string
  code: 'reference.unknown' | 'reference.duplicate' | 'reference.outside' | 'identifier.checksum'
  message: string
}

/**
 * Checks what a JSON Schema cannot: that every id a section names exists,
 * that ids are unique, and that the operator's BIN/IIN passes its check digit.
 * A purpose naming an unknown category is an error, not a warning.
 */
export function checkReferences(policy: PolicyDocument): ReferenceProblem[] {
  const problems: ReferenceProblem[] = []
  const report = (segments: (string | number)[], code: ReferenceProblem['code'], message: string) =>
    problems.push({ path: toPointer(segments), code, message })

  const index = <T extends { id: string }>(list: readonly T[], at: string, what: string) => {
    const ids = new Set<string>()
    list.forEach((entry, i) => {
      if (ids.has(entry.id)) report([at, i, 'id'], 'reference.duplicate', `${what} '${entry.id}' is declared twice`)
      ids.add(entry.id)
    })
    return ids
  }
  const expect = (ids: Set<string>, values: readonly string[] | undefined, at: (string | number)[], what: string) =>
    values?.forEach((id, i) => {
      if (!ids.has(id)) report([...at, i], 'reference.unknown', `unknown ${what} '${id}'`)
    })

  const kinds = index(policy.subjectKinds, 'subjectKinds', 'subject kind')
  const categories = index(policy.categories, 'categories', 'category')
  const purposes = index(policy.purposes, 'purposes', 'purpose')
  const retention = index(policy.retention, 'retention', 'retention rule')
  index(policy.recipients, 'recipients', 'recipient')
  index(policy.access.roles, 'access/roles', 'access role')

  // Items are referenced by id alone, so their ids are unique across categories.
  const items = new Map<string, string>()
  policy.categories.forEach((category, c) =>
    category.items.forEach((item, i) => {
      if (items.has(item.id)) report(['categories', c, 'items', i, 'id'], 'reference.duplicate', `data item '${item.id}' is declared twice`)
      items.set(item.id, category.id)
      expect(kinds, item.subjectKinds, ['categories', c, 'items', i, 'subjectKinds'], 'subject kind')
    }),
  )
  const itemIds = new Set(items.keys())

  policy.subjectKinds.forEach((kind, k) => expect(kinds, kind.represents, ['subjectKinds', k, 'represents'], 'subject kind'))

  policy.purposes.forEach((purpose, p) => {
    expect(categories, purpose.categories, ['purposes', p, 'categories'], 'category')
    expect(kinds, purpose.subjectKinds, ['purposes', p, 'subjectKinds'], 'subject kind')
    purpose.items?.forEach((item, i) => {
      const category = items.get(item)
      if (category === undefined) report(['purposes', p, 'items', i], 'reference.unknown', `unknown data item '${item}'`)
      else if (!purpose.categories.includes(category))
        report(['purposes', p, 'items', i], 'reference.outside', `data item '${item}' belongs to category '${category}', which this purpose does not list`)
    })
    if (!retention.has(purpose.retention)) report(['purposes', p, 'retention'], 'reference.unknown', `unknown retention rule '${purpose.retention}'`)
  })

  const forms = new Set<string>()
  policy.consentForms.forEach((form, f) => {
    const key = `${form.id}@${form.version}`
    if (forms.has(key)) report(['consentForms', f, 'version'], 'reference.duplicate', `consent form '${form.id}' version ${form.version} is declared twice`)
    forms.add(key)
    expect(purposes, form.purposes, ['consentForms', f, 'purposes'], 'purpose')
    expect(itemIds, form.items, ['consentForms', f, 'items'], 'data item')
    expect(kinds, form.subjectKinds, ['consentForms', f, 'subjectKinds'], 'subject kind')
  })

  policy.recipients.forEach((recipient, r) => {
    expect(purposes, recipient.purposes, ['recipients', r, 'purposes'], 'purpose')
    expect(categories, recipient.categories, ['recipients', r, 'categories'], 'category')
  })

  policy.access.roles.forEach((role, r) => {
    expect(categories, role.categories, ['access', 'roles', r, 'categories'], 'category')
    expect(purposes, role.purposes, ['access', 'roles', r, 'purposes'], 'purpose')
  })

  policy.ageRules.purposeLocks?.forEach((lock, l) => {
    expect(itemIds, lock.items, ['ageRules', 'purposeLocks', l, 'items'], 'data item')
    expect(purposes, lock.purposes, ['ageRules', 'purposeLocks', l, 'purposes'], 'purpose')
    expect(kinds, lock.subjectKinds, ['ageRules', 'purposeLocks', l, 'subjectKinds'], 'subject kind')
  })

  if (policy.cookies) {
    const declared = new Set<string>(policy.cookies.categories.map((c) => c.id))
    policy.cookies.vendors?.forEach((vendor, v) => {
      if (!declared.has(vendor.category))
        report(['cookies', 'vendors', v, 'category'], 'reference.unknown', `cookie category '${vendor.category}' is not declared in cookies.categories`)
    })
  }

  const { bin, iin } = policy.operator
  // A policy that states no BIN/IIN still loads — KZK's agreement names none — and the linter reports it (art. 8(4)(1)).
  if (bin !== undefined && !isValidBin(bin)) report(['operator', 'bin'], 'identifier.checksum', `BIN ${bin} fails its check digit`)
  if (iin !== undefined && !isValidIin(iin)) report(['operator', 'iin'], 'identifier.checksum', `IIN ${iin} fails its check digit`)
  return problems
}
