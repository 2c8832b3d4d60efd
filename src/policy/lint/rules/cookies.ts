import { defineRule } from '../lint-rule.ts'
import { countryLabel } from '../policy-facts.ts'

/** Only strictly necessary cookies run without consent (art. 7(1)); TTC-5 asks consent on the banner for the rest. */
export const cookieConsentMissing = defineRule(
  {
    id: 'cookie-consent-missing',
    article: 'art. 7(1)',
    severity: 'error',
    title: 'Non-necessary cookies set without consent',
    hint: "Set `requiresConsent: true` on every cookie category except 'necessary'.",
  },
  ({ policy, report }) => {
    policy.document.cookies?.categories.forEach((category, c) => {
      if (category.id !== 'necessary' && !category.requiresConsent)
        report(['cookies', 'categories', c, 'requiresConsent'], `cookie category '${category.id}' is set without the visitor's consent`)
    })
  },
)

/** Without a banner there is no moment at which the visitor gives the cookie consent art. 8(1) needs to be provable. */
export const cookieBannerMissing = defineRule(
  {
    id: 'cookie-banner-missing',
    article: 'art. 7(1), art. 8(1)',
    severity: 'warning',
    title: 'Consent-requiring cookies but no banner',
    hint: 'Show a cookie banner on the first visit (`banner: true`, TTC-5) that records the choice per category.',
  },
  ({ policy, report }) => {
    const cookies = policy.document.cookies
    if (!cookies || cookies.banner) return
    const needing = new Set([
      ...cookies.categories.filter((c) => c.id !== 'necessary').map((c) => c.id),
      ...(cookies.vendors ?? []).filter((v) => v.category !== 'necessary').map((v) => v.category),
    ])
    if (needing.size > 0)
      report(['cookies', 'banner'], `the site sets ${[...needing].map((c) => `'${c}'`).join(', ')} cookies but shows no banner to ask for consent`)
  },
)

/** A vendor abroad receives the cookie identifiers across the border (art. 16); the cookie consent must say so. */
export const cookieVendorAbroad = defineRule(
  {
    id: 'cookie-vendor-abroad',
    article: 'art. 16, art. 8(4)(5)',
    severity: 'info',
    title: 'Cookie vendor abroad',
    hint: "Make the banner's text for that category say that data goes to the vendor's country, or choose a vendor that keeps data in Kazakhstan.",
  },
  ({ policy, law, report }) => {
    policy.document.cookies?.vendors?.forEach((vendor, v) => {
      if (vendor.country !== law.storageCountry)
        report(['cookies', 'vendors', v, 'country'], `cookie vendor '${vendor.id}' (${vendor.category}) receives visitors' data in ${countryLabel(vendor.country)}`)
    })
  },
)

/** TTC-5: the visitor may change or withdraw the choice at any time — the right to withdraw consent (art. 24(1)(5)). */
export const cookieChoiceFixed = defineRule(
  {
    id: 'cookie-choice-fixed',
    article: 'art. 8(2), art. 24(1)(5)',
    severity: 'warning',
    title: 'Cookie choice cannot be withdrawn',
    hint: 'Let visitors reopen the banner and change or withdraw their choice at any time (`changeable: true`).',
  },
  ({ policy, report }) => {
    if (policy.document.cookies?.changeable === false)
      report(['cookies', 'changeable'], 'visitors cannot change or withdraw their cookie choice once made')
  },
)
