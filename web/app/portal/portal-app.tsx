// Placeholder until the portal is built (issue 6); replaced, not extended.
export default function PortalApp() {
  return <p className="muted">Derbes portal</p>
}
