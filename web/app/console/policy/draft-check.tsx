import { useEffect, useMemo, useState } from 'react'
import { useTexts, type Language } from '../../i18n/language.tsx'
import { ProblemNotice } from '../../ui/problem-notice.tsx'
import { useConsoleSession } from '../session.tsx'

interface Issue { line: number; column: number; path: string; message: string }
interface Finding { line?: number; column?: number; severity: string; ruleId: string; message: string; article: string }
interface Check { loads: boolean; issues: Issue[]; lint: { findings: Finding[] } | null; notice: string | null }

const TEXTS = {
  checking: { kk: 'Тексеріліп жатыр…', ru: 'Проверяется…', en: 'Checking…' },
  doesNotLoad: { kk: 'Жоба жүктелмейді:', ru: 'Проект не загружается:', en: 'The draft does not load:' },
  findings: { kk: 'Заң бойынша ескертулер', ru: 'Замечания по закону', en: 'Findings under the law' },
  clean: { kk: 'Ескертулер жоқ.', ru: 'Замечаний нет.', en: 'No findings.' },
  preview: { kk: 'Хабарламаның алдын ала көрінісі', ru: 'Предпросмотр уведомления', en: 'Notice preview' },
}
const LANGUAGE_NAMES: Record<Language, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' }
const DELAY_MS = 600

/**
 * The notice's body to show inside the console: the renderer escapes every
 * text of the policy; its styles, skip link and landmarks (a second `main`,
 * `header`, `nav`) and its ids are left out so the console page stays one
 * page to a screen reader.
 */
function noticeBody(html: string): string {
  const body = new DOMParser().parseFromString(html, 'text/html').body
  body.querySelectorAll('.skip-link, style, script').forEach((e) => e.remove())
  for (const landmark of body.querySelectorAll('main, header, footer, nav')) {
    const div = document.createElement('div')
    div.append(...landmark.childNodes)
    landmark.replaceWith(div)
  }
  body.querySelectorAll('[id]').forEach((e) => e.removeAttribute('id'))
  body.querySelectorAll('[aria-labelledby]').forEach((e) => e.removeAttribute('aria-labelledby'))
  body.querySelectorAll('a[href^="#"]').forEach((a) => a.removeAttribute('href'))
  return body.innerHTML
}

/**
 * The draft checked while it is typed (issue 6 §1: "the policy editor with
 * live lint findings and a preview of the notice in three languages"): a
 * moment after the last keystroke, where it does not load (line, column),
 * its findings under Law 94-V, and the notice as subjects would read it.
 * Nothing is stored until the draft is uploaded.
 */
export function DraftCheck({ source }: { source: string }) {
  const { call } = useConsoleSession()
  const t = useTexts(TEXTS)
  const [language, setLanguage] = useState<Language>('kk')
  const [check, setCheck] = useState<Check | null>(null)
  const [error, setError] = useState<unknown>()
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (!source.trim()) {
      setCheck(null)
      return
    }
    let current = true
    const timer = setTimeout(() => {
      setBusy(true)
      call<Check>('/policy/check', { body: { source, language } })
        .then((result) => {
          if (!current) return
          setCheck(result)
          setError(undefined)
        })
        .catch((e: unknown) => current && setError(e))
        .finally(() => current && setBusy(false))
    }, DELAY_MS)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [call, source, language])

  const notice = useMemo(() => (check?.notice ? noticeBody(check.notice) : ''), [check?.notice])

  if (!source.trim()) return null
  return (
    <section aria-labelledby="draft-check-title" aria-busy={busy}>
      <h3 id="draft-check-title">{t.findings}</h3>
      <ProblemNotice error={error} />
      {busy && !check ? <p className="muted" role="status">{t.checking}</p> : null}
      {check && !check.loads ? (
        <>
          <p>{t.doesNotLoad}</p>
          <ul data-testid="draft-issues">{check.issues.map((i, k) => <li key={k}><code>{i.line}:{i.column}</code> {i.path} — {i.message}</li>)}</ul>
        </>
      ) : null}
      {check?.lint ? (
        check.lint.findings.length ? (
          <ul data-testid="draft-findings">{check.lint.findings.map((f, k) => <li key={k}><code>{f.line ?? 1}:{f.column ?? 1}</code> <strong>{f.severity}</strong> {f.ruleId} — {f.message} ({f.article})</li>)}</ul>
        ) : <p>{t.clean}</p>
      ) : null}
      {check?.notice ? (
        <>
          <h3>{t.preview}</h3>
          <div className="actions" role="group" aria-label={t.preview}>
            {(['kk', 'ru', 'en'] as const).map((l) => (
              <button key={l} type="button" className={l === language ? undefined : 'secondary'} aria-pressed={l === language} onClick={() => setLanguage(l)}>{LANGUAGE_NAMES[l]}</button>
            ))}
          </div>
          <div className="notice-preview" data-testid="notice-preview" lang={language} dangerouslySetInnerHTML={{ __html: notice }} />
        </>
      ) : null}
    </section>
  )
}
