import { readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import * as ajvFormats from 'ajv-formats'
import { parse } from 'yaml'
import { DerbesError } from '../errors/index.ts'
import { Config, ENVIRONMENT } from './config-schema.ts'

const addFormats = ajvFormats.default as unknown as (ajv: Ajv) => Ajv
const ajv = new Ajv({ allErrors: true, useDefaults: true, coerceTypes: true })
addFormats(ajv)
const validate = ajv.compile<Config>(Config)

export interface ConfigSources {
  env?: NodeJS.ProcessEnv
  /** A YAML or JSON file; `DERBES_CONFIG` names one when this is absent. */
  file?: string
  /** Values that win over both (CLI flags, tests). */
  overrides?: Partial<Config>
}

/**
 * Reads the configuration once, at start-up: file, then environment, then
 * overrides; validates it and fills defaults. An invalid value stops start-up
 * with every problem named.
 *
 * @example
 * const config = loadConfig({ env: process.env })
 */
export function loadConfig(sources: ConfigSources = {}): Readonly<Config> {
  const env = sources.env ?? {}
  const file = sources.file ?? env.DERBES_CONFIG
  const fromFile = file ? (parse(readFileSync(file, 'utf8')) as Record<string, unknown> | null) ?? {} : {}
  const fromEnv: Record<string, unknown> = {}
  for (const [variable, key] of Object.entries(ENVIRONMENT)) {
    const value = env[variable]
    if (value !== undefined && value !== '') fromEnv[key] = value
  }
  const candidate = { ...fromFile, ...fromEnv, ...sources.overrides }
  if (!validate(candidate)) {
    const problems = (validate.errors ?? []).map((e) => ({
      pointer: e.instancePath || `/${String((e.params as { additionalProperty?: string }).additionalProperty ?? '')}`,
      detail: e.message ?? 'is invalid',
    }))
    throw new DerbesError('DERBES_CONFIG_INVALID', problems.map((p) => `${p.pointer} ${p.detail}`).join('; '), problems)
  }
  return Object.freeze(candidate)
}
