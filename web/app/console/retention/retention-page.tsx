// Placeholder until the console's retention page is built (issue 6); replaced, not extended.
export default function RetentionPage() {
  return <p className="muted">…</p>
}
