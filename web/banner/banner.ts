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
  texts: Record<'title' | 'body' | 'accept' | 'reject' | 'choose' | 'save' | 'vendors' | 'always' | 'gpc' | 'close', L>
}
type Choices = Record<string, boolean>
/** What the ledger recorded (or, when it could not be reached, what was chosen on this page). */
interface Decision { choices: Choices; gpc: boolean }
interface Stored extends Decision { visitorId: string; versionId: string }

const CSS =
  '.dbn{position:fixed;z-index:2147483000;left:1rem;right:1rem;bottom:1rem;max-width:40rem;max-height:calc(100vh - 2rem);overflow:auto;box-sizing:border-box;margin:auto;background:#fff;color:#1b1f24;border:1px solid #6b7682;border-radius:8px;padding:1rem;font:15px/1.45 system-ui,sans-serif;text-align:left;box-shadow:0 4px 24px #0003}' +
  '.dbn h2{font-size:1.1rem;margin:0 0 .5rem;color:inherit}.dbn p{margin:.25rem 0 .75rem}.dbn .dbb{display:flex;flex-wrap:wrap;gap:.5rem}' +
  '.dbn button{flex:1 1 8rem;font:inherit;padding:.5rem .75rem;border-radius:6px;border:1px solid #0b5cad;background:#0b5cad;color:#fff;cursor:pointer}' +
  '.dbn button:focus-visible,.dbn input:focus-visible{outline:3px solid #f0a500;outline-offset:2px}.dbn label{display:block;margin:.4rem 0}.dbn small{display:block;color:#4a5561;margin-left:1.6rem}'

export function start(config: BannerConfig): void {
  const doc = document
  const win = window as unknown as { derbes?: object }
  const key = `derbes.banner.${config.operatorId}`
  const t = config.texts
  const optional = config.categories.filter((c) => c.requiresConsent)
  const script = doc.currentScript as HTMLScriptElement | null
  const asked = (script?.dataset.lang || doc.documentElement.lang || 'kk').slice(0, 2).toLowerCase()
  const lang: Lang = asked === 'ru' || asked === 'en' ? asked : 'kk'
  // Choices go back to the Derbes that served this script, wherever the operator's page lives.
  const api = script?.src ? new URL(script.src).origin : ''
  // Global Privacy Control (https://privacycg.github.io/gpc-spec/): the browser has already said no.
  const gpcSignal = (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true
  let stored: Stored | null = null
  try {
    stored = JSON.parse(localStorage.getItem(key) || 'null') as Stored | null
  } catch {}
  const visitorId = stored?.visitorId || (crypto.randomUUID ? crypto.randomUUID() : `v${Date.now()}${Math.random()}`.replace('.', ''))
  const current = () => (stored && stored.versionId === config.versionId ? stored : null)
  let granted: Choices | null = null
  let box: HTMLElement | null = null
  let returnFocus: Element | null = null

  /** Runs the held scripts of the granted categories: `<script type="text/plain" data-derbes-category="analytics">`. */
  const activate = () => {
    doc.querySelectorAll<HTMLScriptElement>('script[type="text/plain"][data-derbes-category]').forEach((held) => {
      if (!granted?.[held.dataset.derbesCategory!]) return
      const run = doc.createElement('script')
      for (const a of Array.from(held.attributes)) if (a.name !== 'type') run.setAttribute(a.name, a.value)
      run.text = held.text
      // Held scripts run in the page's order, as they would have without the banner.
      run.async = false
      held.replaceWith(run)
    })
  }
  const apply = (decision: Decision) => {
    granted = decision.choices
    activate()
    doc.dispatchEvent(new CustomEvent('derbes:consent', { detail: { choices: { ...decision.choices }, gpc: decision.gpc, versionId: config.versionId } }))
  }

  const close = () => {
    box?.remove()
    box = null
    ;(returnFocus as HTMLElement | null)?.focus?.()
  }

  /**
   * Records the choice in the consent ledger with the version shown (TTC-5.7) and keeps what the ledger
   * answered: a `Sec-GPC` header the browser added may have refused more than was ticked. Kept locally
   * only once recorded, so a visitor whose choice never reached the ledger is asked again next time.
   */
  const decide = (wanted: Choices, gpc = gpcSignal) => {
    const choices: Choices = {}
    for (const c of config.categories) choices[c.id] = !c.requiresConsent || (!gpc && !!wanted[c.id])
    close()
    fetch(`${api}/v1/operators/${config.operatorId}/cookie-consents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ visitorId, policyVersionId: config.versionId, choices, gpc, language: lang }),
      keepalive: true,
    })
      .then((r) => (r.ok ? (r.json() as Promise<Decision>) : null))
      .catch(() => null)
      .then((recorded) => {
        if (recorded) {
          stored = { visitorId, versionId: config.versionId, choices: recorded.choices, gpc: recorded.gpc }
          try {
            localStorage.setItem(key, JSON.stringify(stored))
          } catch {}
        }
        apply(recorded ? stored! : { choices, gpc })
      })
  }

  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attrs: Record<string, string> = {}) => {
    const e = doc.createElement(tag)
    if (text) e.textContent = text
    for (const k in attrs) e.setAttribute(k, attrs[k]!)
    return e
  }
  const vendorsOf = (category?: string) =>
    config.vendors.filter((v) => !category || v.category === category).map((v) => `${v.name} (${v.country})`).join(', ')

  /** Accept, reject and choose: the same element, size and colour each (equal prominence). */
  const open = () => {
    if (box) return box.querySelector('button')!.focus()
    returnFocus = doc.activeElement
    if (!doc.getElementById('dbn-css')) doc.head.append(el('style', CSS, { id: 'dbn-css' }))
    box = el('section', '', { class: 'dbn', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'dbn-t', 'aria-describedby': 'dbn-d', lang })
    const buttons = el('div', '', { class: 'dbb' })
    const button = (label: string, onClick: () => void) => {
      const b = el('button', label, { type: 'button' })
      b.onclick = onClick
      buttons.append(b)
      return b
    }
    const all = vendorsOf()
    box.append(el('h2', t.title[lang], { id: 'dbn-t' }), el('p', `${t.body[lang]}${all ? ` ${t.vendors[lang]}: ${all}.` : ''}${gpcSignal ? ` ${t.gpc[lang]}` : ''}`, { id: 'dbn-d' }), buttons)
    let first: HTMLButtonElement
    if (gpcSignal) {
      // Under GPC the ledger refuses every optional category (consent/ledger), so nothing here could grant one.
      first = button(t.close[lang], close)
    } else {
      first = button(t.accept[lang], () => decide(Object.fromEntries(optional.map((c) => [c.id, true]))))
      button(t.reject[lang], () => decide({}))
      const choose = button(t.choose[lang], () => {
        const form = el('fieldset')
        form.append(el('legend', t.choose[lang]))
        for (const c of config.categories) {
          const label = el('label')
          const check = el('input', '', { type: 'checkbox', name: c.id }) as HTMLInputElement
          check.checked = !c.requiresConsent || !!current()?.choices[c.id]
          check.disabled = !c.requiresConsent
          const vendors = vendorsOf(c.id)
          label.append(check, ` ${c.name[lang]}${c.requiresConsent ? '' : ` (${t.always[lang]})`}`, el('small', `${c.description[lang]}${vendors ? ` ${t.vendors[lang]}: ${vendors}.` : ''}`))
          form.append(label)
        }
        buttons.before(form)
        choose.textContent = t.save[lang]
        choose.onclick = () => decide(Object.fromEntries(Array.from(form.querySelectorAll('input')).map((i) => [i.name, i.checked])))
        ;(form.querySelector('input:not([disabled])') as HTMLElement | null)?.focus()
      })
    }
    // Escape never decides: it closes a banner re-opened over a standing choice, and otherwise
    // only brings focus back to the first button, since no choice has been made for this version.
    box.onkeydown = (e) => {
      if (e.key !== 'Escape') return
      e.preventDefault()
      if (current()) close()
      else first.focus()
    }
    doc.body.append(box)
    first.focus()
  }

  win.derbes = {
    ...win.derbes,
    banner: {
      /** Re-opens the banner (TTC-5.3: the choice can be changed at any time). */
      open: () => (doc.body ? open() : doc.addEventListener('DOMContentLoaded', open)),
      /** This version's recorded choice per category, or null before the visitor chose. */
      choices: () => (current() ? { ...current()!.choices } : null),
    },
  }
  // Held scripts further down a page still being parsed run once it is parsed.
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', activate)
  const standing = current()
  if (standing && (standing.gpc || !gpcSignal)) apply(standing)
  // Global Privacy Control: nothing asked, no optional category; recorded as GPC in the ledger.
  else if (gpcSignal) decide({}, true)
  else if (doc.body) open()
  else doc.addEventListener('DOMContentLoaded', open)
}
