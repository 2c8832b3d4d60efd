import type { Static } from '@sinclair/typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { authorize, requirePermission } from '../access/index.ts'
import type { AppDeps } from '../http/app-deps.ts'
import {
  DiffSchema, ListProposalsQuery, ListScansQuery, OperatorParams, ProposalParams, ProposalSchema, RejectBody, ReportSchema, ScanBody, ScanParams, ScanSummarySchema, SystemParams,
} from './discovery-schemas.ts'
import { acceptProposal, rejectProposal } from './store/decide-proposal.ts'
import type { DiscoveryDeps } from './store/discovery-deps.ts'
import { getScan, listProposals, listScans } from './store/read-scans.ts'
import { scanSystem } from './store/scan-system.ts'

const problem = { $ref: 'Problem#' }
const denied = { 401: problem, 403: problem }
const tags = ['discovery']
const proposal = Type.Ref(ProposalSchema)
const scanResult = Type.Object({ ...ScanSummarySchema.properties, report: ReportSchema, diff: DiffSchema, proposals: Type.Array(proposal) })

/**
 * Discovery of personal data in the operator's connected databases (issue 7):
 * scan a system, read scans with their diff against the one before, and
 * accept or reject the proposals they make to the data map. `systems:read`
 * to read, `systems:manage` to scan and decide — discovery serves the data map.
 */
export async function discoveryRoutes(app: FastifyInstance, appDeps: AppDeps): Promise<void> {
  const deps: DiscoveryDeps = appDeps
  app.addSchema(ProposalSchema)
  const actor = (request: FastifyRequest, operatorId: string) => authorize(request, operatorId, 'systems:manage').actor
  const read = requirePermission('systems:read')
  const manage = requirePermission('systems:manage')

  app.post<{ Params: Static<typeof SystemParams>; Body: Static<typeof ScanBody> }>('/v1/operators/:operatorId/systems/:systemId/scans', {
    preValidation: manage,
    schema: {
      tags, summary: 'Scan a connected PostgreSQL or MySQL/MariaDB system for personal data; keeps the report (no values), its diff and proposals',
      params: SystemParams, body: ScanBody, response: { 201: scanResult, 400: problem, 404: problem, 422: problem, 502: problem, 503: problem, ...denied },
    },
  }, async (request, reply) => {
    const { operatorId, systemId } = request.params
    const result = await scanSystem(deps, operatorId, systemId, request.body ?? {}, actor(request, operatorId))
    const scan = await getScan(deps, operatorId, result.scanId)
    return reply.status(201).header('location', `/v1/operators/${operatorId}/scans/${result.scanId}`).send(scan)
  })

  app.get<{ Params: Static<typeof OperatorParams>; Querystring: Static<typeof ListScansQuery> }>('/v1/operators/:operatorId/scans', {
    preValidation: read,
    schema: { tags, summary: 'Scans, newest first', params: OperatorParams, querystring: ListScansQuery, response: { 200: Type.Object({ scans: Type.Array(ScanSummarySchema) }), 400: problem, ...denied } },
  }, async (request) => ({ scans: await listScans(deps, request.params.operatorId, request.query) }))

  app.get<{ Params: Static<typeof ScanParams> }>('/v1/operators/:operatorId/scans/:scanId', {
    preValidation: read,
    schema: { tags, summary: 'One scan: its report, its diff against the scan of the system before it, its proposals', params: ScanParams, response: { 200: scanResult, 404: problem, ...denied } },
  }, async (request) => getScan(deps, request.params.operatorId, request.params.scanId))

  app.get<{ Params: Static<typeof OperatorParams>; Querystring: Static<typeof ListProposalsQuery> }>('/v1/operators/:operatorId/discovery/proposals', {
    preValidation: read,
    schema: { tags, summary: 'Proposals to the data map, open ones by default', params: OperatorParams, querystring: ListProposalsQuery, response: { 200: Type.Object({ proposals: Type.Array(proposal) }), 400: problem, ...denied } },
  }, async (request) => ({ proposals: await listProposals(deps, request.params.operatorId, request.query) }))

  app.post<{ Params: Static<typeof ProposalParams> }>('/v1/operators/:operatorId/discovery/proposals/:proposalId/accept', {
    preValidation: manage,
    schema: {
      tags, summary: 'Accept: map the column as the proposed item (validated like any map change), or, for `add_item`, get the item to add to the policy',
      params: ProposalParams, response: { 200: Type.Object({ proposal, policyItem: Type.Optional(Type.String()) }), 404: problem, 409: problem, 422: problem, ...denied },
    },
  }, async (request) => {
    const { operatorId, proposalId } = request.params
    return acceptProposal(deps, operatorId, proposalId, actor(request, operatorId))
  })

  app.post<{ Params: Static<typeof ProposalParams>; Body: Static<typeof RejectBody> }>('/v1/operators/:operatorId/discovery/proposals/:proposalId/reject', {
    preValidation: manage,
    schema: { tags, summary: 'Reject with a reason; the same finding is not proposed again', params: ProposalParams, body: RejectBody, response: { 200: proposal, 400: problem, 404: problem, 409: problem, ...denied } },
  }, async (request) => {
    const { operatorId, proposalId } = request.params
    return rejectProposal(deps, operatorId, proposalId, request.body.reason, actor(request, operatorId))
  })
}
