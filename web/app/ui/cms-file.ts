/**
 * An EDS file from NCALayer (.cms, .p7s) as the API takes it: base64 DER. A
 * binary file is encoded; a PEM or base64 text file is taken without its armour.
 *
 * @example
 * const cms = await cmsBase64(input.files[0]) // 'MIIG…'
 */
export async function cmsBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  const text = new TextDecoder().decode(bytes)
  if (/^[\sA-Za-z0-9+/=-]+$/.test(text)) return text.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '')
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary)
}
