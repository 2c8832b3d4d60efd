import { defineRule } from '../lint-rule.ts'
import { countryLabel } from '../policy-facts.ts'

/** TTC-8.2, ESP-5: databases located in Kazakhstan, as art. 12(2) demands. */
export const storageOutsideKz = defineRule(
  {
    id: 'storage-outside-kz',
    article: 'art. 12(2)',
    severity: 'error',
    title: 'Database of record outside Kazakhstan',
    hint: 'Keep the database of record in Kazakhstan (`operator.dataLocation.database: KZ`); copies abroad go under `mirrors` and need a ground for cross-border transfer.',
  },
  ({ policy, law, report }) => {
    const { database } = policy.document.operator.dataLocation
    if (database !== law.storageCountry)
      report(['operator', 'dataLocation', 'database'], `operator '${policy.operatorId}' keeps its database in ${countryLabel(database)}, not in ${law.storageCountry}`)
  },
)

/** A mirror abroad is read as allowed while the database stays at home (law.md [S]); it still sends data abroad. */
export const mirrorAbroad = defineRule(
  {
    id: 'mirror-abroad',
    article: 'art. 12(2), art. 16',
    severity: 'info',
    title: 'Copy of the database kept abroad',
    hint: 'Keep the database of record in Kazakhstan and make sure copying to the mirror rests on a ground for cross-border transfer (art. 16), e.g. consent that names the country.',
  },
  ({ policy, law, report }) => {
    policy.document.operator.dataLocation.mirrors?.forEach((country, m) => {
      if (country !== law.storageCountry)
        report(['operator', 'dataLocation', 'mirrors', m], `operator '${policy.operatorId}' keeps a copy of its data in ${countryLabel(country)}`)
    })
  },
)
