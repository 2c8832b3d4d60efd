// Placeholder until the console shell is built (issue 6); replaced, not extended.
export default function ConsoleApp() {
  return <p className="muted">Derbes console</p>
}
