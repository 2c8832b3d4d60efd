/**
 * Staff access (TTC-7.1–7.2): authorised staff only, the minimum necessary,
 * each access on a recorded basis. Art. 25(2)(2) requires the measures; the
 * protection rules (Order 179/НҚ) ask for a list of persons with access.
 * The schema already demands at least one basis and one action per role.
 */
import { defineRule } from '../lint-rule.ts'
import { isBiometric, list } from '../policy-facts.ts'

export const accessBeyondPurpose = defineRule(
  {
    id: 'access-beyond-purpose',
    article: 'art. 25(2)(2)',
    severity: 'warning',
    title: "Role reaches data its purposes do not use",
    hint: "Take the category off the role, or add the purpose that needs it to the role's `purposes`.",
  },
  ({ policy, report }) => {
    policy.document.access.roles.forEach((role, r) => {
      if (!role.purposes?.length) return
      const needed = new Set(role.purposes.flatMap((p) => policy.purposes.get(p)?.itemIds ?? []).map((id) => policy.items.get(id)?.categoryId))
      const beyond = role.categories.filter((c) => !needed.has(c))
      if (beyond.length > 0)
        report(['access', 'roles', r, 'categories'], `access role '${role.id}' reaches ${list(beyond)}, which none of its purposes ${list(role.purposes)} uses`)
    })
  },
)

export const accessNotMinimum = defineRule(
  {
    id: 'access-not-minimum',
    article: 'art. 25(2)(2)',
    severity: 'warning',
    title: 'Staff access not limited to the minimum necessary',
    hint: 'Give each role only the categories and actions its task needs and set `access.minimumNecessary: true` (TTC-7.1).',
  },
  ({ policy, report }) => {
    if (!policy.document.access.minimumNecessary)
      report(['access', 'minimumNecessary'], 'staff access to personal data is not limited to what each task needs')
  },
)

export const accessBiometricUnscoped = defineRule(
  {
    id: 'access-biometric-unscoped',
    article: 'art. 25(2)(2)',
    severity: 'warning',
    title: 'Role reaches biometric data for no stated purpose',
    hint: "Name the purposes for which the role opens biometric data (`purposes:` on the role), so each access can be checked against them.",
  },
  ({ policy, report }) => {
    policy.document.access.roles.forEach((role, r) => {
      if (role.purposes?.length) return
      const biometric = role.categories.filter((c) => policy.categories.get(c)?.items.some((item) => isBiometric({ ...item, categoryId: c })))
      if (biometric.length > 0)
        report(['access', 'roles', r], `access role '${role.id}' reaches biometric categories ${list(biometric)} without naming the purposes it serves`)
    })
  },
)
