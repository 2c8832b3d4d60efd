// Test support for the transfer log: the seed operators, an app over them at a
// fixed clock, ESP clients registered through the subjects module and given
// the Appendix 1 consent through the ledger.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import { issueApiKey, type Permission } from '../../access/index.ts'
import { LocalKeyFileSigner } from '../../audit/index.ts'
import { giveConsent } from '../../consent/index.ts'
import type { DatabaseHandle } from '../../db/index.ts'
import type { TestDatabase } from '../../db/test-databases.ts'
import { buildTestApp } from '../../http/index.ts'
import { BusinessCalendar } from '../../kz/index.ts'
import { seedOperators } from '../../operators/index.ts'
import { MemoryKeyProvider } from '../crypto/index.ts'
import { registerSubject } from '../register-subject.ts'

export const NOW = new Date('2026-12-02T10:00:00Z')

export interface TransfersKit {
  database: DatabaseHandle
  app: FastifyInstance
  deps: { db: DatabaseHandle['db']; clock: () => Date; keys: MemoryKeyProvider; calendar: BusinessCalendar }
  token(operatorId: string, permissions: Permission[]): Promise<string>
  call(token: string | undefined, options: InjectOptions): Promise<LightMyRequestResponse>
  /** An ESP client with a name and a phone in the vault; with the Appendix 1 consent for `countries` unless `consent` is false. */
  espClient(options?: { consent?: boolean; countries?: string[] }): Promise<string>
  close(): Promise<void>
}

export async function startTransfersKit(target: TestDatabase): Promise<TransfersKit> {
  const database = await target.open()
  const clock = () => NOW
  const keys = new MemoryKeyProvider({ clock })
  const calendar = new BusinessCalendar()
  await seedOperators({ db: database.db, clock }, 'policies')
  const app = await buildTestApp(database, { clock, keys, calendar, signer: LocalKeyFileSigner.ephemeral() })
  const deps = { db: database.db, clock, keys, calendar }
  return {
    database,
    app,
    deps,
    token: async (operatorId, permissions) => (await issueApiKey(database.db, { operatorId, name: 'test', permissions, createdBy: 'test' }, NOW)).token,
    call: (token, options) => app.inject({ ...options, headers: { ...options.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } }),
    async espClient(options = {}) {
      const subject = await registerSubject(deps, {
        operatorId: 'esp',
        kind: 'client',
        data: [
          { itemId: 'full-name', value: 'Әсел Нұрланқызы', source: 'subject', purposes: ['loyalty'] },
          { itemId: 'phone', value: '87015550101', source: 'subject', purposes: ['loyalty'] },
        ],
      }, 'test')
      if (options.consent !== false) {
        await giveConsent(deps, {
          operatorId: 'esp',
          subjectId: subject.subjectId,
          formId: 'app-1',
          language: 'kk',
          evidence: { method: 'application', reference: 'anketa-7' },
          ...(options.countries ? { countries: options.countries } : {}),
          recordedBy: 'test',
        })
      }
      return subject.subjectId
    },
    close: async () => {
      await app.close()
      await database.close()
    },
  }
}
