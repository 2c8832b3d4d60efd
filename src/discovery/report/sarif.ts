import { DETECTED_KINDS, ITEM_KIND_OF, type DetectedKind } from '../detectors/detection.ts'
import type { ScanReport } from './scan-report.ts'

interface SarifResult {
  ruleId: DetectedKind
  level: 'warning'
  message: { text: string }
  locations: Record<string, unknown>[]
  properties: Record<string, unknown>
}

/**
 * The report as SARIF 2.1.0, so code-scanning tools and CI dashboards can show
 * where personal data sits: one rule per kind, one result per classified
 * column (a logical location `table.column`) and per kind found in a file's
 * text (a physical location). Only masked examples travel with it.
 */
export function toSarif(report: ScanReport): object {
  const results: SarifResult[] = []
  for (const table of report.tables) {
    for (const column of table.columns) {
      if (!column.kind) continue
      results.push({
        ruleId: column.kind,
        level: 'warning',
        message: { text: `${table.name}.${column.name} holds ${column.kind} (${column.matched} of ${column.sampled} values, confidence ${column.confidence})` },
        locations: [{ logicalLocations: [{ fullyQualifiedName: `${table.name}.${column.name}`, kind: 'member' }] }],
        properties: { confidence: column.confidence, sampled: column.sampled, matched: column.matched, itemKind: column.itemKind, examples: column.examples },
      })
    }
  }
  for (const file of report.files) {
    const artifact = { artifactLocation: { uri: file.path } }
    for (const found of file.kinds) {
      results.push({
        ruleId: found.kind,
        level: 'warning',
        message: { text: `${found.count} × ${found.kind} in the text of ${file.path}` },
        locations: [{ physicalLocation: artifact }],
        properties: { count: found.count, itemKind: found.itemKind, examples: found.examples },
      })
    }
    for (const column of file.columns) {
      if (!column.kind) continue
      results.push({
        ruleId: column.kind,
        level: 'warning',
        message: { text: `column ${column.name} of ${file.path} holds ${column.kind} (${column.matched} of ${column.sampled} values)` },
        locations: [{ physicalLocation: artifact, logicalLocations: [{ fullyQualifiedName: column.name, kind: 'member' }] }],
        properties: { confidence: column.confidence, sampled: column.sampled, matched: column.matched, itemKind: column.itemKind, examples: column.examples },
      })
    }
  }
  const used = DETECTED_KINDS.filter((kind) => results.some((r) => r.ruleId === kind))
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'derbes-discovery',
            rules: used.map((kind) => ({
              id: kind,
              shortDescription: { text: `Personal data: ${kind.replaceAll('_', ' ')} (policy item kind ${ITEM_KIND_OF[kind]})` },
              properties: { itemKind: ITEM_KIND_OF[kind] },
            })),
          },
        },
        invocations: [{ executionSuccessful: true, startTimeUtc: report.startedAt, endTimeUtc: report.finishedAt }],
        results,
      },
    ],
  }
}
