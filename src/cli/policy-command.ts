import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Command, Option } from 'commander'
import { compilePolicy, LANGUAGES, PolicyDocument, type Language } from '../policy/index.ts'
import { diffPolicies, formatPolicyDiff } from '../policy/diff/index.ts'
import { formatHuman, formatJson, formatSarif, lintPolicy, type LintReport } from '../policy/lint/index.ts'
import { renderConsentForm, renderNotice } from '../policy/render/index.ts'
import { lintRulesMarkdown } from './lint-rules-doc.ts'
import { PolicyFileError, readPolicyFile } from './read-policy-file.ts'

const langOption = () => new Option('-l, --lang <lang>', 'language').choices([...LANGUAGES, 'all']).default('all')

/** `derbes policy lint|render|diff|schema`. */
export function policyCommand(): Command {
  const policy = new Command('policy').description('work with policy files: lint against Law 94-V, render notices, diff versions')

  policy
    .command('lint')
    .description('check policies against Law No. 94-V; exits non-zero when any error is found')
    .argument('<files...>', 'policy files (YAML or JSON)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['human', 'json', 'sarif']).default('human'))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .action(async (files: string[], options: { format: 'human' | 'json' | 'sarif'; output?: string }) => {
      const reports: LintReport[] = []
      let refused = 0
      for (const file of files) {
        try {
          reports.push(lintPolicy(await readPolicyFile(file)))
        } catch (error) {
          if (!(error instanceof PolicyFileError)) throw error
          refused++
          process.stderr.write(`${file}: does not load\n${error.message}\n`)
        }
      }
      const text = options.format === 'json' ? formatJson(reports) : options.format === 'sarif' ? formatSarif(reports) : formatHuman(reports)
      if (options.output) await writeFile(options.output, text)
      else process.stdout.write(text.endsWith('\n') ? text : `${text}\n`)
      if (refused > 0 || reports.some((r) => r.counts.error > 0)) process.exitCode = 1
    })

  policy
    .command('render')
    .description('render the privacy notice (or a printable consent form) in kk, ru and en')
    .argument('<file>', 'policy file')
    .addOption(langOption())
    .addOption(new Option('-f, --format <format>', 'output format').choices(['html', 'md']).default('html'))
    .option('--consent-form <id>', 'render this consent form instead of the notice')
    .option('-o, --out <dir>', 'write one file per language into this directory')
    .action(async (file: string, options: { lang: Language | 'all'; format: 'html' | 'md'; consentForm?: string; out?: string }) => {
      const compiled = compilePolicy((await readPolicyFile(file)).document)
      if (options.consentForm && !compiled.consentForms.has(options.consentForm)) {
        throw new Error(`${file} has no consent form '${options.consentForm}' (it has: ${[...compiled.consentForms.keys()].join(', ')})`)
      }
      const langs = options.lang === 'all' ? LANGUAGES : [options.lang]
      if (!options.out && langs.length > 1) throw new Error('rendering every language needs --out <dir>; or pick one with --lang')
      for (const lang of langs) {
        const text = options.consentForm
          ? renderConsentForm(compiled, options.consentForm, lang, options.format)
          : renderNotice(compiled, lang, options.format)
        if (!options.out) {
          process.stdout.write(text)
          continue
        }
        await mkdir(options.out, { recursive: true })
        const name = `${compiled.operatorId}-${options.consentForm ? `consent-${options.consentForm}` : 'notice'}.${lang}.${options.format}`
        await writeFile(join(options.out, name), text)
        process.stdout.write(`${join(options.out, name)}\n`)
      }
    })

  policy
    .command('diff')
    .description('say, in words a responsible person understands, what changed between two versions')
    .argument('<before>', 'the older policy file')
    .argument('<after>', 'the newer policy file')
    .addOption(new Option('-l, --lang <lang>', 'language').choices([...LANGUAGES]).default('en'))
    .addOption(new Option('-f, --format <format>', 'output format').choices(['md', 'json']).default('md'))
    .action(async (before: string, after: string, options: { lang: Language; format: 'md' | 'json' }) => {
      const changes = diffPolicies(
        compilePolicy((await readPolicyFile(before)).document),
        compilePolicy((await readPolicyFile(after)).document),
        options.lang,
      )
      process.stdout.write(options.format === 'json' ? `${JSON.stringify(changes, null, 2)}\n` : formatPolicyDiff(changes, options.lang))
    })

  policy
    .command('rules')
    .description('list the lint rules with their articles, as Markdown')
    .action(() => {
      process.stdout.write(lintRulesMarkdown())
    })

  policy
    .command('schema')
    .description('print the JSON Schema of a policy document')
    .action(() => {
      process.stdout.write(`${JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', $id: 'derbes/policy/v1', ...PolicyDocument }, null, 2)}\n`)
    })

  return policy
}
