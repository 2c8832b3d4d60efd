import type { Localized } from '../policy/render/index.ts'

/**
 * The portal's own fixed texts a subject reads, Kazakh first. The labels of
 * the policy's enums (channels, consequences, blockers, request kinds and
 * states) come from the policy's and the requests' catalogues.
 */
export const PORTAL_TEXTS = {
  withdrawalOutcome: {
    withdrawn: { kk: 'Келісім бірден кері қайтарып алынады', ru: 'Согласие будет отозвано сразу', en: 'The consent is withdrawn at once' },
    scheduled: {
      kk: 'Келісім хабарлау мерзімі өткен соң кері қайтарып алынады',
      ru: 'Согласие будет отозвано по истечении срока уведомления',
      en: 'The consent is withdrawn once the notice period has passed',
    },
    refused: {
      kk: 'Қазір келісімді кері қайтарып алу мүмкін емес: төмендегі себептерді қараңыз',
      ru: 'Сейчас отозвать согласие нельзя: см. причины ниже',
      en: 'The consent cannot be withdrawn now: see the reasons below',
    },
    not_online: {
      kk: 'Бұл келісім жеке кабинет арқылы кері қайтарып алынбайды: төменде көрсетілген тәсілмен жіберіңіз',
      ru: 'Это согласие не отзывается через личный кабинет: направьте отзыв способом, указанным ниже',
      en: 'This consent is not withdrawn through the portal: send the withdrawal the way shown below',
    },
  },
  otherBlocker: { kk: 'Өзге себеп', ru: 'Иная причина', en: 'Another reason' },
} as const satisfies { withdrawalOutcome: Record<string, Localized>; otherBlocker: Localized }
