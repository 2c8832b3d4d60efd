import type { Channel, CrossBorderGround, LegalBasis, RecipientRole, RetentionAction, RetentionTrigger } from '../../schema/index.ts'
import type { Localized } from './localized.ts'

// Enum labels for purposes, recipients and retention: legal bases, channels, recipient roles,
// cross-border grounds, retention triggers and actions.

export const LEGAL_BASIS_LABELS: Record<LegalBasis, Localized> = {
  consent: { kk: 'Дербес деректер субъектісінің келісімі', ru: 'Согласие субъекта персональных данных', en: 'The data subject’s consent' },
  contract: { kk: 'Субъект тарап болып табылатын шартты жасасу және орындау', ru: 'Заключение и исполнение договора, стороной которого является субъект', en: 'A contract to which the subject is party' },
  legal_obligation: { kk: 'Заңнамада белгіленген міндет', ru: 'Обязанность, установленная законодательством', en: 'A duty set by law' },
  other_lawful_ground: { kk: 'Заңда көзделген өзге негіз (Заңның 9-бабы)', ru: 'Иное основание, предусмотренное законом (ст. 9 Закона)', en: 'Another lawful ground (art. 9 of the Law)' },
}

export const CHANNEL_LABELS: Record<Channel, Localized> = {
  sms: { kk: 'SMS', ru: 'SMS', en: 'SMS' },
  email: { kk: 'электрондық пошта', ru: 'электронная почта', en: 'e-mail' },
  phone: { kk: 'телефон қоңырауы', ru: 'телефонный звонок', en: 'phone call' },
  messenger: { kk: 'мессенджерлер', ru: 'мессенджеры', en: 'messengers' },
  post: { kk: 'пошта', ru: 'почта', en: 'post' },
  push: { kk: 'push-хабарламалар', ru: 'push-уведомления', en: 'push notifications' },
  in_app: { kk: 'қосымшадағы хабарламалар', ru: 'сообщения в приложении', en: 'in-app messages' },
}

export const RECIPIENT_ROLE_LABELS: Record<RecipientRole, Localized> = {
  processor: { kk: 'Оператордың тапсырмасы бойынша өңдейтін тұлға', ru: 'Обработчик по поручению оператора', en: 'Processor acting for the operator' },
  partner: { kk: 'Серіктес', ru: 'Партнёр', en: 'Partner' },
  state_body: { kk: 'Мемлекеттік орган', ru: 'Государственный орган', en: 'State body' },
  affiliate: { kk: 'Үлестес тұлға', ru: 'Аффилированное лицо', en: 'Affiliate' },
  controller: { kk: 'Дербес деректердің өзге операторы', ru: 'Самостоятельный оператор персональных данных', en: 'Independent operator (controller)' },
  professional_adviser: { kk: 'Кәсіби кеңесші (аудитор, нотариус, заңгер)', ru: 'Профессиональный консультант (аудитор, нотариус, юрист)', en: 'Professional adviser (auditor, notary, lawyer)' },
}

export const CROSS_BORDER_GROUND_LABELS: Record<CrossBorderGround, Localized> = {
  consent: { kk: 'субъектінің келісімі', ru: 'согласие субъекта', en: 'the subject’s consent' },
  adequate_state: { kk: 'дербес деректердің қорғалуын қамтамасыз ететін мемлекет', ru: 'государство, обеспечивающее защиту персональных данных', en: 'a state that ensures the protection of personal data' },
  treaty: { kk: 'Қазақстан Республикасы ратификациялаған халықаралық шарт', ru: 'международный договор, ратифицированный Республикой Казахстан', en: 'an international treaty ratified by Kazakhstan' },
  law: { kk: 'заңда көзделген жағдай', ru: 'случай, предусмотренный законом', en: 'a case provided by law' },
  constitutional_rights: { kk: 'конституциялық құқықтар мен бостандықтарды қорғау', ru: 'защита конституционных прав и свобод', en: 'protection of constitutional rights and freedoms' },
}

export const RETENTION_TRIGGER_LABELS: Record<RetentionTrigger, Localized> = {
  purpose_achieved: { kk: 'өңдеу мақсатына қол жеткізу', ru: 'достижение цели обработки', en: 'achievement of the purpose' },
  relationship_end: { kk: 'қатынастардың аяқталуы', ru: 'окончание отношений', en: 'the end of the relationship' },
  contract_end: { kk: 'шарттың аяқталуы', ru: 'окончание договора', en: 'the end of the contract' },
  consent_withdrawn: { kk: 'келісімді кері қайтарып алу', ru: 'отзыв согласия', en: 'withdrawal of consent' },
  consent_expired: { kk: 'келісім мерзімінің өтуі', ru: 'истечение срока согласия', en: 'expiry of consent' },
  deletion_request: { kk: 'жою туралы өтініш', ru: 'требование об удалении', en: 'a request for deletion' },
  collection: { kk: 'деректерді жинау', ru: 'сбор данных', en: 'collection of the data' },
  account_closed: { kk: 'есептік жазбаның жабылуы', ru: 'закрытие учётной записи', en: 'closure of the account' },
}

/** "after <trigger>" as a phrase: Kazakh puts the verb in the ablative before "кейін", Russian the noun in the genitive. */
export const RETENTION_AFTER: Record<RetentionTrigger, Localized> = {
  purpose_achieved: { kk: 'өңдеу мақсатына қол жеткізілгеннен кейін', ru: 'после достижения цели обработки', en: 'after the purpose is achieved' },
  relationship_end: { kk: 'қатынастар аяқталғаннан кейін', ru: 'после окончания отношений', en: 'after the end of the relationship' },
  contract_end: { kk: 'шарт аяқталғаннан кейін', ru: 'после окончания договора', en: 'after the end of the contract' },
  consent_withdrawn: { kk: 'келісім кері қайтарып алынғаннан кейін', ru: 'после отзыва согласия', en: 'after consent is withdrawn' },
  consent_expired: { kk: 'келісімнің мерзімі өткеннен кейін', ru: 'после истечения срока согласия', en: 'after consent expires' },
  deletion_request: { kk: 'жою туралы өтініш түскеннен кейін', ru: 'после получения требования об удалении', en: 'after a request for deletion' },
  collection: { kk: 'деректер жиналғаннан кейін', ru: 'после сбора данных', en: 'after the data is collected' },
  account_closed: { kk: 'есептік жазба жабылғаннан кейін', ru: 'после закрытия учётной записи', en: 'after the account is closed' },
}

export const RETENTION_ACTION_LABELS: Record<RetentionAction, Localized> = {
  destroy: { kk: 'жойылады', ru: 'уничтожаются', en: 'destroyed' },
  anonymise: { kk: 'иесіздендіріледі', ru: 'обезличиваются', en: 'anonymised' },
  anonymise_then_destroy: { kk: 'иесіздендіріледі, содан кейін жойылады', ru: 'обезличиваются, а затем уничтожаются', en: 'anonymised and then destroyed' },
  destroy_or_anonymise: { kk: 'жойылады немесе иесіздендіріледі', ru: 'уничтожаются или обезличиваются', en: 'destroyed or anonymised' },
}
