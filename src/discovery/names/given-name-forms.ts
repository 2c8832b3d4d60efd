import { ENGLISH_GIVEN, KAZAKH_FEMALE, KAZAKH_MALE, PASSPORT_SPELLINGS, RUSSIAN_FEMALE, RUSSIAN_MALE } from './first-names.ts'

/*
 * Every written form of the given names in `first-names.ts` that records in
 * Kazakhstan hold (issue 7, names in kk/ru/en): Kazakh names also in the
 * Russian spelling without Kazakh letters (Нұрлан → Нурлан), every Cyrillic
 * name also in the Latin spellings of passports and e-mail senders (Нұрлан →
 * Nurlan; Ерлан → Erlan, Yerlan; Юлия → Yulia, Iuliia), and Russian names in
 * the cases a Russian sentence puts them in (Ивану, Марии, с Сергеем).
 */

const RUSSIAN_SPELLING: Readonly<Record<string, string>> = { ә: 'а', ғ: 'г', қ: 'к', ң: 'н', ө: 'о', ұ: 'у', ү: 'у', һ: 'х', і: 'и' }

/** Kazakh letters written the Russian way (Сәрсенбаев → Сарсенбаев), as most Russian-language records do. */
export function russianSpelling(word: string): string {
  return word.replace(/[әғқңөұүһі]/giu, (c) => {
    const r = RUSSIAN_SPELLING[c.toLowerCase()]!
    return c === c.toLowerCase() ? r : r.toUpperCase()
  })
}

/** Latin letters per Cyrillic letter, in two systems: the common one (Yerlan, Yulia) and the ICAO one of newer passports (Erlan, Iuliia). */
const COMMON: Readonly<Record<string, string>> = {
  а: 'a', ә: 'a', б: 'b', в: 'v', г: 'g', ғ: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y', і: 'i', к: 'k', қ: 'k',
  л: 'l', м: 'm', н: 'n', ң: 'n', о: 'o', ө: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ұ: 'u', ү: 'u', ф: 'f', х: 'kh', һ: 'h',
  ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
}
const ICAO: Readonly<Record<string, string>> = { ...COMMON, ё: 'e', й: 'i', ъ: 'ie', ю: 'iu', я: 'ia' }
const VOWELS = 'аәеёиоөуұүыіэюя'

function transliterate(word: string, letters: Readonly<Record<string, string>>, iotatedE: boolean): string {
  let out = ''
  for (let i = 0; i < word.length; i++) {
    const c = word[i]!
    const lower = c.toLowerCase()
    let t = letters[lower] ?? lower
    // Ерлан → Yerlan, Алексеев → Alekseyev: е at a word's start or after a vowel sounds "ye".
    if (iotatedE && lower === 'е' && (i === 0 || VOWELS.includes(word[i - 1]!.toLowerCase()))) t = 'ye'
    out += i === 0 ? t.charAt(0).toUpperCase() + t.slice(1) : t
  }
  return out
}

/** The Latin spellings a Cyrillic name is found under. */
export function latinSpellings(word: string): string[] {
  const common = transliteration(word, COMMON)
  return [...new Set([...common, ...transliteration(word, ICAO)])]
}

function transliteration(word: string, letters: Readonly<Record<string, string>>): string[] {
  const forms = [transliterate(word, letters, false), transliterate(word, letters, true)]
  // Хамит → Hamit beside Khamit; Алексей → Alexey; Юлия → Yulia, Дмитрий → Dmitry at a name's end.
  if (/х/iu.test(word)) forms.push(transliterate(word, { ...letters, х: 'h' }, true))
  if (/кс/iu.test(word)) forms.push(...forms.map((f) => f.replace(/ks/g, 'x')))
  if (/(ия|ий)$/u.test(word)) forms.push(...forms.map((f) => f.replace(/(iya|iia)$/, 'ia').replace(/(iy|ii)$/, 'y')))
  return forms
}

const HUSHING = 'гкхжшчщ'

/** A Russian given name in the cases a sentence puts it in: Иван → Ивана, Ивану, Иваном, Иване. */
export function russianCases(name: string): string[] {
  const last = name.slice(-1)
  const stem = name.slice(0, -1)
  if (name.endsWith('ия')) return [`${stem}и`, `${stem}ю`, `${stem}ей`]
  if (last === 'а') return [`${stem}${HUSHING.includes(stem.slice(-1)) ? 'и' : 'ы'}`, `${stem}е`, `${stem}у`, `${stem}ой`]
  if (last === 'я') return [`${stem}и`, `${stem}е`, `${stem}ю`, `${stem}ей`]
  if (last === 'й' || last === 'ь') return [`${stem}я`, `${stem}ю`, `${stem}ем`, `${stem}е`]
  if (/[бвгджзклмнпрстфхцчшщ]$/u.test(name)) return [`${name}а`, `${name}у`, `${name}ом`, `${name}е`]
  return []
}

/** Every form of every listed given name, in the case it is written (Нұрлан; НҰРЛАН comes from the caller). */
export function givenNameForms(): string[] {
  const kazakh = [...KAZAKH_MALE, ...KAZAKH_FEMALE]
  const cyrillic = [...new Set([...kazakh, ...kazakh.map(russianSpelling), ...RUSSIAN_MALE, ...RUSSIAN_FEMALE])]
  const forms = new Set<string>([...cyrillic, ...ENGLISH_GIVEN, ...PASSPORT_SPELLINGS])
  for (const name of cyrillic) for (const latin of latinSpellings(name)) forms.add(latin)
  for (const name of [...RUSSIAN_MALE, ...RUSSIAN_FEMALE]) for (const form of russianCases(name)) forms.add(form)
  return [...forms]
}
