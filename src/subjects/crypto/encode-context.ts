/**
 * Encodes the parts of a cryptographic context (a domain label, then ids) as
 * one unambiguous byte string: each part is its UTF-8 length as 4 big-endian
 * bytes followed by its bytes.
 *
 * Why not `parts.join('|')`: ids are chosen by operators and could contain the
 * separator, and then `('a|b', 'c')` and `('a', 'b|c')` would bind the same
 * AAD — a ciphertext could be moved between two such contexts unnoticed.
 *
 * @example
 * encodeContext(['derbes.field.v1', 'ttc', 'subject-1', 'phone']) // <Buffer 00 00 00 0f 64 65 …>
 */
export function encodeContext(parts: readonly string[]): Buffer {
  const chunks: Buffer[] = []
  for (const part of parts) {
    const bytes = Buffer.from(part, 'utf8')
    const length = Buffer.alloc(4)
    length.writeUInt32BE(bytes.length)
    chunks.push(length, bytes)
  }
  return Buffer.concat(chunks)
}
