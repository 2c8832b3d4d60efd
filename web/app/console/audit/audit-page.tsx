// Placeholder until the console's audit page is built (issue 6); replaced, not extended.
export default function AuditPage() {
  return <p className="muted">…</p>
}
