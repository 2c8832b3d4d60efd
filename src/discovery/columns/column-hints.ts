import type { DetectedKind } from '../detectors/detection.ts'

/**
 * Words in column names that say what a column holds, in the forms engineers
 * in Kazakhstan write them: English, Russian, Kazakh and their Latin
 * transliterations (issue 7: "column names raise confidence"). A hint never
 * classifies a column by itself — the values must still validate.
 */
const HINTS: Readonly<Record<DetectedKind, readonly string[]>> = {
  iin: ['iin', 'иин', 'жсн', 'zhsn', 'jsn', 'individual_identification_number'],
  bin: ['bin', 'бин', 'бсн', 'bsn', 'business_identification_number'],
  phone: ['phone', 'tel', 'telephone', 'mobile', 'msisdn', 'cell', 'телефон', 'тел', 'мобильный', 'ұялы', 'telefon'],
  email: ['email', 'e_mail', 'mail', 'почта', 'пошта', 'эл_почта', 'pochta'],
  bank_card: ['card', 'pan', 'card_number', 'карта', 'карты', 'карточка', 'karta'],
  iban: ['iban', 'account', 'bank_account', 'счет', 'счёт', 'шот', 'schet', 'iik', 'иик', 'жск'],
  id_card: ['id_card', 'idcard', 'udostoverenie', 'удостоверение', 'уд', 'udl', 'уд_л', 'куәлік', 'kuelik', 'doc_number', 'document_number', 'id_number', 'id_doc', 'doc_no', 'document', 'документ', 'құжат'],
  passport: ['passport', 'паспорт', 'pasport', 'төлқұжат', 'tolkuzhat'],
  postcode: ['postcode', 'post_code', 'zip', 'zipcode', 'postal', 'индекс', 'index', 'индексі', 'indeks', 'pochtovyi_indeks'],
  ip_address: ['ip', 'ip_address', 'ipaddr', 'remote_addr', 'client_ip', 'ip_адрес'],
  mac_address: ['mac', 'mac_address', 'macaddr'],
  birth_date: ['birth', 'birthday', 'birthdate', 'bday', 'dob', 'born', 'date_of_birth', 'birth_date', 'рождения', 'дата_рождения', 'др', 'д_р', 'rozhd', 'data_rozhd', 'rozhdeniya', 'туған', 'tugan'],
  person_name: ['name', 'fio', 'фио', 'full_name', 'fullname', 'first_name', 'firstname', 'last_name', 'lastname', 'surname', 'middle_name', 'patronymic', 'фамилия', 'имя', 'отчество', 'аты', 'тегі', 'әкесінің_аты', 'familiya', 'imya'],
  address: ['address', 'addr', 'адрес', 'мекенжай', 'мекен_жай', 'street', 'улица', 'көше', 'adres', 'mekenzhai'],
}

/** The column name as lower-case words: `clientPhone_2` → `client`, `phone`, `2`. */
export function columnWords(name: string): string[] {
  return name
    .replace(/([\p{Ll}\d])(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
}

/** The kinds a column's name points to; words joined by `_` also match (`date_of_birth`). */
export function hintedKinds(name: string): Set<DetectedKind> {
  const words = columnWords(name)
  const joined = `_${words.join('_')}_`
  const kinds = new Set<DetectedKind>()
  for (const [kind, hints] of Object.entries(HINTS) as [DetectedKind, readonly string[]][]) {
    if (hints.some((hint) => (hint.includes('_') ? joined.includes(`_${hint}_`) : words.includes(hint)))) kinds.add(kind)
  }
  return kinds
}
