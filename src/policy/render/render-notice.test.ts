import { marked } from 'marked'
import { describe, expect, it } from 'vitest'
import { LAW_94V } from '../law-profile.ts'
import { LANGUAGES, type Language } from '../schema/index.ts'
import { demoPolicy } from './fixtures/demo-policy.ts'
import { renderNotice } from './render-notice.ts'

const policy = demoPolicy()
const FORMATS = ['html', 'md'] as const
const KAZAKH_LETTERS = ['ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'һ', 'і']

/** Every opening tag has its closing tag, in order: the HTML is well formed. */
function unbalancedTags(html: string): string[] {
  const voids = new Set(['meta', 'br', 'hr', 'img', 'link', 'input'])
  const body = html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<!DOCTYPE html>/i, '')
  const stack: string[] = []
  const problems: string[] = []
  for (const match of body.matchAll(/<(\/?)([a-z][a-z0-9]*)\b[^>]*>/gi)) {
    const [, closing, name = ''] = match
    if (voids.has(name)) continue
    if (!closing) stack.push(name)
    else if (stack.pop() !== name) problems.push(`</${name}> at ${match.index}`)
  }
  return [...problems, ...stack.map((name) => `<${name}> never closed`)]
}

/** The table row whose row header starts with `label`. */
function htmlRow(html: string, label: string): string {
  return html.split('\n').find((line) => line.startsWith('<tr') && line.includes(`<th scope="row">${label}`)) ?? ''
}

describe('renderNotice', () => {
  describe.each(LANGUAGES)('in %s', (lang: Language) => {
    it.each(FORMATS)('renders the demo policy as %s with its purposes, operator and BIN', (format) => {
      const text = renderNotice(policy, lang, format)
      for (const purpose of policy.purposes.values()) expect(text).toContain(purpose.name[lang].replace(/'/g, format === 'html' ? '&#39;' : "'"))
      expect(text).toContain('940140000385')
      expect(text).toContain(policy.document.version.id)
    })
  })

  it('writes a standalone accessible HTML5 page in the notice language', () => {
    for (const lang of LANGUAGES) {
      const html = renderNotice(policy, lang, 'html')
      expect(html.startsWith('<!DOCTYPE html>\n<html lang="' + lang + '">')).toBe(true)
      expect(html).toContain('<meta charset="utf-8">')
      expect(html).toContain('<meta name="viewport"')
      expect(html).toMatch(/<main id="content">/)
      expect(html).toMatch(/<th scope="col">/)
      expect(html).toMatch(/<th scope="row">/)
      expect(html).toMatch(/<th scope="rowgroup" rowspan="3">/)
      expect(html).toMatch(/<caption>/)
      expect(html).toMatch(/@media print/)
      expect(html).toMatch(/@page\{size:A4/)
      expect(unbalancedTags(html)).toEqual([])
    }
  })

  it('lets the Kazakh letters through unescaped, with a font stack that has them', () => {
    const html = renderNotice(policy, 'kk', 'html')
    for (const letter of KAZAKH_LETTERS.filter((l) => l !== 'һ')) expect(html).toContain(letter)
    expect(html).toContain('Дербес деректер тізбесі')
    expect(html).toContain('«Демо Сауда» ЖШС')
    expect(html).not.toMatch(/&#(x4d9|1241|x493|1171);/i)
    expect(html).toMatch(/font-family:system-ui, [^;]*"Noto Sans"[^;]*"DejaVu Sans", sans-serif/)
  })

  it('escapes a <script> in the operator name in HTML and in Markdown', () => {
    const hostile = demoPolicy((d) => {
      d.operator.name.en = '<script>alert("x")</script> & Co'
      d.operator.contacts.website = "https://demo.kz/?a=1&b='2'"
    })
    const html = renderNotice(hostile, 'en', 'html')
    expect(html).not.toContain('<script>')
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co')
    expect(html).toContain('href="https://demo.kz/?a=1&amp;b=&#39;2&#39;"')

    const md = renderNotice(hostile, 'en', 'md')
    expect(md).toContain('\\<script\\>alert("x")\\</script\\> & Co')
    expect(marked.parse(md, { async: false })).not.toContain('<script>')
  })

  it('never links a javascript: URI', () => {
    const hostile = demoPolicy((d) => {
      d.operator.contacts.website = 'javascript:alert(1)'
    })
    const html = renderNotice(hostile, 'en', 'html')
    expect(html).toContain('javascript:alert(1)')
    expect(html).not.toContain('href="javascript:')
  })

  it('gives the binding deadline and says the policy is stricter than the law, citing its article (art. 8(7), TTC-9.3)', () => {
    const ru = renderNotice(policy, 'ru', 'html')
    const row = htmlRow(ru, 'Отзыв согласия')
    expect(row).toContain('<strong>1 рабочий день</strong>')
    expect(row).toContain('Политика строже закона: по закону – 15 рабочих дней, п. 7 ст. 8 Закона')

    expect(htmlRow(renderNotice(policy, 'kk', 'html'), 'Келісімді кері қайтарып алу')).toContain('заң бойынша – 15 жұмыс күні, Заңның 8-бабының 7-тармағы')
    expect(htmlRow(renderNotice(policy, 'en', 'html'), 'Withdrawing consent')).toContain('the law allows 15 business days, art. 8(7) of the Law')
  })

  it('gives law-only deadlines with their article and policy-only ones as set by the policy', () => {
    const ru = renderNotice(policy, 'ru', 'html')
    expect(htmlRow(ru, 'Изменение персональных данных')).toContain('<td>1 рабочий день</td><td>пп. 8) п. 2 ст. 25 Закона</td>')
    expect(htmlRow(ru, 'Информация о наличии')).toContain('<td>3 рабочих дня</td><td>Установлено политикой</td>')
    expect(htmlRow(ru, 'Ознакомление')).toContain('15 календарных дней')
    expect(htmlRow(ru, 'Рассмотрение жалобы')).toContain('7 рабочих дней')
  })

  it('builds the list (Тізбе) table: category → items → sources → purposes by number → retention (TTC App.1)', () => {
    const md = renderNotice(policy, 'en', 'md')
    expect(md).toContain('| Category | Data | Source | Purposes of collection and processing | Retention |')
    expect(md).toContain(
      '| Identification and contact data — to identify a person and to get in touch | Full name | From the subject | 1–3 | 10 years after the relationship ends; Until consent is withdrawn or the relationship ends |',
    )
    expect(md).toContain('|  | IIN (restricted access) | From the subject; From the subject’s representative | 1, 3 | 10 years after the relationship ends |')
    expect(md).toContain("| The pupil's face image (biometric) | From the subject’s representative | 5 |")
    expect(md).toContain(
      'The numbers in the “Purposes of collection and processing” column are the numbers of the purposes in the section “Purposes and legal bases”.',
    )
    expect(renderNotice(policy, 'kk', 'md')).toContain(
      '«Жинау және өңдеу мақсаттары» бағанындағы сандар – «Өңдеу мақсаттары және құқықтық негіздері» бөліміндегі мақсаттардың реттік нөмірлері.',
    )
    expect(renderNotice(policy, 'ru', 'md')).toContain('Числа в столбце «Цели сбора и обработки» – порядковые номера целей в разделе «Цели и правовые основания обработки».')
  })

  it('numbers the purposes in their section, in the order the policy lists them', () => {
    const md = renderNotice(policy, 'en', 'md')
    const headings = md.split('\n').filter((line) => /^### \d/.test(line))
    expect(headings).toEqual([
      '### 1. Concluding and performing the contract',
      '### 2. Marketing messages',
      '### 3. Accounting',
      '### 4. Website statistics',
      '### 5. School access control',
    ])
    expect(marked.parse(md, { async: false })).toContain('<h3>1. Concluding and performing the contract</h3>')
    expect(renderNotice(policy, 'kk', 'html')).toContain('<h3 id="purpose-marketing">2. Жарнамалық хабарламалар</h3>')
  })

  it('puts items that share sources, purposes and retention in one row; a uniform category is one row', () => {
    const md = renderNotice(policy, 'en', 'md')
    expect(md).toContain('|  | Mobile phone number; E-mail (optional) | From the subject | 1, 2 |')
    expect(md).toContain('| Device and activity data | IP address; Cookie identifier | Automatically (through web resources) | 4 | Until consent ends |')
    const html = renderNotice(policy, 'en', 'html')
    expect(html).toContain(
      '<th scope="rowgroup" rowspan="1">Device and activity data</th><th scope="row"><ul><li>IP address</li><li>Cookie identifier</li></ul></th>',
    )
    // A different source parts the items again.
    const parted = renderNotice(demoPolicy((d) => {
      const cookie = d.categories.find((c) => c.id === 'activity')?.items.find((i) => i.id === 'cookie-id')
      if (cookie) cookie.sources = ['automatic', 'third_party']
    }), 'en', 'md')
    expect(parted).toContain('| Device and activity data | IP address | Automatically (through web resources) | 4 |')
    expect(parted).toContain('|  | Cookie identifier | Automatically (through web resources); From third parties | 4 |')
  })

  it('links each purpose number of the list to the purpose in HTML, and every link lands on a heading', () => {
    const html = renderNotice(policy, 'en', 'html')
    expect(htmlRow(html, 'Full name')).toContain('<td><a href="#purpose-contract">1</a>–<a href="#purpose-accounting">3</a></td>')
    expect(htmlRow(html, 'IIN')).toContain('<td><a href="#purpose-contract">1</a>, <a href="#purpose-accounting">3</a></td>')
    const targets = [...html.matchAll(/href="#(purpose-[a-z0-9-]+)"/g)].map((m) => m[1])
    expect(targets.length).toBeGreaterThan(5)
    for (const target of new Set(targets)) expect(html).toContain(`<h3 id="${target}">`)
    // Markdown headings carry no id of ours: the numbers stay plain text there.
    expect(renderNotice(policy, 'en', 'md')).not.toContain('#purpose-')
  })

  it('says retention in words', () => {
    expect(renderNotice(policy, 'en', 'md')).toContain('Kept 10 years after the end of the relationship, then destroyed; longer where a law requires it.')
    expect(renderNotice(policy, 'ru', 'md')).toContain('Хранятся 10 лет после окончания отношений, затем уничтожаются')
    expect(renderNotice(policy, 'kk', 'md')).toContain('Қатынастар аяқталғаннан кейін 10 жыл сақталады, содан кейін жойылады')
    expect(renderNotice(policy, 'en', 'md')).toContain('it is blocked and destroyed within 6 months')
  })

  it('highlights a cross-border transfer with the country and the ground (art. 16)', () => {
    const html = renderNotice(policy, 'en', 'html')
    expect(htmlRow(html, 'Google LLC')).toMatch(/^<tr class="warning">/)
    expect(html).toContain('<strong class="warning">Cross-border transfer: United States (US); ground: the subject’s consent</strong>')
    expect(htmlRow(html, 'State revenue bodies')).toMatch(/^<tr>/)
  })

  it('tells how to withdraw consent: channels, address, e-mail, notice period, blockers, consequences', () => {
    const withNotice = demoPolicy((d) => {
      const form = d.consentForms.find((f) => f.id === 'biometrics')
      if (form) form.withdrawal.noticeBusinessDays = 10
    })
    const ru = renderNotice(withNotice, 'ru', 'md')
    expect(ru).toContain('- **Способы:** личный кабинет (портал), электронная почта, письменное заявление')
    expect(ru).toContain('- **Срок уведомления:** Заявление подаётся не позднее чем за 10 рабочих дней до даты отзыва')
    expect(ru).toContain('- **Когда отзыв невозможен:** если отзыв противоречит законам Республики Казахстан')
    expect(ru).toContain('услуги становятся недоступны; Ребёнок проходит в школу по карте.')
    expect(renderNotice(withNotice, 'kk', 'md')).toContain('кері қайтарып алу күнінен кемінде 10 жұмыс күні бұрын беріледі')
  })

  it('shows the cookie table with vendors, their country and whether consent is needed (TTC-5)', () => {
    const md = renderNotice(policy, 'en', 'md')
    expect(md).toContain('| Necessary | Needed for the site to work. | No | Demo Sauda – Kazakhstan (KZ), first-party; cookies: sid (session) |')
    expect(md).toContain('| Analytics | Visit statistics. | Yes | **Google Analytics – United States (US), third-party**; cookies: \\_ga (2 years) |')
  })

  it('states age rules and purpose-locked data (KZK-3.16–3.17)', () => {
    const en = renderNotice(policy, 'en', 'md')
    expect(en).toContain('- **Age of majority:** 18 years')
    expect(en).toContain("The pupil's face image: used only for School access control. Applies to: Pupil. Any other use needs a further consent of the parent or legal representative.")
  })

  it('names the authorised body from the law profile, and the breach deadline', () => {
    const en = renderNotice(policy, 'en', 'md')
    expect(en).toContain(`The authorised body – ${LAW_94V.authorisedBody.en} – is notified within 1 business day of the breach being discovered (art. 25(2)(8) of the Law).`)
    const renamed = { ...LAW_94V, authorisedBody: { kk: 'Жаңа орган', ru: 'Новый орган', en: 'The New Body' } }
    expect(renderNotice(policy, 'en', 'md', { law: renamed })).toContain('to the authorised body – The New Body – or to a court')
  })

  it('carries the free sections and the version, effective date and approval (TTC-3.7)', () => {
    const ru = renderNotice(policy, 'ru', 'md')
    expect(ru).toContain('## Изменение уведомления\n\nНовая редакция уведомления действует со дня её публикации на сайте.\n\nПрежние редакции предоставляются по запросу.')
    expect(ru).toContain('- **Дата вступления в силу:** 1 марта 2026 г.')
    expect(ru).toContain('- **Утверждено:** Басқарма төрағасы Б. Сәрсенов, № 15-Б бұйрық, 20 февраля 2026 г.')
    expect(ru).toContain(policy.hash)
  })

  it('leaves out sections the policy does not have', () => {
    const bare = demoPolicy((d) => {
      delete d.cookies
      delete d.notice
      d.recipients = []
    })
    const en = renderNotice(bare, 'en', 'md')
    expect(en).not.toContain('## Cookies')
    expect(en).not.toContain('## Changes to this notice')
    expect(en).toContain('The policy names no recipients of personal data.')
  })
})
