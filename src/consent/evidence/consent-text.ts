import type { ConsentForm, Language } from '../../policy/index.ts'
import { sha256Hex } from '../../policy/index.ts'

/** One block of text in its canonical spelling: NFC, LF line ends, no trailing spaces, no blank lines around it. */
function canonicalBlock(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+$/u, ''))
    .join('\n')
    .replace(/^\n+|\n+$/g, '')
}

/**
 * The exact consent text a subject is shown and signs, in its canonical form
 * (version 1, stable — a change would orphan every stored hash):
 *
 *     NFC(title) + "\n\n" + NFC(text)
 *
 * in that language, each part with CR LF and CR turned into LF, spaces and
 * tabs at line ends removed and blank lines at its start and end dropped;
 * no trailing newline; UTF-8. It is what an EDS signs (TTC-1.6, App.2 §2)
 * and what an SMS code confirms (ESP-4, KZK-2.3.4).
 *
 * @example
 * consentText(form, 'kk') // 'Дербес деректерді жинауға, өңдеуге келісім\n\n«ЭСПЕРАНС-РК» ЖШС…'
 */
export function consentText(form: Pick<ConsentForm, 'title' | 'text'>, language: Language): string {
  return `${canonicalBlock(form.title[language])}\n\n${canonicalBlock(form.text[language])}`
}

/**
 * SHA-256 (lower-case hex) of the UTF-8 bytes of {@link consentText}: the
 * `form.textHash` of a consent record (art. 8(4): the consent's content),
 * and the digest an EDS-signed consent must carry.
 *
 * @example
 * consentTextHash(policy.consentForms.get('app-1')!, 'ru') // '3f1c…' (64 hex)
 */
export function consentTextHash(form: Pick<ConsentForm, 'title' | 'text'>, language: Language): string {
  return sha256Hex(consentText(form, language))
}
