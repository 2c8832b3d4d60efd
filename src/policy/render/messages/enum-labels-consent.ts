import type { ConsentMethod, ConsentTerm, WithdrawalBlocker, WithdrawalChannel, WithdrawalConsequence, CONSENT_GIVERS } from '../../schema/index.ts'
import type { Localized } from './localized.ts'

// Enum labels for consent and its withdrawal: methods, who gives it, its term, withdrawal channels,
// blockers and consequences.

export const CONSENT_METHOD_LABELS: Record<ConsentMethod, Localized> = {
  paper_signature: { kk: 'қағаз жеткізгіштегі қолтаңба', ru: 'подпись на бумажном носителе', en: 'signature on paper' },
  eds: { kk: 'ЭЦҚ қойылған электрондық құжат', ru: 'электронный документ, подписанный ЭЦП', en: 'electronic document signed with an EDS' },
  phone_confirmation: { kk: 'телефон арқылы растау', ru: 'подтверждение по телефону', en: 'confirmation by phone' },
  call_recording: { kk: 'жазылатын телефон қоңырауы', ru: 'записываемый телефонный звонок', en: 'recorded phone call' },
  checkbox: { kk: 'белгі қою (чекбокс)', ru: 'отметка в поле (чекбокс)', en: 'ticking a box' },
  registration: { kk: 'тіркелу', ru: 'регистрация', en: 'registration' },
  continued_use: { kk: 'ресурсты пайдалануды жалғастыру', ru: 'продолжение использования ресурса', en: 'continuing to use the resource' },
  form_submission: { kk: 'толтырылған нысанды жіберу', ru: 'отправка заполненной формы', en: 'submitting a completed form' },
  sms_code: { kk: 'SMS-кодпен растау', ru: 'подтверждение SMS-кодом', en: 'confirmation by SMS code' },
  state_service: { kk: 'дербес деректерге қол жеткізуді бақылаудың мемлекеттік сервисі', ru: 'государственный сервис контроля доступа к персональным данным', en: 'the state service for control of access to personal data' },
  non_state_service: { kk: 'мемлекеттік емес сервис', ru: 'негосударственный сервис', en: 'a non-state service' },
  application: { kk: 'өтініш беру', ru: 'подача заявления', en: 'submitting an application' },
}

export const CONSENT_GIVER_LABELS: Record<(typeof CONSENT_GIVERS)[number], Localized> = {
  subject: { kk: 'субъектінің өзі', ru: 'сам субъект', en: 'the subject' },
  legal_representative: { kk: 'заңды өкіл (ата-ана, қорғаншы)', ru: 'законный представитель (родитель, опекун)', en: 'the legal representative (parent, guardian)' },
  either: { kk: 'субъект немесе оның заңды өкілі', ru: 'субъект или его законный представитель', en: 'the subject or their legal representative' },
}

export const WITHDRAWAL_CHANNEL_LABELS: Record<WithdrawalChannel, Localized> = {
  registered_mail: { kk: 'тапсырыс хат', ru: 'заказное письмо', en: 'registered letter' },
  post: { kk: 'пошта арқылы хат', ru: 'письмо по почте', en: 'letter by post' },
  courier: { kk: 'курьер арқылы', ru: 'курьером', en: 'by courier' },
  written_application: { kk: 'жазбаша өтініш', ru: 'письменное заявление', en: 'written application' },
  email: { kk: 'электрондық пошта', ru: 'электронная почта', en: 'e-mail' },
  eds_document: { kk: 'ЭЦҚ қойылған электрондық құжат', ru: 'электронный документ с ЭЦП', en: 'electronic document signed with an EDS' },
  portal: { kk: 'жеке кабинет (портал)', ru: 'личный кабинет (портал)', en: 'personal account (portal)' },
  phone: { kk: 'телефон', ru: 'телефон', en: 'phone' },
  in_person: { kk: 'жеке өзі келу', ru: 'лично', en: 'in person' },
  state_service: { kk: 'мемлекеттік сервис', ru: 'государственный сервис', en: 'the state service' },
}

export const WITHDRAWAL_BLOCKER_LABELS: Record<WithdrawalBlocker, Localized> = {
  unfulfilled_obligation: {
    kk: 'субъектінің операторға орындалмаған міндеттемелері болса',
    ru: 'при наличии неисполненных обязательств субъекта перед оператором',
    en: 'while the subject has unfulfilled obligations to the operator',
  },
  contradicts_law: {
    kk: 'кері қайтарып алу Қазақстан Республикасының заңдарына қайшы келсе',
    ru: 'если отзыв противоречит законам Республики Казахстан',
    en: 'where withdrawal would contradict the law',
  },
  other: { kk: 'өзге жағдайлар (төменде сипатталған)', ru: 'иные случаи (описаны ниже)', en: 'other cases (described below)' },
}

export const WITHDRAWAL_CONSEQUENCE_LABELS: Record<WithdrawalConsequence, Localized> = {
  processing_stopped: { kk: 'дербес деректерді өңдеу тоқтатылады', ru: 'обработка персональных данных прекращается', en: 'processing of the personal data stops' },
  account_deleted: { kk: 'есептік жазба және жеке кабинет жойылады', ru: 'учётная запись и личный кабинет удаляются', en: 'the account and personal cabinet are deleted' },
  loyalty_ended: { kk: 'адалдық бағдарламасына қатысу тоқтатылады', ru: 'участие в программе лояльности прекращается', en: 'participation in the loyalty programme ends' },
  loyalty_card_blocked: { kk: 'адалдық картасы бұғатталады', ru: 'карта программы лояльности блокируется', en: 'the loyalty card is blocked' },
  discounts_stopped: { kk: 'жеңілдіктер берілмейді', ru: 'скидки перестают предоставляться', en: 'discounts stop' },
  contract_terminated: { kk: 'шарт бұзылады', ru: 'договор расторгается', en: 'the contract is terminated' },
  service_unavailable: { kk: 'қызметтерді пайдалану мүмкін болмайды', ru: 'услуги становятся недоступны', en: 'the services become unavailable' },
  reconsent_required: {
    kk: 'қызметтерді қайта пайдалану үшін келісімді қайтадан беру қажет',
    ru: 'для повторного пользования услугами нужно снова дать согласие',
    en: 'consent must be given again to use the services again',
  },
}

export const CONSENT_TERM_LABELS: Record<Extract<ConsentTerm, { until: string }>['until'], Localized> = {
  purpose_achieved: { kk: 'өңдеу мақсаттарына қол жеткізілгенге дейін', ru: 'до достижения целей обработки', en: 'until the purposes of processing are achieved' },
  withdrawn: { kk: 'келісім кері қайтарып алынғанға дейін', ru: 'до отзыва согласия', en: 'until consent is withdrawn' },
  relationship_end: { kk: 'оператормен қатынастар (шарт) аяқталғанға дейін', ru: 'на весь срок отношений (договора) с оператором', en: 'for the whole relationship (contract) with the operator' },
}
