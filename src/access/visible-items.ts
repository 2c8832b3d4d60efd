import { DerbesError } from '../errors/index.ts'
import type { CompiledPolicy } from '../policy/index.ts'
import type { Principal } from './principal.ts'

/**
 * The data items a principal may see: those of the categories its staff role
 * lists (`access.roles[].categories`), minimum necessary (TTC-7.1). A
 * principal without a role — an operator's integration key — sees every
 * item; give keys a role to narrow them.
 */
export function visibleItemIds(policy: CompiledPolicy, principal: Principal): ReadonlySet<string> {
  if (!principal.roleId) return new Set(policy.items.keys())
  const role = policy.document.access.roles.find((r) => r.id === principal.roleId)
  if (!role) throw new DerbesError('DERBES_FORBIDDEN', `the role '${principal.roleId}' is not in operator '${policy.operatorId}'s policy`)
  const categories = new Set(role.categories)
  return new Set([...policy.items.values()].filter((item) => categories.has(item.categoryId)).map((item) => item.id))
}
