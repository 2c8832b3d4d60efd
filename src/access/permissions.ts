/**
 * What an API key or a staff member may do within one operator. A key or a
 * role holds a list of these; routes ask for exactly one (`authorize`).
 * Reading personal data (`data:read`) additionally needs a recorded basis
 * (TTC-7.1/7.2) and returns only the items the staff role may see.
 */
export const PERMISSIONS = [
  'subjects:read', // find subjects, see their status, kind, representatives — no personal-data values
  'subjects:write', // register and update subjects, identifiers, representatives
  'data:read', // read vault values (with a recorded basis)
  'data:write', // collect, change, supplement vault values
  'data:export', // hand personal data out of Derbes: a copy for a subject, a file for a recipient
  'subjects:block', // block and unblock
  'subjects:destroy', // anonymise and destroy (crypto-shredding)
  'consents:read',
  'consents:write', // record consent events, withdrawals, obligations
  'decisions', // ask whether a processing is allowed now
  'audit:read', // read and verify the audit log
  'audit:checkpoint', // sign checkpoints of the audit chain
  'events:manage', // webhook endpoints and event delivery
  'staff:manage', // staff users, roles, API keys
  'requests:read', // see data subject requests, their deadlines and history — no personal-data values
  'requests:manage', // register requests, add identity proof, move them through their states, refuse them
  'systems:read', // see the data map of the operator's own systems (connection secrets stay sealed)
  'systems:manage', // declare, change, test and remove those systems and their connection secrets
  'retention:read', // see retention runs, their items and destruction acts — subject ids, never values
  'retention:run', // start a retention run (dry or real) by hand
  'retention:sign', // sign a destruction act as the responsible person (issue 5 §3)
  'retention:manage', // record retention triggers (purpose achieved, contract end, account closed), place and release legal holds
  'statistics:export', // aggregate, k-anonymous statistics — never an identifier or a vault value (art. 17(1))
  'incidents:read', // see the breach register, deadlines, notices and timelines — no personal-data values
  'incidents:manage', // register incidents, resolve affected subjects, add measures, record the authority notice, queue subject notices
  'policy:read', // every version of the policy, drafts included, their lint reports and diffs (the published one is public)
  'policy:manage', // upload a new draft version of the policy
  'policy:approve', // approve and publish a version: the responsible person's act (TTC-3.7)
] as const
export type Permission = (typeof PERMISSIONS)[number]

const KNOWN: ReadonlySet<string> = new Set(PERMISSIONS)

export function isPermission(value: string): value is Permission {
  return KNOWN.has(value)
}
