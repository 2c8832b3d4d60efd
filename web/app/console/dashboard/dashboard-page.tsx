// Placeholder until the console's dashboard page is built (issue 6); replaced, not extended.
export default function DashboardPage() {
  return <p className="muted">…</p>
}
