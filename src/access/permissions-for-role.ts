import type { AccessAction, CompiledPolicy } from '../policy/index.ts'
import type { Permission } from './permissions.ts'

/**
 * What each action a policy role may take (`access.roles[].actions`) lets a
 * member of staff do through the API. Reading includes asking for a decision
 * (it discloses no data values); every other permission — audit, events,
 * staff management — is never implied by a role and must be granted on top.
 */
export const ROLE_ACTION_PERMISSIONS: Readonly<Record<AccessAction, readonly Permission[]>> = {
  read: ['subjects:read', 'data:read', 'consents:read', 'decisions'],
  write: ['subjects:write', 'data:write', 'consents:write'],
  export: ['data:export'],
  block: ['subjects:block'],
  destroy: ['subjects:destroy'],
}

/**
 * The permissions a staff role of the operator's policy carries, plus any
 * extra ones granted to the person (an administrator's `staff:manage`). A role
 * the policy no longer lists carries nothing: staff keep only their extras
 * until given a role the published policy knows.
 *
 * @example
 * permissionsForRole(ttcPolicy, 'branch-staff') // subjects:read, data:read, …, data:write (read + write)
 * permissionsForRole(ttcPolicy, 'authorised-staff', ['staff:manage'])
 */
export function permissionsForRole(policy: CompiledPolicy, roleId: string, extra: readonly Permission[] = []): ReadonlySet<Permission> {
  const role = policy.document.access.roles.find((r) => r.id === roleId)
  const permissions = new Set<Permission>(extra)
  for (const action of role?.actions ?? []) for (const p of ROLE_ACTION_PERMISSIONS[action]) permissions.add(p)
  return permissions
}
