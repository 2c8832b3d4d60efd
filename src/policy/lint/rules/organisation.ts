import { defineRule } from '../lint-rule.ts'

/** Art. 25(2)(10): appoint a person responsible for organising processing (TW-7.1). */
export const noResponsiblePerson = defineRule(
  {
    id: 'no-responsible-person',
    article: 'art. 25(2)(10)',
    severity: 'error',
    title: 'No person responsible for organising processing',
    hint: 'Name the responsible person under `operator.responsiblePerson` (title in kk/ru/en, and an e-mail or phone subjects and the authorised body can reach).',
  },
  ({ policy, report }) => {
    if (!policy.document.operator.responsiblePerson)
      report(['operator'], `operator '${policy.operatorId}' names no person responsible for organising the processing of personal data`)
  },
)

/** Every consent names the operator with its BIN or IIN (art. 8(4)(1)); KZK's agreement gives neither, so the loader lets it through and this rule reports it. */
export const operatorUnidentified = defineRule(
  {
    id: 'operator-unidentified',
    article: 'art. 8(4)(1)',
    severity: 'error',
    title: 'Operator without a BIN or IIN',
    hint: "Give the operator's BIN (`operator.bin`), or the IIN of an individual entrepreneur (`operator.iin`), so notices and consents can identify it.",
  },
  ({ policy, report }) => {
    const { bin, iin } = policy.document.operator
    if (bin === undefined && iin === undefined)
      report(['operator'], `operator '${policy.operatorId}' states neither a BIN nor an IIN, so no consent can identify it`)
  },
)

/** Art. 25(2)(9): a subject's access to their own data is free (TW-9.2, ESP-9). */
export const requestsNotFree = defineRule(
  {
    id: 'requests-not-free',
    article: 'art. 25(2)(9)',
    severity: 'error',
    title: 'Access to own data is charged for',
    hint: 'Set `requests.free: true`.',
  },
  ({ policy, report }) => {
    if (policy.document.requests?.free === false)
      report(['requests', 'free'], `operator '${policy.operatorId}' charges subjects for access to their own data`)
  },
)
