import type { Cookies } from '../policy/index.ts'

type L = { kk: string; ru: string; en: string }

/** What the banner script receives: the operator's published cookie categories and vendors (TTC-5), and its texts. */
export interface BannerConfig {
  operatorId: string
  versionId: string
  categories: Array<{ id: string; name: L; description: L; requiresConsent: boolean }>
  vendors: Array<{ name: string; category: string; country: string }>
  texts: typeof BANNER_TEXTS
}

/** The banner's own words, Kazakh first; accept and reject say exactly that, with equal weight. */
export const BANNER_TEXTS = {
  title: { kk: 'Cookie файлдары', ru: 'Файлы cookie', en: 'Cookies' },
  body: {
    kk: 'Сайт жұмыс істеуі үшін міндетті cookie файлдарын пайдаланады. Қалғандарын тек сіздің келісіміңізбен қолданамыз; шешіміңізді кез келген уақытта өзгерте аласыз.',
    ru: 'Сайт использует обязательные файлы cookie для своей работы. Остальные мы используем только с вашего согласия; решение можно изменить в любое время.',
    en: 'The site uses necessary cookies to work. We use the others only with your consent; you can change your choice at any time.',
  },
  accept: { kk: 'Барлығын қабылдау', ru: 'Принять все', en: 'Accept all' },
  reject: { kk: 'Барлығынан бас тарту', ru: 'Отклонить все', en: 'Reject all' },
  choose: { kk: 'Таңдау', ru: 'Выбрать', en: 'Choose' },
  save: { kk: 'Таңдауды сақтау', ru: 'Сохранить выбор', en: 'Save my choice' },
  vendors: { kk: 'Үшінші тараптар', ru: 'Третьи лица', en: 'Third parties' },
  always: { kk: 'әрқашан қосулы', ru: 'всегда включены', en: 'always on' },
  // Said when the browser sends Global Privacy Control: the ledger then refuses every optional category.
  gpc: {
    kk: 'Браузеріңіз Global Privacy Control сигналын жібереді, сондықтан міндетті емес cookie файлдарының бәрі өшірулі.',
    ru: 'Ваш браузер передаёт сигнал Global Privacy Control, поэтому все необязательные файлы cookie отключены.',
    en: 'Your browser sends the Global Privacy Control signal, so every optional cookie is off.',
  },
  close: { kk: 'Жабу', ru: 'Закрыть', en: 'Close' },
}

export function bannerConfig(operatorId: string, versionId: string, cookies: Cookies): BannerConfig {
  return {
    operatorId,
    versionId,
    categories: cookies.categories.map((c) => ({ id: c.id, name: c.name, description: c.description, requiresConsent: c.requiresConsent })),
    vendors: (cookies.vendors ?? []).filter((v) => !v.firstParty).map((v) => ({ name: v.name, category: v.category, country: v.country })),
    texts: BANNER_TEXTS,
  }
}
