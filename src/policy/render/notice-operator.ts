import type { Block, Cell, Inline, Rich, Section } from './document-model.ts'
import { compact } from './document-model.ts'
import { formatCountry, joinWords, nounFor, t } from './format-text.ts'
import { SUBJECT_ROLE_LABELS } from './messages/index.ts'
import { local, subjectKindName, type RenderContext } from './render-context.ts'

const mail = (email: string): Inline => ({ href: `mailto:${email}`, text: email })

/** Operator identity: name, BIN, address, contacts, responsible person (art. 25(2)(10)), where data is stored (art. 12(2)). */
export function operatorSection(ctx: RenderContext): Section {
  const { lang } = ctx
  const operator = ctx.policy.document.operator
  const person = operator.responsiblePerson
  const location = operator.dataLocation
  const rows: (readonly [string, Cell] | undefined)[] = [
    [t(lang, 'operatorName'), local(ctx, operator.name)],
    operator.bin ? [t(lang, 'operatorBin'), operator.bin] : undefined,
    operator.iin ? [t(lang, 'operatorIin'), operator.iin] : undefined,
    [t(lang, 'operatorAddress'), local(ctx, operator.address)],
    operator.postalAddress ? [t(lang, 'operatorPostalAddress'), local(ctx, operator.postalAddress)] : undefined,
    operator.contacts.email ? [t(lang, 'operatorEmail'), [mail(operator.contacts.email)]] : undefined,
    operator.contacts.phone ? [t(lang, 'operatorPhone'), operator.contacts.phone] : undefined,
    operator.contacts.website ? [t(lang, 'operatorWebsite'), [{ href: operator.contacts.website, text: operator.contacts.website }]] : undefined,
    person
      ? [
          t(lang, 'responsiblePerson'),
          { list: compact<Rich>([local(ctx, person.title), person.name, person.email ? [mail(person.email)] : undefined, person.phone]) },
        ]
      : undefined,
    [
      t(lang, 'dataLocation'),
      {
        list: compact<Rich>([
          t(lang, 'dataLocationDatabase', { country: formatCountry(lang, location.database) }),
          location.mirrors?.length
            ? t(lang, 'dataLocationMirrors', { countries: location.mirrors.map((c) => formatCountry(lang, c)).join(', ') })
            : undefined,
          location.note ? local(ctx, location.note) : undefined,
        ]),
      },
    ],
    operator.legalActs?.length ? [t(lang, 'legalActs'), { list: operator.legalActs.map((act) => local(ctx, act)) }] : undefined,
  ]
  return { id: 'operator', title: t(lang, 'sectionOperator'), blocks: [{ kind: 'facts', rows: compact(rows) }] }
}

/** The kinds of subject whose data the operator processes (TTC-2, ESP-3). */
export function subjectsSection(ctx: RenderContext): Section {
  const { lang } = ctx
  const items = ctx.policy.document.subjectKinds.map((kind): Rich => {
    const details = compact([
      kind.role ? SUBJECT_ROLE_LABELS[kind.role][lang] : undefined,
      kind.minAge !== undefined ? t(lang, 'minAge', { n: kind.minAge, years: nounFor(lang, kind.minAge, 'ageFrom') }) : undefined,
      kind.citizenship?.length ? t(lang, 'subjectCitizens', { countries: joinWords(lang, kind.citizenship.map((c) => formatCountry(lang, c))) }) : undefined,
      kind.minor ? t(lang, 'subjectMinor') : undefined,
      kind.represents?.length ? t(lang, 'subjectRepresents', { kinds: kind.represents.map((id) => subjectKindName(ctx, id)).join(', ') }) : undefined,
    ])
    const description = kind.description ? ` — ${local(ctx, kind.description)}` : ''
    return [{ strong: local(ctx, kind.name) }, `${description}${details.length ? ` (${details.join('; ')})` : ''}`]
  })
  const blocks: Block[] = [{ kind: 'paragraph', content: t(lang, 'subjectsIntro') }, { kind: 'list', items }]
  return { id: 'subjects', title: t(lang, 'sectionSubjects'), blocks }
}
