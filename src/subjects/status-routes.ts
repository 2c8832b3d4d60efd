import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import type { Permission } from '../access/index.ts'
import type { AppDeps } from '../http/app-deps.ts'
import { anonymiseSubject } from './anonymise-subject.ts'
import { blockSubject, unblockSubject } from './block-subject.ts'
import { BlockBody, EraseBody, UnblockBody } from './data-schemas.ts'
import { destroySubject } from './destroy-subject.ts'
import type { SubjectView } from './find-subject.ts'
import { guard, principalOf } from './route-guard.ts'
import { SubjectParams, SubjectViewSchema } from './subject-schemas.ts'
import type { SubjectsDeps } from './subjects-deps.ts'

const problem = { $ref: 'Problem#' }
const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 410: problem }

type Change = (deps: SubjectsDeps, input: { operatorId: string; subjectId: string; reason: never; reference?: string }, actor: string) => Promise<SubjectView>

const CHANGES: { path: string; permission: Permission; body: typeof BlockBody | typeof UnblockBody | typeof EraseBody; change: Change; summary: string }[] = [
  { path: 'block', permission: 'subjects:block', body: BlockBody, change: blockSubject as Change, summary: 'Block: stop collection, change, supplement and use until unblocked (TW-2; art. 25(2)(8))' },
  { path: 'unblock', permission: 'subjects:block', body: UnblockBody, change: unblockSubject as Change, summary: 'Lift a block (art. 25(2)(8))' },
  { path: 'anonymise', permission: 'subjects:destroy', body: EraseBody, change: anonymiseSubject as Change, summary: 'Anonymise, irreversibly: identifiers, key, values and representations removed' },
  { path: 'destroy', permission: 'subjects:destroy', body: EraseBody, change: destroySubject as Change, summary: 'Destroy: delete the data key (crypto-shredding) with values, identifiers and representations' },
]

/** Block, unblock, anonymise, destroy. */
export async function statusRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  for (const { path, permission, body, change, summary } of CHANGES) {
    app.post<{ Params: { operatorId: string; subjectId: string }; Body: { reason: never; reference?: string } }>(`/v1/operators/:operatorId/subjects/:subjectId/${path}`, {
      preValidation: guard(permission),
      schema: { tags: ['subjects'], summary, description: `Needs \`${permission}\`.`, params: SubjectParams, body, response: { 200: Type.Ref(SubjectViewSchema), ...errors } },
    }, async (request) => {
      const principal = principalOf(request, permission)
      return change(deps, { ...request.body, ...request.params }, principal.actor)
    })
  }
}
