import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react'
import { useNavigate } from 'react-router'
import { api, ApiProblem, type ApiOptions } from '../api/client.ts'

export interface StaffView {
  staffId: string
  login: string
  displayName: string
  roleId: string
  permissions: string[]
  secondFactor: 'none' | 'pending' | 'totp'
}

/** A member of staff's console session: the `ds.` token lives in sessionStorage, so it ends with the tab. */
export interface ConsoleSession {
  operatorId: string
  token: string | null
  staff: StaffView | null
  can(permission: string): boolean
  signedIn(token: string, staff: StaffView): void
  signOut(): Promise<void>
  /** Calls /v1/operators/<operator><path> with the session; a 401 ends it and returns to sign-in. */
  call<T>(path: string, options?: ApiOptions): Promise<T>
}

const Context = createContext<ConsoleSession | null>(null)
const storageKey = (operatorId: string) => `derbes.console.${operatorId}`

export function ConsoleSessionProvider({ operatorId, children }: { operatorId: string; children: ReactNode }) {
  const navigate = useNavigate()
  const [state, setState] = useState<{ token: string; staff: StaffView } | null>(() => {
    const stored = sessionStorage.getItem(storageKey(operatorId))
    return stored ? (JSON.parse(stored) as { token: string; staff: StaffView }) : null
  })
  const base = `/v1/operators/${operatorId}`

  const signedIn = useCallback((token: string, staff: StaffView) => {
    sessionStorage.setItem(storageKey(operatorId), JSON.stringify({ token, staff }))
    setState({ token, staff })
  }, [operatorId])

  const forget = useCallback(() => {
    sessionStorage.removeItem(storageKey(operatorId))
    setState(null)
  }, [operatorId])

  const call = useCallback(async <T,>(path: string, options: ApiOptions = {}): Promise<T> => {
    try {
      return await api<T>(`${base}${path}`, { ...options, token: state?.token ?? null })
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 401) {
        forget()
        navigate(`/console/${operatorId}/sign-in?expired=1`)
      }
      throw error
    }
  }, [base, state, forget, navigate, operatorId])

  const signOut = useCallback(async () => {
    try {
      if (state) await api(`${base}/sessions/current`, { method: 'DELETE', token: state.token })
    } finally {
      forget()
      navigate(`/console/${operatorId}/sign-in`)
    }
  }, [base, state, forget, navigate, operatorId])

  const value = useMemo<ConsoleSession>(() => ({
    operatorId,
    token: state?.token ?? null,
    staff: state?.staff ?? null,
    can: (permission) => state?.staff.permissions.includes(permission) ?? false,
    signedIn,
    signOut,
    call,
  }), [operatorId, state, signedIn, signOut, call])
  return <Context.Provider value={value}>{children}</Context.Provider>
}

export function useConsoleSession(): ConsoleSession {
  const session = useContext(Context)
  if (!session) throw new Error('useConsoleSession() outside <ConsoleSessionProvider>')
  return session
}
