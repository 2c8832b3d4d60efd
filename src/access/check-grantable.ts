import { DerbesError } from '../errors/index.ts'
import type { Permission } from './permissions.ts'
import type { Principal } from './principal.ts'

/**
 * Refuses to let a principal hand out (or take over, by resetting a
 * password) more than it holds: a key with `staff:manage` and nothing else
 * cannot mint a key that destroys subjects, nor reset an administrator's
 * password. Without this, `staff:manage` would be every permission.
 *
 * @example
 * checkGrantable(principal, ['decisions', 'subjects:read'])
 */
export function checkGrantable(principal: Principal, permissions: Iterable<Permission>): void {
  const missing = [...new Set(permissions)].filter((p) => !principal.permissions.has(p))
  if (missing.length > 0) {
    throw new DerbesError('DERBES_FORBIDDEN', `you cannot grant or take over permissions you do not hold: ${missing.sort().join(', ')}`)
  }
}
