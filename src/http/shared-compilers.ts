import { AjvCompiler } from '@fastify/ajv-compiler'
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler'

type Serializer = (doc: unknown) => string

/**
 * Fastify compiles a validator (Ajv) and a response serializer
 * (fast-json-stringify) for every route of every app it builds — ~3 s for
 * Derbes' routes, paid again by each test that builds an app. The route
 * schemas are module constants, so the compilers are shared by the apps of a
 * process: one Ajv per set of shared schemas and options (Ajv keeps what it
 * compiled per schema object), and serializers kept per schema object and per
 * set of shared schemas in scope.
 */
export const sharedCompilers = { buildValidator: AjvCompiler(), buildSerializer: cachedSerializerFactory() }

const serializers = new WeakMap<object, Map<string, Serializer>>()

function cachedSerializerFactory(): ReturnType<typeof SerializerSelector> {
  const build = SerializerSelector()
  return (externalSchemas, options) => {
    const compile = build(externalSchemas, options)
    const scope = JSON.stringify(externalSchemas ?? {})
    return (route) => {
      const schema = route.schema
      if (typeof schema !== 'object' || schema === null) return compile(route)
      let byScope = serializers.get(schema)
      if (!byScope) serializers.set(schema, (byScope = new Map()))
      let serializer = byScope.get(scope)
      if (!serializer) byScope.set(scope, (serializer = compile(route)))
      return serializer
    }
  }
}
