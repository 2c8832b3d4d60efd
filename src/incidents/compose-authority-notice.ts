import { sql } from 'kysely'
import { DerbesError } from '../errors/index.ts'
import { almatyDate } from '../kz/index.ts'
import { getVersion } from '../operators/index.ts'
import { LANGUAGES, LAW_94V, type CompiledPolicy, type Language } from '../policy/index.ts'
import { almatyDateTime } from './almaty-time.ts'
import { findIncidentRow } from './find-incident.ts'
import { AUTHORITY_NOTICE_TEXTS as T, fill, INCIDENT_KIND_TEXTS } from './incident-texts.ts'
import type { IncidentRow } from './incident-view.ts'
import type { IncidentsDeps } from './incidents-deps.ts'
import type { ResponsiblePersonContacts } from './incidents-tables.ts'

/** How many affected subjects the vault holds each identifier of that a notice to them needs (Order 481/НҚ). */
export interface NotifiableCounts {
  fullName: number
  iin: number
  phone: number
}

export interface NoticeSection {
  label: string
  lines: string[]
}

/** The notice to the authorised body, ready to print or send. No personal-data value of a subject is in it — counts only. */
export interface AuthorityNotice {
  language: Language
  title: string
  reference: string
  sections: NoticeSection[]
  text: string
  /** The responsible person's fields neither the incident nor the policy gives: the notice says "not given" for each. */
  gaps: string[]
}

/** What the notice is composed from, gathered once; {@link composeAuthorityNotice} is pure. */
export interface AuthorityNoticeFacts {
  incident: IncidentRow
  policy: CompiledPolicy
  systemNames: ReadonlyMap<string, string>
  notifiable: NotifiableCounts
}

/**
 * The responsible person for the notice: the incident's contacts where
 * given, the policy's `operator.responsiblePerson` otherwise. None of the
 * seed policies names the person or their contacts (they give a title at
 * most — TW-7.1), so the incident takes them as input.
 */
function responsiblePerson(policy: CompiledPolicy, given: ResponsiblePersonContacts | null, lang: Language): { fields: Record<'name' | 'position' | 'email' | 'phone', string | undefined>; gaps: string[] } {
  const fromPolicy = policy.document.operator.responsiblePerson
  const fields = {
    name: given?.name ?? fromPolicy?.name,
    position: given?.position ?? fromPolicy?.title[lang],
    email: given?.email ?? fromPolicy?.email,
    phone: given?.phone ?? fromPolicy?.phone,
  }
  return { fields, gaps: Object.entries(fields).filter(([, v]) => v === undefined).map(([k]) => `responsiblePerson.${k}`) }
}

/**
 * Composes the notice of a breach to the authorised body in `lang` (kk and
 * ru for the body itself; en for the operator's staff): to whom (the body's
 * name is data of the law profile), the operator, the responsible person's
 * contacts, what happened (art. 1(15-1)), when it was discovered, the
 * systems, categories and items, the number of subjects, the measures taken,
 * what the operator holds to notify the subjects (full name, IIN, mobile
 * number — counts) and the art. 25(2)(8) due date.
 */
export function composeAuthorityNotice(facts: AuthorityNoticeFacts, lang: Language): AuthorityNotice {
  const { incident, policy } = facts
  const operator = policy.document.operator
  const person = responsiblePerson(policy, incident.responsible_person, lang)
  const orNot = (value: string | undefined) => value ?? T.notGiven[lang]
  const list = (values: string[]) => (values.length > 0 ? values : [T.none[lang]])
  const basis = incident.due_basis as { article?: string; clauses?: string[] }
  const sections: NoticeSection[] = [
    { label: T.to[lang], lines: [LAW_94V.authorisedBody[lang]] },
    {
      label: T.operator[lang],
      lines: [operator.name[lang], ...(operator.bin ? [`${T.bin[lang]}: ${operator.bin}`] : []), `${T.address[lang]}: ${operator.address[lang]}`],
    },
    { label: T.reference[lang], lines: [incident.reference] },
    {
      label: T.responsible[lang],
      lines: [
        `${T.name[lang]}: ${orNot(person.fields.name)}`,
        `${T.position[lang]}: ${orNot(person.fields.position)}`,
        `${T.email[lang]}: ${orNot(person.fields.email)}`,
        `${T.phone[lang]}: ${orNot(person.fields.phone)}`,
      ],
    },
    { label: T.whatHappened[lang], lines: [`${INCIDENT_KIND_TEXTS[incident.kind][lang]} ${T.kindBasis[lang]}`, incident.description] },
    { label: T.discovered[lang], lines: [`${almatyDateTime(new Date(incident.discovered_at))} (Asia/Almaty)`] },
    { label: T.systems[lang], lines: list(incident.systems.map((s) => ('systemId' in s ? facts.systemNames.get(s.systemId) ?? s.systemId : s.name))) },
    { label: T.categories[lang], lines: list(incident.categories.map((id) => policy.categories.get(id)?.name[lang] ?? id)) },
    { label: T.items[lang], lines: list(incident.items.map((id) => policy.items.get(id)?.name[lang] ?? id)) },
    { label: T.subjects[lang], lines: [String(incident.subject_count)] },
    { label: T.measures[lang], lines: list(incident.measures.map((m, i) => `${i + 1}. ${m.text} (${almatyDateTime(new Date(m.at))})`)) },
    {
      label: T.toNotify[lang],
      lines: [
        fill(T.heldFor[lang], { label: T.fullName[lang], n: facts.notifiable.fullName }),
        fill(T.heldFor[lang], { label: T.iin[lang], n: facts.notifiable.iin }),
        fill(T.heldFor[lang], { label: T.mobile[lang], n: facts.notifiable.phone }),
      ],
    },
    {
      label: T.deadline[lang],
      lines: [fill(T.deadlineValue[lang], { dueOn: almatyDate(new Date(incident.due_at)), article: basis.article === 'art. 25(2)(8)' ? T.article[lang] : basis.article ?? (basis.clauses ?? []).join(', ') })],
    },
  ]
  const title = T.title[lang]
  const text = [title, '', ...sections.flatMap((s) => [`${s.label}:`, ...s.lines.map((l) => `  ${l}`), ''])].join('\n')
  return { language: lang, title, reference: incident.reference, sections, text, gaps: person.gaps }
}

/** Counts of affected subjects whose vault holds a full name, an IIN, a phone — by the policy's item kinds, set-based. */
async function notifiableCounts(deps: Pick<IncidentsDeps, 'db'>, policy: CompiledPolicy, incident: IncidentRow): Promise<NotifiableCounts> {
  const byKind = { fullName: [] as string[], iin: [] as string[], phone: [] as string[] }
  for (const item of policy.items.values()) {
    if (item.kind === 'full_name') byKind.fullName.push(item.id)
    else if (item.kind === 'iin') byKind.iin.push(item.id)
    else if (item.kind === 'phone') byKind.phone.push(item.id)
  }
  const counts: NotifiableCounts = { fullName: 0, iin: 0, phone: 0 }
  for (const key of Object.keys(byKind) as (keyof NotifiableCounts)[]) {
    if (byKind[key].length === 0) continue
    const row = await deps.db.selectFrom('incident_subjects as i')
      .select(sql<string | number>`count(*)`.as('n'))
      .where('i.operator_id', '=', incident.operator_id).where('i.incident_id', '=', incident.incident_id)
      .where((eb) => eb.exists(eb.selectFrom('vault_items as v').select(sql<number>`1`.as('one'))
        .whereRef('v.operator_id', '=', 'i.operator_id').whereRef('v.subject_id', '=', 'i.subject_id').where('v.item_id', 'in', byKind[key])))
      .executeTakeFirstOrThrow()
    counts[key] = Number(row.n)
  }
  return counts
}

/**
 * The notice of one incident in `lang`, against the policy version the
 * incident was registered under.
 *
 * @example
 * const notice = await authorityNotice(deps, 'kzk', incidentId, 'kk')
 * notice.text // 'Дербес деректердің қорғалуының бұзылуы туралы хабарлама …'
 */
export async function authorityNotice(deps: Pick<IncidentsDeps, 'db' | 'clock'>, operatorId: string, incidentId: string, lang: Language): Promise<AuthorityNotice> {
  if (!(LANGUAGES as readonly string[]).includes(lang)) throw new DerbesError('DERBES_LANGUAGE_NOT_SUPPORTED', `'${String(lang)}' is not kk, ru or en`)
  const incident = await findIncidentRow(deps.db, operatorId, incidentId)
  const policy = (await getVersion(deps, operatorId, incident.policy_version_id)).compiled
  const ids = incident.systems.flatMap((s) => ('systemId' in s ? [s.systemId] : []))
  const systemNames = new Map(
    ids.length === 0 ? [] : (await deps.db.selectFrom('systems').select(['system_id', 'name']).where('operator_id', '=', operatorId).where('system_id', 'in', ids).execute()).map((r) => [r.system_id, r.name] as const),
  )
  return composeAuthorityNotice({ incident, policy, systemNames, notifiable: await notifiableCounts(deps, policy, incident) }, lang)
}
