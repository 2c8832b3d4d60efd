// Placeholder until the console's subjects page is built (issue 6); replaced, not extended.
export default function SubjectsPage() {
  return <p className="muted">…</p>
}
