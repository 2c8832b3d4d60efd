import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import { authorize } from '../access/index.ts'
import type { Kysely } from 'kysely'
import type { Database } from '../db/index.ts'
import type { CheckpointVerifier } from './checkpoint-signer.ts'
import { listAuditEntries, MAX_PAGE, requireOperator } from './list-audit-entries.ts'
import { BROKEN_REASONS } from './verify-chain-rows.ts'
import { verifyAuditChain } from './verify-audit-chain.ts'

export interface AuditDeps {
  db: Kysely<Database>
  /** Checks signed checkpoints during verification; without it they are skipped. */
  checkpointVerifier?: CheckpointVerifier
}

const problem = { $ref: 'Problem#' }
const OperatorIdParam = Type.Object({ operatorId: Type.String({ pattern: '^[a-z][a-z0-9-]{0,63}$' }) })
const Hash = Type.String({ pattern: '^[0-9a-f]{64}$' })

const VerificationSchema = Type.Union([
  Type.Object({ ok: Type.Literal(true), operatorId: Type.String(), entries: Type.Integer(), headSeq: Type.Integer(), headHash: Hash, checkpoints: Type.Integer() }),
  Type.Object({
    ok: Type.Literal(false),
    operatorId: Type.String(),
    entries: Type.Integer({ description: 'Entries verified before the first broken one' }),
    firstBroken: Type.Object({
      seq: Type.Integer(),
      reason: Type.Unsafe<string>({ type: 'string', enum: [...BROKEN_REASONS] }),
      detail: Type.String(),
    }),
  }),
])

const EntriesQuery = Type.Object({
  after: Type.Optional(Type.Integer({ minimum: 0, description: 'Return entries with seq greater than this (keyset)' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 100 })),
  subjectId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
})

const EntryView = Type.Object({
  seq: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actor: Type.String(),
  action: Type.String(),
  subjectId: Type.Union([Type.String(), Type.Null()]),
  basis: Type.Union([Type.String(), Type.Null()]),
  purpose: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
  prevHash: Hash,
  body: Type.String({ description: 'The canonical text that was hashed: hash = lower-case hex SHA-256 of its UTF-8 bytes (format in src/audit/audit-entry.ts)' }),
  hash: Hash,
})

/** The audit log over HTTP: proof the chain is intact, and its entries page by page. */
export async function auditRoutes(app: FastifyInstance, deps: AuditDeps) {
  app.get<{ Params: { operatorId: string } }>('/v1/operators/:operatorId/audit/verify', {
    schema: {
      tags: ['audit'],
      summary: "Verify the operator's audit hash chain",
      description: 'Recomputes every hash in seq order and checks the links, the head and the signed checkpoints. 200 either way: `ok: false` names the first broken entry and why.',
      params: OperatorIdParam,
      response: { 200: VerificationSchema, 401: problem, 403: problem, 404: problem },
    },
  }, async (request) => {
    // Entries name subjects, actors and bases: reading them is itself access to be authorised.
    authorize(request, request.params.operatorId, 'audit:read')
    await requireOperator(deps.db, request.params.operatorId)
    return verifyAuditChain(deps.db, request.params.operatorId, deps.checkpointVerifier ? { verifier: deps.checkpointVerifier } : {})
  })

  app.get<{ Params: { operatorId: string }; Querystring: { after?: number; limit?: number; subjectId?: string } }>('/v1/operators/:operatorId/audit/entries', {
    schema: {
      tags: ['audit'],
      summary: "A page of the operator's audit entries, oldest first",
      params: OperatorIdParam,
      querystring: EntriesQuery,
      response: { 200: Type.Object({ entries: Type.Array(EntryView), nextAfter: Type.Union([Type.Integer(), Type.Null()]) }), 400: problem, 401: problem, 403: problem, 404: problem },
    },
  }, async (request) => {
    authorize(request, request.params.operatorId, 'audit:read')
    return listAuditEntries(deps.db, request.params.operatorId, request.query)
  })
}
