import type { Language } from '../policy/index.ts'

type Vars = { operator: string; code: string; minutes: number }

/** The SMS with a portal sign-in code, Kazakh first; short, since a Cyrillic SMS segment holds 70 characters. */
const SMS_TEXT: Readonly<Record<Language, string>> = {
  kk: '{operator}: жеке кабинетке кіру коды {code}. Код {minutes} минут жарамды. Кодты ешкімге айтпаңыз.',
  ru: '{operator}: код входа в личный кабинет {code}. Код действует {minutes} минут. Никому его не сообщайте.',
  en: '{operator}: your sign-in code for the personal account is {code}. Valid for {minutes} minutes. Do not share it.',
}

const EMAIL_SUBJECT: Readonly<Record<Language, string>> = {
  kk: '{operator}: жеке кабинетке кіру коды',
  ru: '{operator}: код входа в личный кабинет',
  en: '{operator}: your sign-in code',
}

const EMAIL_TEXT: Readonly<Record<Language, string>> = {
  kk: [
    'Сәлеметсіз бе!',
    '',
    '{operator} жеке кабинетіне (дербес деректеріңіз, келісімдеріңіз және өтініштеріңіз) кіру коды: {code}',
    '',
    'Код {minutes} минут жарамды және бір рет қана қолданылады. Кодты ешкімге, оның ішінде {operator} қызметкерлеріне де айтпаңыз.',
    'Егер сіз кіруді сұрамаған болсаңыз, бұл хатты елемеңіз.',
  ].join('\n'),
  ru: [
    'Здравствуйте!',
    '',
    'Код входа в личный кабинет {operator} (ваши персональные данные, согласия и обращения): {code}',
    '',
    'Код действует {minutes} минут и может быть использован один раз. Никому его не сообщайте, в том числе сотрудникам {operator}.',
    'Если вы не запрашивали вход, просто проигнорируйте это письмо.',
  ].join('\n'),
  en: [
    'Hello,',
    '',
    'Your code to sign in to the personal account of {operator} (your personal data, consents and requests): {code}',
    '',
    'The code is valid for {minutes} minutes and works once. Do not share it with anyone, {operator} staff included.',
    'If you did not ask to sign in, ignore this message.',
  ].join('\n'),
}

function fill(template: string, vars: Vars): string {
  return template.replaceAll('{operator}', vars.operator).replaceAll('{code}', vars.code).replaceAll('{minutes}', String(vars.minutes))
}

/** The text of a sign-in SMS in the subject's language. */
export function signInSmsText(language: Language, vars: Vars): string {
  return fill(SMS_TEXT[language], vars)
}

/** The subject line and plain text of a sign-in e-mail in the subject's language. */
export function signInEmail(language: Language, vars: Vars): { subjectLine: string; text: string } {
  return { subjectLine: fill(EMAIL_SUBJECT[language], vars), text: fill(EMAIL_TEXT[language], vars) }
}

/** Every template, for the test that checks no language is missing. */
export const SIGN_IN_TEMPLATES = { SMS_TEXT, EMAIL_SUBJECT, EMAIL_TEXT } as const
