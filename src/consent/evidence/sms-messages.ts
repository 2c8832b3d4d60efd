import type { Language } from '../../policy/index.ts'

/**
 * The SMS a subject receives with a consent code, Kazakh first. Short on
 * purpose: a Cyrillic SMS segment holds 70 characters.
 */
const SMS_CODE_TEXT: Readonly<Record<Language, string>> = {
  kk: '{operator}: дербес деректерді өңдеуге келісімді растау коды {code}. Код {minutes} минут жарамды. Кодты ешкімге айтпаңыз.',
  ru: '{operator}: код подтверждения согласия на обработку персональных данных {code}. Код действует {minutes} минут. Никому его не сообщайте.',
  en: '{operator}: your code to confirm consent to the processing of personal data is {code}. Valid for {minutes} minutes. Do not share it.',
}

/** The text of a consent-code SMS in the subject's language. */
export function smsCodeText(language: Language, vars: { operator: string; code: string; minutes: number }): string {
  return SMS_CODE_TEXT[language]
    .replace('{operator}', vars.operator)
    .replace('{code}', vars.code)
    .replace('{minutes}', String(vars.minutes))
}
