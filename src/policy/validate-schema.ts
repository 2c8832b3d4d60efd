import { Ajv, type ErrorObject } from 'ajv'
import * as ajvFormats from 'ajv-formats'
import { PolicyDocument } from './schema/index.ts'

// ajv-formats is CommonJS; under NodeNext its function arrives as the default of the namespace.
const addFormats = ajvFormats.default as unknown as (ajv: Ajv) => Ajv

const ajv = new Ajv({ allErrors: true, strict: false })
addFormats(ajv)
const validate = ajv.compile(PolicyDocument)

export interface SchemaViolation {
  /** JSON Pointer to the value at fault. */
  path: string
  /** Point at the key rather than the value (an unknown field). */
  atKey: boolean
  code: string
  message: string
}

/** Checks a parsed policy against the JSON Schema and says, in plain words, what is wrong where. */
export function validatePolicySchema(value: unknown): SchemaViolation[] {
  if (validate(value)) return []
  const errors = validate.errors ?? []
  // Branch failures inside a union would drown the one useful line: "does not match any allowed form".
  return errors.filter((e) => !e.schemaPath.includes('/anyOf/')).map(describe)
}

function describe(error: ErrorObject): SchemaViolation {
  const p = error.params as Record<string, unknown>
  switch (error.keyword) {
    case 'required':
      return violation(error.instancePath, 'schema.required', `missing required field '${String(p.missingProperty)}'`)
    case 'additionalProperties':
      return {
        path: `${error.instancePath}/${String(p.additionalProperty)}`,
        atKey: true,
        code: 'schema.unknown-field',
        message: `unknown field '${String(p.additionalProperty)}'`,
      }
    case 'enum':
      return violation(error.instancePath, 'schema.enum', `must be one of: ${(p.allowedValues as unknown[]).join(', ')}`)
    case 'const':
      return violation(error.instancePath, 'schema.const', `must be '${String(p.allowedValue)}'`)
    case 'anyOf':
      return violation(error.instancePath, 'schema.any-of', 'does not match any allowed form of this field')
    case 'type':
      return violation(error.instancePath, 'schema.type', `must be ${String(p.type)}`)
    case 'pattern':
      return violation(error.instancePath, 'schema.pattern', `has the wrong format (expected ${String(p.pattern)})`)
    default:
      return violation(error.instancePath, `schema.${error.keyword}`, error.message ?? 'is invalid')
  }
}

function violation(path: string, code: string, message: string): SchemaViolation {
  return { path, atKey: false, code, message }
}
