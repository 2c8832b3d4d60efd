import { DerbesError } from '../errors/index.ts'
import type { CompiledPolicy } from '../policy/index.ts'

/**
 * What statistics may be counted by: attributes Derbes holds in clear that
 * identify nobody — never an identifier, a date of birth or a vault value
 * (art. 17(1): data is anonymised before statistical research).
 * `consent_status:<purpose>` and `consent_status:<purpose>:<channel>` take a
 * purpose (and channel) of the published policy.
 */
export const SUBJECT_DIMENSIONS = ['subject_kind', 'subject_status', 'age_band', 'relationship_start_year', 'consent_language'] as const
export const REQUEST_DIMENSIONS = ['request_kind', 'request_state', 'request_channel', 'request_year'] as const
export type StatisticsUnit = 'subjects' | 'requests'

/** One dimension with its generalisation hierarchy: level 0 is the value as counted, the last level `*` (everything). */
export interface Dimension {
  name: string
  unit: StatisticsUnit
  levels: number
  generalise(value: string, level: number): string
  /** Words for each level above 0, for the report of what was generalised. */
  levelNames: readonly string[]
}

export const ANY = '*'

const flat = (name: string, unit: StatisticsUnit): Dimension => ({
  name, unit, levels: 2, levelNames: ['value', 'all'],
  generalise: (v, level) => (level === 0 ? v : ANY),
})

// Years: 2021 → 2020–2024 → 2020–2029 → *.
const years = (name: string, unit: StatisticsUnit): Dimension => ({
  name, unit, levels: 4, levelNames: ['year', '5 years', 'decade', 'all'],
  generalise(v, level) {
    if (level === 0 || !/^\d{4}$/.test(v)) return level >= 3 ? ANY : v
    const y = Number(v)
    if (level === 1) return `${y - (y % 5)}-${y - (y % 5) + 4}`
    if (level === 2) return `${y - (y % 10)}-${y - (y % 10) + 9}`
    return ANY
  },
})

// Ages in 5-year bands under the adult age (0-4 … 15-17), then minor / adult / unknown, then *.
const ageBand: Dimension = {
  name: 'age_band', unit: 'subjects', levels: 3, levelNames: ['5-year band', 'minor or adult', 'all'],
  generalise(v, level) {
    if (level === 0) return v
    if (level === 1) return /^\d/.test(v) ? 'minor' : v
    return ANY
  },
}

// given / withdrawn / refused / expired / withdrawal_pending / none → given / not_given → *.
const consentStatus = (name: string): Dimension => ({
  name, unit: 'subjects', levels: 3, levelNames: ['status', 'given or not', 'all'],
  generalise: (v, level) => (level === 0 ? v : level === 1 ? (v === 'given' ? 'given' : 'not_given') : ANY),
})

/** A consent-status dimension's purpose and channel ('' when none). */
export function consentStatusTarget(name: string): { purposeId: string; channel: string } | undefined {
  const m = /^consent_status:([a-z0-9][a-z0-9-]*)(?::([a-z0-9_-]+))?$/.exec(name)
  return m ? { purposeId: m[1]!, channel: m[2] ?? '' } : undefined
}

/**
 * The dimensions of an export, checked against the closed list and the
 * published policy; all of one unit (subjects or requests).
 *
 * @example
 * resolveDimensions(policy, ['subject_kind', 'consent_status:marketing:sms']) // { unit: 'subjects', dimensions: [...] }
 */
export function resolveDimensions(policy: CompiledPolicy, names: readonly string[]): { unit: StatisticsUnit; dimensions: Dimension[] } {
  const dimensions = names.map((name, i): Dimension => {
    const fail = (detail: string): never => {
      throw new DerbesError('DERBES_STATISTICS_DIMENSION_UNKNOWN', `'${name}' cannot be a dimension: ${detail}`, [{ pointer: `/body/dimensions/${i}`, detail }])
    }
    if (name === 'age_band') return ageBand
    if (name === 'relationship_start_year') return years(name, 'subjects')
    if (name === 'request_year') return years(name, 'requests')
    if ((SUBJECT_DIMENSIONS as readonly string[]).includes(name)) return flat(name, 'subjects')
    if ((REQUEST_DIMENSIONS as readonly string[]).includes(name)) return flat(name, 'requests')
    const target = consentStatusTarget(name)
    if (!target) return fail(`one of ${[...SUBJECT_DIMENSIONS, ...REQUEST_DIMENSIONS, 'consent_status:<purpose>[:<channel>]'].join(', ')}`)
    const purpose = policy.document.purposes.find((p) => p.id === target.purposeId)
    if (!purpose) return fail(`the published policy has no purpose '${target.purposeId}'`)
    const channels: readonly string[] = purpose.channels ?? []
    if (target.channel !== '' && !channels.includes(target.channel)) return fail(`purpose '${target.purposeId}' has no channel '${target.channel}'`)
    return consentStatus(name)
  })
  const units = new Set(dimensions.map((d) => d.unit))
  if (units.size > 1) {
    throw new DerbesError('DERBES_STATISTICS_DIMENSION_UNKNOWN', 'subject and request dimensions cannot be mixed in one export', [{ pointer: '/body/dimensions', detail: 'all of subjects or all of requests' }])
  }
  return { unit: dimensions[0]?.unit ?? 'subjects', dimensions }
}
