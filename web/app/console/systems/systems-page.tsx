// Placeholder until the console's systems page is built (issue 6); replaced, not extended.
export default function SystemsPage() {
  return <p className="muted">…</p>
}
