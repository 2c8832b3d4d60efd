import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { compilePolicy, loadPolicy } from '../src/policy/index.ts'
import { compare, type BenchResult } from './measure.ts'

/**
 * Compile time of the five seed policies: load (parse + schema + references)
 * and compile, against bare YAML parsing of the same files in the same run.
 */
export function benchPolicyCompile(dir = 'policies'): BenchResult[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()
  return files.map((file) => {
    const source = readFileSync(join(dir, file), 'utf8')
    const full = () => {
      const loaded = loadPolicy(source, file)
      if (!loaded.ok) throw new Error(`${file} does not load`)
      return compilePolicy(loaded.document)
    }
    return {
      name: `policy compile — ${file} (${(source.length / 1024).toFixed(0)} KiB)`,
      subject: 'load + validate + check references + compile',
      baseline: 'yaml.parse of the same text',
      ...compare(full, () => parse(source)),
    }
  })
}
