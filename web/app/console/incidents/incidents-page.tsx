// Placeholder until the console's incidents page is built (issue 6); replaced, not extended.
export default function IncidentsPage() {
  return <p className="muted">…</p>
}
