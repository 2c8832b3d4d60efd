import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseDocument } from 'yaml'
import { loadPolicy } from './load-policy.ts'
import type { PolicyIssue } from './policy-issue.ts'

const MINIMAL = readFileSync(new URL('./fixtures/minimal.yaml', import.meta.url), 'utf8')

function edited(edit: (doc: ReturnType<typeof parseDocument>) => void): string {
  const doc = parseDocument(MINIMAL)
  edit(doc)
  return doc.toString()
}

function issuesOf(source: string): PolicyIssue[] {
  const result = loadPolicy(source, 'demo.yaml')
  if (result.ok) throw new Error('expected the policy to be refused')
  return result.issues
}

const lineOf = (source: string, needle: string) => source.split('\n').findIndex((l) => l.includes(needle)) + 1

describe('loadPolicy', () => {
  it('loads a complete policy', () => {
    const result = loadPolicy(MINIMAL, 'minimal.yaml')
    expect(result.ok).toBe(true)
    if (result.ok) expect(result.document.operator.id).toBe('demo')
  })

  it('reports a YAML syntax error with its line and column', () => {
    const source = MINIMAL.replace('subjectKinds:', 'subjectKinds: [unclosed')
    const [issue] = issuesOf(source)
    expect(issue).toMatchObject({ file: 'demo.yaml', code: 'yaml' })
    expect(issue!.line).toBeGreaterThanOrEqual(lineOf(MINIMAL, 'subjectKinds:'))
  })

  it('refuses a key given twice', () => {
    const source = MINIMAL.replace('version: { id: "2026-1"', 'version: { id: "2026-1", id: "again"')
    expect(issuesOf(source)[0]).toMatchObject({ code: 'yaml', line: lineOf(MINIMAL, 'version: {') })
  })

  it('reports every schema error at once, each with line, column and pointer', () => {
    const source = edited((doc) => {
      doc.deleteIn(['operator', 'name', 'kk'])
      doc.setIn(['purposes', 0, 'basis'], 'whim')
      doc.setIn(['categories', 0, 'items', 1, 'colour'], 'blue')
    })
    const issues = issuesOf(source)
    expect(issues.map((i) => [i.path, i.code])).toEqual(
      expect.arrayContaining([
        ['/operator/name', 'schema.required'],
        ['/purposes/0/basis', 'schema.enum'],
        ['/categories/0/items/1/colour', 'schema.unknown-field'],
      ]),
    )
    const basis = issues.find((i) => i.path === '/purposes/0/basis')!
    expect(basis.line).toBe(lineOf(source, 'basis: whim'))
    expect(basis.column).toBe(source.split('\n')[basis.line - 1]!.indexOf('whim') + 1)
    expect(basis.message).toBe('must be one of: consent, contract, legal_obligation, other_lawful_ground')
    const colour = issues.find((i) => i.code === 'schema.unknown-field')!
    expect(colour.message).toBe("unknown field 'colour'")
  })

  it('points a missing required field at its parent', () => {
    const source = edited((doc) => doc.deleteIn(['operator', 'dataLocation']))
    const [issue] = issuesOf(source)
    expect(issue).toMatchObject({ path: '/operator', code: 'schema.required', message: "missing required field 'dataLocation'" })
    expect(issue!.line).toBe(lineOf(source, 'id: demo'))
  })

  it('refuses a purpose that names an unknown category (cross-reference)', () => {
    const source = edited((doc) => doc.setIn(['purposes', 1, 'categories', 0], 'biometrics'))
    expect(issuesOf(source)).toEqual([
      expect.objectContaining({ path: '/purposes/1/categories/0', code: 'reference.unknown', message: "unknown category 'biometrics'", line: lineOf(source, 'biometrics') }),
    ])
  })

  it('finds duplicate ids, unknown retention rules, items outside the purpose and a bad BIN together', () => {
    const source = edited((doc) => {
      doc.setIn(['categories', 0, 'items', 1, 'id'], 'full-name')
      doc.setIn(['purposes', 0, 'retention'], 'forever')
      doc.setIn(['purposes', 1, 'items'], doc.createNode(['nowhere']))
      doc.setIn(['operator', 'bin'], '940140000386')
      doc.setIn(['consentForms', 0, 'purposes', 0], 'ghost')
    })
    const codes = issuesOf(source).map((i) => `${i.code} ${i.path}`)
    expect(codes).toEqual(
      expect.arrayContaining([
        'reference.duplicate /categories/0/items/1/id',
        'reference.unknown /purposes/0/retention',
        'reference.unknown /purposes/1/items/0',
        'reference.unknown /consentForms/0/purposes/0',
        'identifier.checksum /operator/bin',
      ]),
    )
  })

  it('accepts the same policy written as JSON and places errors on JSON lines', () => {
    const document = parseDocument(MINIMAL).toJS()
    expect(loadPolicy(JSON.stringify(document), 'demo.json').ok).toBe(true)
    document.purposes[0].categories = ['nothing-here']
    const text = JSON.stringify(document, null, 2)
    const [issue] = issuesOf(text)
    expect(issue!.line).toBe(lineOf(text, '"nothing-here"'))
  })
})
