import { useEffect, useRef, type ReactNode } from 'react'

/**
 * A modal question on the native <dialog>: the browser keeps focus inside it,
 * Escape cancels, and a screen reader hears its title.
 */
export function ConfirmDialog({ title, children, onClose, actions }: { title: string; children: ReactNode; onClose(): void; actions: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
    return () => dialog?.close()
  }, [])
  return (
    <dialog ref={ref} aria-labelledby="dialog-title" onCancel={onClose} onClose={onClose}>
      <h2 id="dialog-title">{title}</h2>
      {children}
      <div className="actions">{actions}</div>
    </dialog>
  )
}
