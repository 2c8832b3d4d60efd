import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import { authorize, requirePermission } from '../access/index.ts'
import type { AppDeps } from '../http/app-deps.ts'
import { closeSystemConnections } from './connection-cache.ts'
import { getSystem, listSystems } from './list-systems.ts'
import { createSystem, deleteSystem, updateSystem } from './save-system.ts'
import { CreateSystemBody, OperatorParams, SystemParams, SystemView, TestReport, UpdateSystemBody } from './system-schemas.ts'
import type { SystemInput } from './system-map.ts'
import { testSystem } from './test-system.ts'

const problem = { $ref: 'Problem#' }
const denied = { 401: problem, 403: problem }

type Op = { Params: { operatorId: string } }
type Sys = { Params: { operatorId: string; systemId: string } }
type Body = Omit<SystemInput, 'systemId' | 'relations'> & { relations?: SystemInput['relations'] }

/**
 * The data map of the operator's own systems (issue 4 item 5): `systems:read`
 * to see it, `systems:manage` to change or test it. Connection secrets go in
 * and never come out.
 */
export async function systemRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  // The pools to the operators' systems end with the app.
  app.addHook('onClose', closeSystemConnections)

  app.post<Op & { Body: Body & { systemId: string } }>('/v1/operators/:operatorId/systems', {
    preValidation: requirePermission('systems:manage'),
    schema: {
      tags: ['systems'],
      summary: 'Declare a system with its data map; the connection secret is sealed',
      description: 'Needs `systems:manage`. Items must be in the published policy; every table needs an identifying path.',
      params: OperatorParams,
      body: CreateSystemBody,
      response: { 201: SystemView, 400: problem, 404: problem, 409: problem, 422: problem, ...denied },
    },
  }, async (request, reply) => {
    const principal = authorize(request, request.params.operatorId, 'systems:manage')
    const view = await createSystem(deps, request.params.operatorId, { relations: [], ...request.body }, principal.actor)
    return reply.status(201).send(view)
  })

  app.get<Op>('/v1/operators/:operatorId/systems', {
    preValidation: requirePermission('systems:read'),
    schema: { tags: ['systems'], summary: "The operator's systems and their maps, connections redacted", description: 'Needs `systems:read`.', params: OperatorParams, response: { 200: Type.Object({ systems: Type.Array(SystemView) }), ...denied } },
  }, async (request) => ({ systems: await listSystems(deps.db, request.params.operatorId) }))

  app.get<Sys>('/v1/operators/:operatorId/systems/:systemId', {
    preValidation: requirePermission('systems:read'),
    schema: { tags: ['systems'], summary: 'One system and its map, connection redacted', description: 'Needs `systems:read`.', params: SystemParams, response: { 200: SystemView, 404: problem, ...denied } },
  }, async (request) => getSystem(deps.db, request.params.operatorId, request.params.systemId))

  app.put<Sys & { Body: Body }>('/v1/operators/:operatorId/systems/:systemId', {
    preValidation: requirePermission('systems:manage'),
    schema: {
      tags: ['systems'],
      summary: 'Replace a system and its whole map; a secret left out is kept',
      description: 'Needs `systems:manage`.',
      params: SystemParams,
      body: UpdateSystemBody,
      response: { 200: SystemView, 400: problem, 404: problem, 422: problem, ...denied },
    },
  }, async (request) => {
    const principal = authorize(request, request.params.operatorId, 'systems:manage')
    return updateSystem(deps, request.params.operatorId, { relations: [], ...request.body, systemId: request.params.systemId }, principal.actor)
  })

  app.delete<Sys>('/v1/operators/:operatorId/systems/:systemId', {
    preValidation: requirePermission('systems:manage'),
    schema: { tags: ['systems'], summary: 'Remove a system and its map', description: 'Needs `systems:manage`.', params: SystemParams, response: { 204: Type.Null(), 404: problem, ...denied } },
  }, async (request, reply) => {
    const principal = authorize(request, request.params.operatorId, 'systems:manage')
    await deleteSystem(deps, request.params.operatorId, request.params.systemId, principal.actor)
    return reply.status(204).send()
  })

  app.post<Sys>('/v1/operators/:operatorId/systems/:systemId/test', {
    preValidation: requirePermission('systems:manage'),
    schema: {
      tags: ['systems'],
      summary: 'Connect and compare the map with the system: tables, columns, types; warn of missing indexes and undeclared foreign keys',
      description: 'Needs `systems:manage`. Reads the catalogue only, never a row.',
      params: SystemParams,
      response: { 200: TestReport, 404: problem, ...denied },
    },
  }, async (request) => testSystem(deps, request.params.operatorId, request.params.systemId))
}
