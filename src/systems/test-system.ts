import { DerbesError } from '../errors/index.ts'
import type { SystemTestReport } from './base-connector.ts'
import { openConnector } from './open-connector.ts'
import { readSystem } from './system-rows.ts'
import type { SystemsDeps } from './systems-deps.ts'

/**
 * Tries a system as it is mapped: it answers, and the mapped tables and
 * columns exist with types their masking fits; warns of identifying columns
 * without an index and of undeclared foreign keys. Reads only the catalogue,
 * never a row. A system that cannot be reached is a report with `ok: false`,
 * not an error, so the answer says what to fix.
 *
 * @example
 * const { ok, problems, warnings } = await testSystem(deps, 'esp', 'loyalty-db')
 */
export async function testSystem(deps: SystemsDeps, operatorId: string, systemId: string): Promise<SystemTestReport & { systemId: string; testedAt: string }> {
  const system = await readSystem(deps.db, operatorId, systemId)
  const stamp = { systemId, testedAt: deps.clock().toISOString() }
  if (system.view.kind === 'manual') {
    return { ...stamp, ok: true, problems: [], warnings: [{ pointer: '/kind', detail: 'a manual system has nothing to connect to: its tasks go to staff' }] }
  }
  try {
    const connector = await openConnector(deps, operatorId, system, 'test')
    return { ...stamp, ...(await connector.test(system.view)) }
  } catch (error) {
    if (!(error instanceof DerbesError)) throw error
    return { ...stamp, ok: false, problems: [{ pointer: '/connection', detail: error.message }], warnings: [] }
  }
}
