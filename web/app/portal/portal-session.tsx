import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react'
import { useNavigate } from 'react-router'
import { api, ApiProblem, type ApiOptions } from '../api/client.ts'

/** A subject's portal session: the `dss.` token lives in sessionStorage, so it ends with the tab. */
interface PortalSession {
  operatorId: string
  token: string | null
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

  const signIn = useCallback((next: string) => {
    sessionStorage.setItem(storageKey(operatorId), next)
    setToken(next)
  }, [operatorId])

  const forget = useCallback(() => {
    sessionStorage.removeItem(storageKey(operatorId))
    setToken(null)
  }, [operatorId])

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

  const value = useMemo(() => ({ operatorId, token, signIn, signOut, call }), [operatorId, token, signIn, signOut, call])
  return <Context.Provider value={value}>{children}</Context.Provider>
}

export function usePortalSession(): PortalSession {
  const session = useContext(Context)
  if (!session) throw new Error('usePortalSession() outside <PortalSessionProvider>')
  return session
}
