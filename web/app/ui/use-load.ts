import { useCallback, useEffect, useState } from 'react'

/** Loads data for a page and reloads it on demand: `{ data, error, loading, reload }`. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): { data: T | undefined; error: unknown; loading: boolean; reload(): void } {
  const [data, setData] = useState<T>()
  const [error, setError] = useState<unknown>()
  const [loading, setLoading] = useState(true)
  const [round, setRound] = useState(0)
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps)
  useEffect(() => {
    let live = true
    setLoading(true)
    run().then(
      (value) => live && (setData(value), setError(undefined)),
      (e: unknown) => live && setError(e),
    ).finally(() => live && setLoading(false))
    return () => {
      live = false
    }
  }, [run, round])
  return { data, error, loading, reload: () => setRound((r) => r + 1) }
}
