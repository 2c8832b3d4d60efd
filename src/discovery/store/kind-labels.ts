import type { DetectedKind } from '../detectors/detection.ts'

/** What each kind is called, for an item a proposal asks to add to the policy's list (kk, ru, en). */
export const KIND_LABELS: Readonly<Record<DetectedKind, { kk: string; ru: string; en: string }>> = {
  iin: { kk: 'Жеке сәйкестендіру нөмірі (ЖСН)', ru: 'Индивидуальный идентификационный номер (ИИН)', en: 'Individual identification number (IIN)' },
  bin: { kk: 'Бизнес-сәйкестендіру нөмірі (БСН)', ru: 'Бизнес-идентификационный номер (БИН)', en: 'Business identification number (BIN)' },
  phone: { kk: 'Телефон нөмірі', ru: 'Номер телефона', en: 'Phone number' },
  email: { kk: 'Электрондық пошта мекенжайы', ru: 'Адрес электронной почты', en: 'E-mail address' },
  bank_card: { kk: 'Банк картасының нөмірі', ru: 'Номер банковской карты', en: 'Bank card number' },
  iban: { kk: 'Банк шотының нөмірі (IBAN)', ru: 'Номер банковского счёта (IBAN)', en: 'Bank account number (IBAN)' },
  id_card: { kk: 'Жеке куәліктің нөмірі', ru: 'Номер удостоверения личности', en: 'Identity card number' },
  passport: { kk: 'Төлқұжат нөмірі', ru: 'Номер паспорта', en: 'Passport number' },
  postcode: { kk: 'Пошта индексі', ru: 'Почтовый индекс', en: 'Postcode' },
  ip_address: { kk: 'IP-мекенжай', ru: 'IP-адрес', en: 'IP address' },
  mac_address: { kk: 'Құрылғының MAC-мекенжайы', ru: 'MAC-адрес устройства', en: 'Device MAC address' },
  birth_date: { kk: 'Туған күні', ru: 'Дата рождения', en: 'Date of birth' },
  person_name: { kk: 'Тегі, аты, әкесінің аты', ru: 'Фамилия, имя, отчество', en: 'Full name' },
  address: { kk: 'Мекенжай', ru: 'Адрес', en: 'Address' },
}
