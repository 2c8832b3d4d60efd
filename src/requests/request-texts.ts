import type { Language } from '../policy/index.ts'
import type { RequestState } from './request-kinds.ts'

type Localized = Readonly<Record<Language, string>>

/**
 * A request's state as the subject sees it (portal, status letters), Kazakh
 * first. The texts of kinds and refusal grounds live with the answer letter
 * (`answers/answer-messages.ts`).
 */
export const REQUEST_STATE_TEXTS: Readonly<Record<RequestState, Localized>> = {
  received: { kk: 'Қабылданды', ru: 'Получено', en: 'Received' },
  verifying: { kk: 'Тексерілуде', ru: 'На проверке', en: 'Being verified' },
  in_progress: { kk: 'Орындалуда', ru: 'Исполняется', en: 'In progress' },
  awaiting_systems: { kk: 'Ақпараттық жүйелердің жауабы күтілуде', ru: 'Ожидается ответ информационных систем', en: 'Waiting for information systems' },
  answered: { kk: 'Жауап берілді', ru: 'Дан ответ', en: 'Answered' },
  refused: { kk: 'Бас тартылды', ru: 'Отказано', en: 'Refused' },
}

/** What a `verifying` request waits for (`waitingFor`), told to the subject so the wait is visible. */
export const WAITING_FOR_TEXTS: Readonly<Record<'identity_proof' | 'authority', Localized>> = {
  identity_proof: {
    kk: 'Жеке басты куәландыратын құжаттың деректері (нөмірі, берілген күні, кім берді) және қолтаңба күтілуде',
    ru: 'Ожидаются данные документа, удостоверяющего личность (номер, дата выдачи, кем выдан), и подпись',
    en: 'Waiting for the identity document details (number, date of issue, issuer) and a signature',
  },
  authority: {
    kk: 'Өкілдің өкілеттігін растайтын құжат күтілуде',
    ru: 'Ожидается документ, подтверждающий полномочия представителя',
    en: "Waiting for a document proving the representative's authority",
  },
}
