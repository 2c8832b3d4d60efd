import { useEffect, useState } from 'react'
import { api } from '../api/client.ts'
import type { Localized } from '../i18n/language.tsx'

export interface PolicyItem { id: string; name: Localized }

/** What the pages need of an operator's published policy (public, like its notice). */
export interface PublishedPolicy {
  /** Every data item of its list, for choosing what a rectify or supplement request is about. */
  items: PolicyItem[]
  /** What proves a request's identity (`requests.identityProof`, ESP-9): id_document_number, handwritten_signature, … */
  identityProof: string[]
}

interface PolicyDocument { categories?: Array<{ items?: PolicyItem[] }>; requests?: { identityProof?: string[] } }

/** The operator's published policy, read once per page; empty until it arrives (or when none is published). */
export function usePublishedPolicy(operatorId: string): PublishedPolicy {
  const [policy, setPolicy] = useState<PublishedPolicy>({ items: [], identityProof: [] })
  useEffect(() => {
    let live = true
    api<{ policy: PolicyDocument }>(`/v1/operators/${operatorId}/policy`)
      .then(({ policy: p }) => {
        if (!live) return
        setPolicy({ items: (p.categories ?? []).flatMap((c) => (c.items ?? []).map(({ id, name }) => ({ id, name }))), identityProof: p.requests?.identityProof ?? [] })
      })
      .catch(() => { if (live) setPolicy({ items: [], identityProof: [] }) })
    return () => { live = false }
  }, [operatorId])
  return policy
}
