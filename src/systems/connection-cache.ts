/** Placeholder while the connectors are written; the signature is final. */
export async function closeSystemConnections(): Promise<void> {}
