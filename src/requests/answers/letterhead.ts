import type { Language, PolicyDocument } from '../../policy/index.ts'
import { answerText } from './answer-messages.ts'

/**
 * The head of every letter to a subject: the operator's name, its BIN (or an
 * individual entrepreneur's IIN), address, postal address when different, and
 * contacts — as the published policy states them (art. 25(2)(10)).
 *
 * @example
 * operatorLetterhead(esp.document.operator, 'kk') // ['«ЭСПЕРАНС-РК» ЖШС', 'БСН 220240037922', …]
 */
export function operatorLetterhead(operator: PolicyDocument['operator'], language: Language): string[] {
  const t = (key: Parameters<typeof answerText>[1], vars: Record<string, string>) => answerText(language, key, vars)
  return [
    operator.name[language],
    ...(operator.bin ? [t('bin', { bin: operator.bin })] : operator.iin ? [t('iin', { iin: operator.iin })] : []),
    operator.address[language],
    ...(operator.postalAddress && operator.postalAddress[language] !== operator.address[language] ? [operator.postalAddress[language]] : []),
    ...(operator.contacts.email ? [t('contactEmail', { email: operator.contacts.email })] : []),
    ...(operator.contacts.phone ? [t('contactPhone', { phone: operator.contacts.phone })] : []),
    ...(operator.contacts.website ? [t('contactWebsite', { website: operator.contacts.website })] : []),
  ]
}
