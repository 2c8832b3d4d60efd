import type { Localized } from './localized.ts'

/** The printable consent form: its reference line, the signatories' fields, the transfer statements and the attestation. */
export const CONSENT_FORM_MESSAGES = {
  // ── the printable consent form ────────────────────────────────────────────
  formRef: {
    kk: 'Нысан: {id}, {version}-нұсқа; саясаттың {policyVersion} редакциясы',
    ru: 'Форма: {id}, версия {version}; редакция политики {policyVersion}',
    en: 'Form {id}, version {version}; policy version {policyVersion}',
  },
  formSubject: { kk: 'Дербес деректер субъектісі', ru: 'Субъект персональных данных', en: 'Data subject' },
  formSubjectMinor: {
    kk: 'Дербес деректер субъектісі (кәмелетке толмаған немесе әрекетке қабілетсіз адам)',
    ru: 'Субъект персональных данных (несовершеннолетний или недееспособный)',
    en: 'Data subject (a minor or an incapable person)',
  },
  formRepresentative: {
    kk: 'Заңды өкіл (келісімді кәмелетке толмаған немесе әрекетке қабілетсіз адам үшін берсе)',
    ru: 'Законный представитель (если согласие даётся за несовершеннолетнего или недееспособного)',
    en: 'Legal representative (where consent is given for a minor or an incapable person)',
  },
  fieldFullName: { kk: 'Тегі, аты, әкесінің аты (бар болса)', ru: 'Фамилия, имя, отчество (при наличии)', en: 'Full name' },
  fieldIin: { kk: 'ЖСН', ru: 'ИИН', en: 'IIN' },
  fieldIdDocument: {
    kk: 'Жеке басын куәландыратын құжат: түрі, нөмірі, кім және қашан берген',
    ru: 'Документ, удостоверяющий личность: вид, номер, кем и когда выдан',
    en: 'Identity document: type, number, issued by and on',
  },
  fieldRepresentationGround: {
    kk: 'Өкілдік негізі (құжат)',
    ru: 'Основание представительства (документ)',
    en: 'Ground of representation (document)',
  },
  fieldSignature: { kk: 'Қолы', ru: 'Подпись', en: 'Signature' },
  fieldDate: { kk: 'Күні', ru: 'Дата', en: 'Date' },
  formText: { kk: 'Келісім мәтіні', ru: 'Текст согласия', en: 'Text of the consent' },
  formData: { kk: 'Дербес деректер тізбесі', ru: 'Перечень персональных данных', en: 'Personal data covered' },
  formRecipients: { kk: 'Алушылар: {recipients}', ru: 'Получатели: {recipients}', en: 'Recipients: {recipients}' },
  formThirdPartyYes: {
    kk: 'Дербес деректер үшінші тұлғаларға берілуі мүмкін.',
    ru: 'Персональные данные могут передаваться третьим лицам.',
    en: 'Personal data may be transferred to third parties.',
  },
  formThirdPartyNo: {
    kk: 'Дербес деректер үшінші тұлғаларға берілмейді.',
    ru: 'Персональные данные не передаются третьим лицам.',
    en: 'Personal data is not transferred to third parties.',
  },
  formCrossBorderTo: {
    kk: 'Дербес деректер мына мемлекеттердің аумағына трансшекаралық берілуі мүмкін: {countries}.',
    ru: 'Возможна трансграничная передача персональных данных на территорию: {countries}.',
    en: 'Personal data may be transferred across the border to: {countries}.',
  },
  formCrossBorderYes: {
    kk: 'Дербес деректер трансшекаралық берілуі мүмкін.',
    ru: 'Возможна трансграничная передача персональных данных.',
    en: 'Personal data may be transferred across the border.',
  },
  formCrossBorderNo: {
    kk: 'Дербес деректерді трансшекаралық беру жүзеге асырылмайды.',
    ru: 'Трансграничная передача персональных данных не осуществляется.',
    en: 'Personal data is not transferred across the border.',
  },
  formPublicationYes: {
    kk: 'Дербес деректер жалпыға қолжетімді дереккөздерде жариялануы мүмкін.',
    ru: 'Персональные данные могут размещаться в общедоступных источниках.',
    en: 'Personal data may be published in public sources.',
  },
  formPublicationNo: {
    kk: 'Дербес деректер жалпыға қолжетімді дереккөздерде таратылмайды.',
    ru: 'Персональные данные не распространяются в общедоступных источниках.',
    en: 'Personal data is not published in public sources.',
  },
  formAttestation: {
    kk: 'Мен осы келісімнің мәтінін оқыдым және оған келісемін.',
    ru: 'С текстом настоящего согласия ознакомлен(а) и согласен(на).',
    en: 'I have read this consent and I agree to it.',
  },
  formOperator: { kk: 'Оператор', ru: 'Оператор', en: 'Operator' },
} as const satisfies Record<string, Localized>
