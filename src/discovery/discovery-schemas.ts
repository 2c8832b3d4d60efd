import { Type } from '@sinclair/typebox'
import { PROPOSAL_STATUSES } from './store/discovery-tables.ts'

const Id = Type.String({ pattern: '^[a-z][a-z0-9-]{0,63}$' })
const Uuid = Type.String({ format: 'uuid' })

export const OperatorParams = Type.Object({ operatorId: Id })
export const SystemParams = Type.Object({ operatorId: Id, systemId: Id })
export const ScanParams = Type.Object({ operatorId: Id, scanId: Uuid })
export const ProposalParams = Type.Object({ operatorId: Id, proposalId: Uuid })

export const ScanBody = Type.Object(
  {
    mode: Type.Optional(Type.Union([Type.Literal('sample'), Type.Literal('full')], { description: '`sample` (default): about `sampleSize` rows a table, spread over it; `full`: every row' })),
    sampleSize: Type.Optional(Type.Integer({ minimum: 10, maximum: 100_000, description: 'Rows sampled a table; 1,000 by default' })),
  },
  { additionalProperties: false },
)

export const ListScansQuery = Type.Object({ systemId: Type.Optional(Id), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) }, { additionalProperties: false })
export const ListProposalsQuery = Type.Object(
  { status: Type.Optional(Type.Union(PROPOSAL_STATUSES.map((s) => Type.Literal(s)))), systemId: Type.Optional(Id) },
  { additionalProperties: false },
)
export const RejectBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000, description: 'Why the column is not what discovery thinks (kept, and the finding is not proposed again)' }) }, { additionalProperties: false })

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()])

export const ProposalSchema = Type.Object(
  {
    proposalId: Type.String(),
    scanId: Type.String(),
    systemId: Type.String(),
    table: Type.String(),
    column: Type.String(),
    detectedKind: Type.String(),
    itemKind: Type.String(),
    action: Type.Union([Type.Literal('map_column'), Type.Literal('add_item')]),
    itemId: Nullable(Type.String()),
    currentItemId: Nullable(Type.String()),
    identifies: Nullable(Type.String()),
    masking: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
    confidence: Type.Number(),
    status: Type.String(),
    decidedBy: Nullable(Type.String()),
    decidedAt: Nullable(Type.String()),
    reason: Nullable(Type.String()),
    createdAt: Type.String(),
  },
  { $id: 'DiscoveryProposal' },
)

export const ScanSummarySchema = Type.Object({
  scanId: Type.String(),
  systemId: Type.String(),
  source: Type.String(),
  target: Type.String(),
  mode: Type.String(),
  startedAt: Type.String(),
  finishedAt: Type.String(),
  personalColumns: Type.Integer(),
  createdBy: Type.String(),
})

/** The report and diff are described in docs/discovery.md; they are passed through as built. */
export const ReportSchema = Type.Unknown({ description: 'tables → columns → kind, confidence, sampled, matched, itemKind, itemId, masked examples, mentions' })
export const DiffSchema = Type.Unknown({ description: 'previousScanId, tablesAdded, tablesRemoved, columns (before → after kind)' })
