import type { LintReport } from './lint-policy.ts'
import type { LintRule, LintSeverity } from './lint-rule.ts'
import { LINT_RULES } from './rules/index.ts'

const SARIF_LEVEL: Record<LintSeverity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' }

export interface SarifOptions {
  rules?: readonly LintRule[]
  /** Version of Derbes reported as the tool's version. */
  toolVersion?: string
  /** Where a rule is documented; `{id}` is replaced by the rule id. */
  helpUri?: string
}

/**
 * SARIF 2.1.0 for code-scanning tools: one run, every rule described under
 * `tool.driver.rules` with its article, every finding a result placed at its
 * file, line and column.
 */
export function formatSarif(reports: LintReport | readonly LintReport[], options: SarifOptions = {}): string {
  const all = (Array.isArray(reports) ? reports : [reports]) as readonly LintReport[]
  const rules = options.rules ?? LINT_RULES
  const ruleIndex = new Map(rules.map((rule, i) => [rule.id, i]))
  const log = {
    $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'derbes-policy-lint',
            ...(options.toolVersion ? { version: options.toolVersion } : {}),
            rules: rules.map((rule) => ({
              id: rule.id,
              name: pascalCase(rule.id),
              shortDescription: { text: rule.title },
              fullDescription: { text: `${rule.title} (${rule.article}).` },
              help: { text: rule.hint },
              ...(options.helpUri ? { helpUri: options.helpUri.replace('{id}', rule.id) } : {}),
              defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
              properties: { article: rule.article, tags: ['privacy', 'kz-94-v'] },
            })),
          },
        },
        artifacts: all.map((report) => ({ location: { uri: toUri(report.file) } })),
        results: all.flatMap((report, artifactIndex) =>
          report.findings.map((finding) => ({
            ruleId: finding.ruleId,
            ...(ruleIndex.has(finding.ruleId) ? { ruleIndex: ruleIndex.get(finding.ruleId) } : {}),
            level: SARIF_LEVEL[finding.severity],
            message: { text: `${finding.message} (${finding.article})` },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: toUri(finding.file ?? report.file), index: artifactIndex },
                  region: { startLine: finding.line ?? 1, startColumn: finding.column ?? 1 },
                },
                logicalLocations: [{ fullyQualifiedName: finding.path || '/', kind: 'object' }],
              },
            ],
            properties: { article: finding.article, path: finding.path, hint: finding.hint },
          })),
        ),
      },
    ],
  }
  return JSON.stringify(log, null, 2) + '\n'
}

/** A relative path as a URI reference: forward slashes, each segment percent-encoded. */
function toUri(file: string): string {
  return file.replace(/\\/g, '/').split('/').map(encodeURIComponent).join('/')
}

function pascalCase(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_m, _dash: string, c: string) => c.toUpperCase())
}
