// Placeholder until the console's policy page is built (issue 6); replaced, not extended.
export default function PolicyPage() {
  return <p className="muted">…</p>
}
