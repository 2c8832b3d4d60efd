import type { DayUnit, RequestHandling, RequestKind, IDENTITY_PROOFS, REQUEST_CHANNELS } from '../../schema/index.ts'
import type { Localized } from './localized.ts'

// Enum labels for subjects' requests: kinds, day units, channels, identity proofs, who may ask for corrections.

export const REQUEST_KIND_LABELS: Record<RequestKind, Localized> = {
  information: { kk: 'Дербес деректердің бар-жоғы және оларды өңдеу туралы ақпарат', ru: 'Информация о наличии и обработке персональных данных', en: 'Information on whether and how your data is processed' },
  access: { kk: 'Өз дербес деректерімен танысу', ru: 'Ознакомление со своими персональными данными', en: 'Access to your personal data' },
  copy: { kk: 'Дербес деректердің көшірмесін беру', ru: 'Предоставление копии персональных данных', en: 'A copy of your personal data' },
  rectify: { kk: 'Дербес деректерді өзгерту', ru: 'Изменение персональных данных', en: 'Changing your data' },
  supplement: { kk: 'Дербес деректерді толықтыру', ru: 'Дополнение персональных данных', en: 'Supplementing your data' },
  block: { kk: 'Дербес деректерді бұғаттау', ru: 'Блокирование персональных данных', en: 'Blocking your data' },
  unblock: { kk: 'Бұзушылық расталмаса, бұғаттауды алу', ru: 'Снятие блокирования, если нарушение не подтвердилось', en: 'Lifting a block when the breach is not confirmed' },
  destroy_unlawful: { kk: 'Заңсыз өңделген дербес деректерді жою', ru: 'Уничтожение незаконно обрабатываемых персональных данных', en: 'Destroying unlawfully processed data' },
  destroy_purpose_achieved: { kk: 'Мақсатқа қол жеткізілгеннен кейін жою', ru: 'Уничтожение по достижении цели обработки', en: 'Destroying data once the purpose is achieved' },
  anonymise: { kk: 'Дербес деректерді иесіздендіру', ru: 'Обезличивание персональных данных', en: 'Anonymising your data' },
  stop_unlawful_processing: { kk: 'Заңсыз өңдеуді тоқтату', ru: 'Прекращение незаконной обработки', en: 'Stopping unlawful processing' },
  withdraw_consent: { kk: 'Келісімді кері қайтарып алу', ru: 'Отзыв согласия', en: 'Withdrawing consent' },
  complaint: { kk: 'Шағымды қарау', ru: 'Рассмотрение жалобы', en: 'Handling a complaint' },
  marketing_opt_out: { kk: 'Жарнамалық хабарламалардан бас тарту', ru: 'Отказ от рекламных сообщений', en: 'Opting out of marketing messages' },
  automated_decision_objection: { kk: 'Автоматтандырылған өңдеуге қарсылыққа жауап беру', ru: 'Ответ на возражение против автоматизированной обработки', en: 'Answering an objection to automated processing' },
  third_party_transfer_notice: { kk: 'Үшінші тұлғаға беру туралы хабарлау', ru: 'Уведомление о передаче третьему лицу', en: 'Notice of a transfer to a third party' },
  remove_published: { kk: 'Заңсыз жарияланған деректерді жалпыға қолжетімді дереккөздерден алып тастау', ru: 'Удаление незаконно опубликованных данных из общедоступных источников', en: 'Removing unlawfully published data from public sources' },
  breach_notice_authority: { kk: 'Бұзушылық туралы уәкілетті органға хабарлау', ru: 'Уведомление уполномоченного органа о нарушении', en: 'Notifying the authorised body of a breach' },
}

export const DAY_UNIT_LABELS: Record<DayUnit, Localized> = {
  business: { kk: 'жұмыс күндері', ru: 'рабочие дни', en: 'business days' },
  calendar: { kk: 'күнтізбелік күндер', ru: 'календарные дни', en: 'calendar days' },
}

export const REQUEST_CHANNEL_LABELS: Record<(typeof REQUEST_CHANNELS)[number], Localized> = {
  written: { kk: 'жазбаша', ru: 'в письменной форме', en: 'in writing' },
  electronic_document: { kk: 'электрондық құжат', ru: 'электронный документ', en: 'electronic document' },
  email: { kk: 'электрондық пошта', ru: 'электронная почта', en: 'e-mail' },
  portal: { kk: 'жеке кабинет (портал)', ru: 'личный кабинет (портал)', en: 'personal account (portal)' },
  in_person: { kk: 'жеке өзі келу', ru: 'лично', en: 'in person' },
  post: { kk: 'пошта арқылы', ru: 'по почте', en: 'by post' },
}

export const IDENTITY_PROOF_LABELS: Record<(typeof IDENTITY_PROOFS)[number], Localized> = {
  id_document_number: { kk: 'жеке басын куәландыратын құжаттың нөмірі', ru: 'номер документа, удостоверяющего личность', en: 'the number of the identity document' },
  id_document_issue_date: { kk: 'құжаттың берілген күні', ru: 'дата выдачи документа', en: 'its date of issue' },
  id_document_issuer: { kk: 'құжатты берген орган', ru: 'орган, выдавший документ', en: 'the issuing authority' },
  handwritten_signature: { kk: 'өз қолымен қойылған қолтаңба', ru: 'собственноручная подпись', en: 'a handwritten signature' },
  eds: { kk: 'электрондық цифрлық қолтаңба (ЭЦҚ)', ru: 'электронная цифровая подпись (ЭЦП)', en: 'an electronic digital signature (EDS)' },
  sms_code: { kk: 'SMS-код', ru: 'SMS-код', en: 'an SMS code' },
  portal_login: { kk: 'жеке кабинетке кіру', ru: 'вход в личный кабинет', en: 'a login to the personal account' },
}

export const CORRECTIONS_FROM_LABELS: Record<NonNullable<RequestHandling['correctionsFrom']>[number], Localized> = {
  subject: { kk: 'субъектінің өзі', ru: 'сам субъект', en: 'the subject' },
  representative: { kk: 'субъектінің өкілі', ru: 'представитель субъекта', en: 'the subject’s representative' },
  authorised_body: { kk: 'уәкілетті орган', ru: 'уполномоченный орган', en: 'the authorised body' },
}
