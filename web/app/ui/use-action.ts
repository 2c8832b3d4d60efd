import { useCallback, useState } from 'react'

/**
 * One action at a time on a page: `run` marks it busy, keeps its error (a
 * problem from the API) for `ProblemNotice`, and calls `after` when it
 * succeeded — to load again what it changed.
 */
export function useAction(after?: () => void): { busy: boolean; error: unknown; run(work: () => Promise<unknown>): Promise<void> } {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>()
  const run = useCallback(
    async (work: () => Promise<unknown>) => {
      setBusy(true)
      setError(undefined)
      try {
        await work()
        after?.()
      } catch (e) {
        setError(e)
      } finally {
        setBusy(false)
      }
    },
    [after],
  )
  return { busy, error, run }
}
