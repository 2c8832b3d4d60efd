import { almatyOffsetMinutes } from '../../kz/index.ts'
import type { Language, LocalizedText } from '../../policy/index.ts'
import {
  CHANNEL_LABELS, CONSENT_METHOD_LABELS, LEGAL_BASIS_LABELS, RECIPIENT_ROLE_LABELS, WITHDRAWAL_CHANNEL_LABELS, formatConsentTerm, formatCountry,
} from '../../policy/render/index.ts'
import type { SignedConsentReceipt } from './consent-receipt.ts'
import { EVENT_KIND_LABELS, LANGUAGE_NAMES, receiptText, type ReceiptMessageKey } from './receipt-messages.ts'

export interface ReceiptRow {
  label: string
  value: string
  /** Hashes, ids, signatures: set in a smaller size, broken anywhere. */
  code?: boolean
}
export interface ReceiptSection {
  heading: string
  rows?: ReceiptRow[]
  list?: string[]
}
export interface ReceiptDocument {
  title: string
  subtitle: string
  sections: ReceiptSection[]
  howToVerify: string
}

/** "2026-12-02 15:00 (Алматы уақыты)": times a subject reads are Kazakhstan's (DESIGN "Time"). */
export function almatyTime(language: Language, iso: string): string {
  const at = new Date(iso)
  if (Number.isNaN(at.getTime())) return iso
  const local = new Date(at.getTime() + almatyOffsetMinutes(at) * 60_000).toISOString()
  return `${local.slice(0, 10)} ${local.slice(11, 16)} (${receiptText(language, 'timeZone')})`
}

const named = (language: Language, names: Record<string, LocalizedText>, id: string) => names[id]?.[language] ?? id
const cap = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1)

function evidenceRows(language: Language, evidence: Record<string, unknown>): ReceiptRow[] {
  const t = (key: ReceiptMessageKey, vars?: Record<string, string>) => receiptText(language, key, vars)
  const rows: ReceiptRow[] = []
  const time = ['signedAt', 'confirmedAt', 'checkedAt', 'receivedAt', 'calledAt'].map((k) => evidence[k]).find((v) => typeof v === 'string')
  if (typeof time === 'string') rows.push({ label: t('evidenceTime'), value: almatyTime(language, time) })
  if (evidence.checkedBy === 'derbes') rows.push({ label: t('evidence'), value: t('smsChecked') })
  if (typeof evidence.scanSha256 === 'string') rows.push({ label: t('scanSha256'), value: evidence.scanSha256, code: true })
  if (typeof evidence.reference === 'string') rows.push({ label: t('reference'), value: evidence.reference })
  const certificate = evidence.certificate as { issuer?: string; fingerprintSha256?: string; notBefore?: string; notAfter?: string } | undefined
  if (certificate?.issuer) rows.push({ label: t('certIssuer'), value: certificate.issuer })
  if (certificate?.fingerprintSha256) rows.push({ label: t('certFingerprint'), value: certificate.fingerprintSha256, code: true })
  if (certificate?.notBefore && certificate.notAfter) rows.push({ label: t('certValidity'), value: `${certificate.notBefore.slice(0, 10)} – ${certificate.notAfter.slice(0, 10)}` })
  const signer = evidence.signer as { matched?: string; representativeId?: string } | undefined
  if (signer?.matched) {
    const value = signer.matched === 'subject' ? t('signerSubject') : signer.matched === 'representative' ? t('signerRepresentative', { id: signer.representativeId ?? '' }) : t('signerNotChecked')
    rows.push({ label: t('signerMatched'), value })
  }
  return rows
}

/**
 * A receipt laid out as a document in one language: what the PDF prints, in
 * order — operator and BIN, subject, form and text hash, purposes, data,
 * recipients and countries, term, method and evidence, dates, and the
 * integrity block with the signature and how to verify it.
 */
export function receiptDocument(signed: SignedConsentReceipt, language: Language): ReceiptDocument {
  const { receipt } = signed
  const { record, labels } = receipt
  const t = (key: ReceiptMessageKey, vars?: Record<string, string | number>) => receiptText(language, key, vars)
  const yesNo = (value: boolean) => t(value ? 'yes' : 'no')
  const givenBy = record.givenBy.kind === 'subject' ? t('givenBySubject') : t('givenByRepresentative', { id: record.givenBy.representativeId, relation: record.givenBy.relation })
  const data = record.categories.map((category) => named(language, labels.categories, category))
  const sections: ReceiptSection[] = [
    { heading: t('operator'), rows: [{ label: t('operator'), value: record.operator.name[language] }, { label: t('bin'), value: record.operator.bin ?? '—' }] },
    { heading: t('subject'), rows: [{ label: t('subjectId'), value: record.subject.id, code: true }, { label: t('givenBy'), value: givenBy }] },
    {
      heading: t('form'),
      rows: [
        ...(labels.formTitle ? [{ label: t('form'), value: labels.formTitle[language] }] : []),
        { label: '', value: t('formRef', { id: record.form.id, version: record.form.version, policy: record.form.policyVersionId }) },
        { label: t('language'), value: LANGUAGE_NAMES[record.form.language][language] },
        { label: t('textHash'), value: record.form.textHash, code: true },
      ],
    },
    { heading: t('purposes'), list: record.purposes.map((p) => `${named(language, labels.purposes, p.id)} — ${LEGAL_BASIS_LABELS[p.basis as keyof typeof LEGAL_BASIS_LABELS]?.[language] ?? p.basis}`) },
    { heading: t('data'), rows: data.length > 0 ? [{ label: '', value: data.join('; ') }] : [], list: record.items.map((item) => named(language, labels.items, item)) },
  ]
  if (record.channels.length > 0) sections.push({ heading: t('channels'), list: record.channels.map((c) => CHANNEL_LABELS[c as keyof typeof CHANNEL_LABELS]?.[language] ?? c) })
  sections.push({
    heading: t('recipients'),
    list: record.recipients.length > 0
      ? record.recipients.map((r) => `${named(language, labels.recipients, r.id)} — ${RECIPIENT_ROLE_LABELS[r.role as keyof typeof RECIPIENT_ROLE_LABELS]?.[language] ?? r.role}, ${formatCountry(language, r.country)}`)
      : [t('noRecipients')],
  })
  sections.push({
    heading: t('crossBorder'),
    rows: [
      { label: t('crossBorder'), value: record.crossBorder.allowed ? t('crossBorderTo', { countries: record.crossBorder.countries.map((c) => formatCountry(language, c)).join(', ') || '—' }) : t('crossBorderNo') },
      { label: t('publication'), value: yesNo(record.publication) },
    ],
  })
  sections.push({
    heading: t('term'),
    rows: [
      { label: t('term'), value: record.term ? formatConsentTerm(language, record.term) : t('termNone') },
      ...(record.expiresAt ? [{ label: t('expiresAt'), value: almatyTime(language, record.expiresAt) }] : []),
    ],
  })
  sections.push({
    heading: t('method'),
    rows: [
      ...(record.method ? [{ label: t('method'), value: cap(CONSENT_METHOD_LABELS[record.method][language]) }] : []),
      ...evidenceRows(language, record.evidence),
      ...(receipt.sealedEvidence ? [{ label: '', value: t('sealedEvidence') }] : []),
      { label: t('recordedAt'), value: almatyTime(language, record.recordedAt) },
      { label: t('effectiveAt'), value: almatyTime(language, record.effectiveAt) },
    ],
  })
  if (record.withdrawal) {
    const channel = WITHDRAWAL_CHANNEL_LABELS[record.withdrawal.channel as keyof typeof WITHDRAWAL_CHANNEL_LABELS]?.[language] ?? record.withdrawal.channel
    sections.push({
      heading: t('withdrawal'),
      rows: [{ label: t('withdrawal'), value: t('withdrawalFacts', { channel, days: record.withdrawal.noticeBusinessDays }) }],
      ...(record.withdrawal.refusedFor?.length ? { list: record.withdrawal.refusedFor.map((r) => `${r.clause}: ${r.detail}`) } : {}),
    })
  }
  sections.push({
    heading: t('integrity'),
    rows: [
      { label: t('recordHash'), value: receipt.recordHash, code: true },
      { label: t('auditEntry'), value: receipt.auditEntry ? `#${receipt.auditEntry.seq} ${receipt.auditEntry.hash}` : t('auditEntryNone'), code: receipt.auditEntry !== null },
      { label: t('issuedAt'), value: almatyTime(language, receipt.issuedAt) },
      { label: t('keyId'), value: signed.keyId, code: true },
      { label: t('signature', { algorithm: signed.algorithm }), value: signed.signature, code: true },
    ],
  })
  return {
    title: t('title'),
    subtitle: `${EVENT_KIND_LABELS[record.kind][language]} · ${t('eventId')}: ${receipt.eventId}`,
    sections,
    howToVerify: t('howToVerify', { operator: receipt.operatorId, event: receipt.eventId, keyId: signed.keyId }),
  }
}
