/*
 * A run of capitalised words one space apart — the candidate name of the
 * names pass (issue 7 item 1: person names in kk/ru/en) — and how sure it is
 * a person's name, by the kinds of word it holds.
 */

// The kinds of word in a name run.
export const GIVEN_NAME = 1
export const SURNAME_SHAPED = 2
export const PATRONYMIC_SHAPED = 4
export const INITIAL = 8
export const OTHER_CAPITAL = 16
/** A number joined by a hyphen (`Самал-2`) or an honorific (`Қабанбай батыр`): a place's name, never a person's. */
export const PLACE_PART = 32

/** A run of capitalised words one space apart: the candidate name. */
export interface NameRun {
  start: number
  end: number
  kinds: number
  words: number
  givenCount: number
  /** The first word's kind, and where the second word starts: a sentence's first word may lead a name (`Подписала Иванова М. П.`). */
  firstKind: number
  secondStart: number
  secondKind: number
  /** The kinds of the words after the first. */
  restKinds: number
}

/** Fills `run` (a finished run's object, or a new one) as a run of one word of `kind` at `[s, end)`. */
export function startRun(run: NameRun | undefined, s: number, end: number, kind: number): NameRun {
  const next = run ?? { start: 0, end: 0, kinds: 0, words: 0, givenCount: 0, firstKind: 0, secondStart: -1, secondKind: 0, restKinds: 0 }
  next.start = s
  next.end = end
  next.kinds = kind
  next.words = 1
  next.givenCount = kind === GIVEN_NAME ? 1 : 0
  next.firstKind = kind
  next.secondStart = -1
  next.secondKind = 0
  next.restKinds = 0
  return next
}

/**
 * How sure the finished `run` is a person's name, 0 when it is none; moves
 * `run.start` past an opening word that is not part of the name.
 */
export function judgeRun(run: NameRun): number {
  if (run.kinds & PLACE_PART) return 0
  let { kinds, words } = run
  const { givenCount } = run
  // An ordinary capitalised word opening the run (a sentence's first: `Орнына L. Boiko`) is not part of the
  // name that follows it — unless the rest is a given name and patronymic, whose surname it is (`Tolegen Nurlan Kairatuly`).
  const restIsGivenAndPatronymic = run.secondKind === GIVEN_NAME && run.restKinds & PATRONYMIC_SHAPED
  if (run.firstKind === OTHER_CAPITAL && words >= 3 && !restIsGivenAndPatronymic) {
    const rest = nameConfidence(run.restKinds, words - 1, givenCount)
    if (rest > 0) {
      run.start = run.secondStart
      kinds = run.restKinds
      words--
    }
  }
  return nameConfidence(kinds, words, givenCount)
}

/** How sure a run of capitalised words of these kinds is a person's name; 0 when it is not one. */
function nameConfidence(kinds: number, words: number, givenCount: number): number {
  const shaped = kinds & (SURNAME_SHAPED | PATRONYMIC_SHAPED)
  if (kinds & GIVEN_NAME && words >= 2 && shaped) return 0.9
  if (kinds & INITIAL && kinds & (SURNAME_SHAPED | OTHER_CAPITAL | GIVEN_NAME) && words >= 2) return 0.85
  if (kinds & SURNAME_SHAPED && kinds & PATRONYMIC_SHAPED) return 0.85
  if (kinds & GIVEN_NAME && words >= 2 && words <= 3 && givenCount < words) return 0.7
  if (kinds & GIVEN_NAME && words >= 2) return 0.6
  // Two capitalised words, one a surname by its ending or by the list (`Tarasova Tatyana`, `Пак Сергей`).
  if (words === 2 && kinds === (SURNAME_SHAPED | OTHER_CAPITAL)) return 0.6
  if (words === 1 && kinds === GIVEN_NAME) return 0.4
  if (words === 1 && kinds === SURNAME_SHAPED) return 0.3
  return 0
}
