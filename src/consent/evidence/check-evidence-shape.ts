import { Ajv, type ValidateFunction } from 'ajv'
import * as ajvFormats from 'ajv-formats'
import { DerbesError, type FieldProblem } from '../../errors/index.ts'
import { EVIDENCE_SCHEMAS, type EvidenceInput } from './evidence-input.ts'

// ajv-formats is CommonJS; under NodeNext its function arrives as the default of the namespace.
const addFormats = ajvFormats.default as unknown as (ajv: Ajv) => Ajv
const ajv = new Ajv({ allErrors: true, strict: false })
addFormats(ajv)

/** Each method's validator, so an error names the field at fault rather than "matches no member of the union". */
const BY_METHOD = new Map<string, ValidateFunction>()
for (const schema of EVIDENCE_SCHEMAS) {
  const method = schema.properties.method
  const validate = ajv.compile(schema)
  for (const literal of 'anyOf' in method ? method.anyOf : [method]) BY_METHOD.set(literal.const, validate)
}

/** Where evidence sits in a consent request body; every pointer of an evidence problem starts here. */
export const EVIDENCE_POINTER = '/body/evidence'

export function evidenceInvalid(detail: string, problems: FieldProblem[]): DerbesError {
  return new DerbesError('DERBES_CONSENT_EVIDENCE_INVALID', detail, problems)
}

/**
 * Checks evidence against its method's schema, for callers that did not come
 * through a route's schema (imports, scripts). Throws
 * `DERBES_CONSENT_EVIDENCE_INVALID` with a pointer per problem.
 */
export function checkEvidenceShape(input: unknown): asserts input is EvidenceInput {
  const method = (input as { method?: unknown } | null)?.method
  const validate = typeof method === 'string' ? BY_METHOD.get(method) : undefined
  if (!validate) {
    throw evidenceInvalid('the evidence names no known method', [
      { pointer: `${EVIDENCE_POINTER}/method`, detail: `must be one of ${[...BY_METHOD.keys()].join(', ')}` },
    ])
  }
  if (validate(input)) return
  const problems = (validate.errors ?? []).map((error) => {
    const extra = (error.params as { additionalProperty?: string }).additionalProperty
    return { pointer: `${EVIDENCE_POINTER}${error.instancePath}${extra ? `/${extra}` : ''}`, detail: extra ? 'is not a field of this method' : (error.message ?? 'is not valid') }
  })
  throw evidenceInvalid(`the ${method} evidence is not valid`, problems)
}
