// The consent banner (issue 6 §3): one dependency-free script an operator embeds with one line,
//   <script src="https://<derbes>/banner/v1/<operator>.js" async></script>
// Derbes serves it with the operator's published cookie categories, vendors and texts (src/banner/).
// Kept deliberately small: the bench holds it to 6 KB gzipped, styles included.

type Lang = 'kk' | 'ru' | 'en'
type L = Record<Lang, string>
export interface BannerConfig {
  operatorId: string
  versionId: string
  categories: Array<{ id: string; name: L; description: L; requiresConsent: boolean }>
  vendors: Array<{ name: string; category: string; country: string }>
  texts: Record<'title' | 'body' | 'accept' | 'reject' | 'choose' | 'save' | 'vendors' | 'always', L>
}
type Choices = Record<string, boolean>
interface Stored { visitorId: string; versionId: string; choices: Choices; gpc?: boolean }

const CSS =
  '.dbn{position:fixed;z-index:2147483000;left:1rem;right:1rem;bottom:1rem;max-width:40rem;margin:auto;background:#fff;color:#1b1f24;border:1px solid #6b7682;border-radius:8px;padding:1rem;font:15px/1.45 system-ui,sans-serif;box-shadow:0 4px 24px #0003}' +
  '.dbn h2{font-size:1.1rem;margin:0 0 .5rem}.dbn p{margin:.25rem 0 .75rem}.dbn .dbb{display:flex;flex-wrap:wrap;gap:.5rem}' +
  '.dbn button{flex:1 1 8rem;font:inherit;padding:.5rem .75rem;border-radius:6px;border:1px solid #0b5cad;background:#0b5cad;color:#fff;cursor:pointer}' +
  '.dbn button:focus-visible,.dbn input:focus-visible{outline:3px solid #f0a500;outline-offset:2px}.dbn label{display:block;margin:.4rem 0}.dbn small{display:block;color:#4a5561;margin-left:1.6rem}'

export function start(config: BannerConfig): void {
  const doc = document
  const key = `derbes.banner.${config.operatorId}`
  const optional = config.categories.filter((c) => c.requiresConsent)
  const script = doc.currentScript as HTMLScriptElement | null
  const asked = (script?.dataset.lang || doc.documentElement.lang || 'kk').slice(0, 2)
  const lang: Lang = asked === 'ru' || asked === 'en' ? asked : 'kk'
  // Choices go back to the Derbes that served this script, wherever the operator's page lives.
  const api = script?.src ? new URL(script.src).origin : ''
  let stored: Stored | null = null
  try {
    stored = JSON.parse(localStorage.getItem(key) || 'null') as Stored | null
  } catch {}
  const visitorId = stored?.visitorId || (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}${Math.random()}`.replace('.', ''))
  let box: HTMLElement | null = null

  /** Runs the tagged scripts of the granted categories: `<script type="text/plain" data-derbes-category="analytics">`. */
  const apply = (choices: Choices) => {
    doc.querySelectorAll<HTMLScriptElement>('script[type="text/plain"][data-derbes-category]').forEach((old) => {
      if (!choices[old.dataset.derbesCategory!]) return
      const run = doc.createElement('script')
      for (const a of Array.from(old.attributes)) if (a.name !== 'type') run.setAttribute(a.name, a.value)
      run.text = old.text
      old.replaceWith(run)
    })
    doc.dispatchEvent(new CustomEvent('derbes:consent', { detail: { choices, versionId: config.versionId } }))
  }

  /** Recorded in the consent ledger with the version shown (TTC-5); kept locally so the banner asks again only for a new version. */
  const decide = (choices: Choices, gpc = false) => {
    const all: Choices = {}
    for (const c of config.categories) all[c.id] = !c.requiresConsent || (!gpc && !!choices[c.id])
    localStorage.setItem(key, JSON.stringify({ visitorId, versionId: config.versionId, choices: all, gpc }))
    void fetch(`${api}/v1/operators/${config.operatorId}/cookie-consents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ visitorId, policyVersionId: config.versionId, choices: all, gpc, language: lang }),
      keepalive: true,
    })
    box?.remove()
    box = null
    apply(all)
  }

  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attrs: Record<string, string> = {}) => {
    const e = doc.createElement(tag)
    if (text) e.textContent = text
    for (const k in attrs) e.setAttribute(k, attrs[k]!)
    return e
  }
  const t = config.texts

  /** Accept, reject and choose: the same element, size and colour each (equal prominence). */
  const open = () => {
    if (box) return box.querySelector('button')!.focus()
    if (!doc.getElementById('dbn-css')) doc.head.append(el('style', CSS, { id: 'dbn-css' }))
    box = el('section', '', { class: 'dbn', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'dbn-t', 'aria-describedby': 'dbn-d', lang })
    const buttons = el('div', '', { class: 'dbb' })
    const button = (label: string, onClick: () => void) => {
      const b = el('button', label, { type: 'button' })
      b.onclick = onClick
      buttons.append(b)
      return b
    }
    const current = stored?.choices || {}
    const vendors = config.vendors.length ? ` ${t.vendors[lang]}: ${config.vendors.map((v) => `${v.name} (${v.country})`).join(', ')}.` : ''
    box.append(el('h2', t.title[lang], { id: 'dbn-t' }), el('p', t.body[lang] + vendors, { id: 'dbn-d' }), buttons)
    const first = button(t.accept[lang], () => decide(Object.fromEntries(optional.map((c) => [c.id, true]))))
    button(t.reject[lang], () => decide({}))
    const choose = button(t.choose[lang], () => {
      const form = el('fieldset')
      form.append(el('legend', t.choose[lang]))
      for (const c of config.categories) {
        const label = el('label')
        const box = el('input', '', { type: 'checkbox', name: c.id }) as HTMLInputElement
        box.checked = !c.requiresConsent || !!current[c.id]
        box.disabled = !c.requiresConsent
        label.append(box, ` ${c.name[lang]}${c.requiresConsent ? '' : ` (${t.always[lang]})`}`, el('small', c.description[lang]))
        form.append(label)
      }
      buttons.before(form)
      choose.textContent = t.save[lang]
      choose.onclick = () => decide(Object.fromEntries(Array.from(form.querySelectorAll('input')).map((i) => [i.name, i.checked])))
      ;(form.querySelector('input:not([disabled])') as HTMLElement | null)?.focus()
    })
    doc.body.append(box)
    first.focus()
  }

  ;(window as unknown as { derbes?: object }).derbes = { ...(window as unknown as { derbes?: object }).derbes, banner: { open } }
  if (stored && stored.versionId === config.versionId) return apply(stored.choices)
  // Global Privacy Control: no optional category, nothing asked; recorded as GPC in the ledger.
  if ((navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl) return decide({}, true)
  const show = () => open()
  if (doc.body) show()
  else doc.addEventListener('DOMContentLoaded', show)
}
