import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { useNavigate } from 'react-router'
import { api, ApiProblem, type ApiOptions } from '../api/client.ts'
import type { Localized } from '../i18n/language.tsx'

/** A subject the signed-in person may act for now: a child of a parent (KZK-1.13), a ward (TW-4.1), a principal (ESP-3). */
export interface Represented { subjectId: string; kind: string; kindName: Localized; relation: string }

/** A subject's portal session: the `dss.` token lives in sessionStorage, so it ends with the tab. */
interface PortalSession {
  operatorId: string
  token: string | null
  /** Whom the signed-in person may act for besides themselves (from `…/portal/me`). */
  represents: Represented[]
  /** The subject the pages are about: undefined for the signed-in person, or a represented subject's id. */
  onBehalfOf: string | undefined
  actFor(subjectId: string | undefined): void
  /** `path` with `onBehalfOf` added to its query when acting for someone else. */
  forSubject(path: string): string
  signIn(token: string): void
  signOut(): Promise<void>
  /** Calls …/portal/<path> as the signed-in subject; a 401 ends the session and returns to sign-in. */
  call<T>(path: string, options?: ApiOptions): Promise<T>
}

const Context = createContext<PortalSession | null>(null)
const storageKey = (operatorId: string) => `derbes.portal.${operatorId}`

export function PortalSessionProvider({ operatorId, children }: { operatorId: string; children: ReactNode }) {
  const [token, setToken] = useState<string | null>(() => sessionStorage.getItem(storageKey(operatorId)))
  const navigate = useNavigate()
  const base = `/v1/operators/${operatorId}/portal`
  const [represents, setRepresents] = useState<Represented[]>([])
  const [onBehalfOf, setOnBehalfOf] = useState<string | undefined>()

  const signIn = useCallback((next: string) => {
    sessionStorage.setItem(storageKey(operatorId), next)
    setToken(next)
  }, [operatorId])

  const forget = useCallback(() => {
    sessionStorage.removeItem(storageKey(operatorId))
    setToken(null)
    setRepresents([])
    setOnBehalfOf(undefined)
  }, [operatorId])

  useEffect(() => {
    if (!token) return
    let live = true
    api<{ represents: Represented[] }>(`${base}/me`, { token })
      .then((me) => { if (live) setRepresents(me.represents) })
      .catch(() => { if (live) setRepresents([]) })
    return () => { live = false }
  }, [base, token])

  const forSubject = useCallback((path: string) => (onBehalfOf ? `${path}${path.includes('?') ? '&' : '?'}onBehalfOf=${encodeURIComponent(onBehalfOf)}` : path), [onBehalfOf])

  const call = useCallback(async <T,>(path: string, options: ApiOptions = {}): Promise<T> => {
    try {
      return await api<T>(`${base}${path}`, { ...options, token })
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 401) {
        forget()
        navigate(`/portal/${operatorId}/sign-in?expired=1`)
      }
      throw error
    }
  }, [base, token, forget, navigate, operatorId])

  const signOut = useCallback(async () => {
    try {
      if (token) await api(`${base}/sign-out`, { method: 'POST', token })
    } finally {
      forget()
      navigate(`/portal/${operatorId}/`)
    }
  }, [base, token, forget, navigate, operatorId])

  const value = useMemo(
    () => ({ operatorId, token, represents, onBehalfOf, actFor: setOnBehalfOf, forSubject, signIn, signOut, call }),
    [operatorId, token, represents, onBehalfOf, forSubject, signIn, signOut, call],
  )
  return <Context.Provider value={value}>{children}</Context.Provider>
}

export function usePortalSession(): PortalSession {
  const session = useContext(Context)
  if (!session) throw new Error('usePortalSession() outside <PortalSessionProvider>')
  return session
}
