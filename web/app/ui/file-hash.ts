/**
 * SHA-256 of a file the person picked, computed in the browser: a request or
 * a task records the hash of its scan or document (issue 4 §2), never the
 * file — so the evidence can be matched later without Derbes keeping a copy.
 *
 * @example
 * const sha256 = await fileSha256(input.files[0]) // '9f86d0…' (64 hex digits)
 */
export async function fileSha256(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer())
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
}
