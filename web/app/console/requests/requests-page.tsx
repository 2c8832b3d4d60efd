// Placeholder until the console's requests page is built (issue 6); replaced, not extended.
export default function RequestsPage() {
  return <p className="muted">…</p>
}
