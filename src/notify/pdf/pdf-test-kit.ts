import { inflateSync } from 'node:zlib'

/**
 * FOR TESTS. The text of a PDF as pdfkit writes it, decoded without a PDF
 * library: each font's ToUnicode CMap maps the glyph codes of the content
 * streams back to Unicode (`pdftotext` is not installed here). Also lists
 * the embedded fonts (BaseFont of fonts with a FontFile2).
 */
export function readPdf(pdf: Buffer): { text: string; embeddedFonts: string[] } {
  const raw = pdf.toString('latin1')
  const objects = new Map<number, { dict: string; stream?: string }>()
  for (const match of raw.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = match[2]!
    const at = body.indexOf('stream')
    if (at < 0) {
      objects.set(Number(match[1]), { dict: body })
      continue
    }
    const dict = body.slice(0, at)
    const start = at + 6 + (/^\r?\n/.exec(body.slice(at + 6))?.[0].length ?? 0)
    let data = body.slice(start, start + Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0))
    if (dict.includes('/FlateDecode')) data = inflateSync(Buffer.from(data, 'latin1')).toString('latin1')
    objects.set(Number(match[1]), { dict, stream: data })
  }
  const cmaps = new Map<number, Map<number, string>>()
  const fontNames = new Map<string, number>()
  const embeddedFonts: string[] = []
  for (const [id, object] of objects) {
    const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(object.dict)
    if (toUnicode) cmaps.set(id, parseCmap(objects.get(Number(toUnicode[1]))?.stream ?? ''))
    for (const font of object.dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) fontNames.set(font[1]!, Number(font[2]))
    if (/\/FontFile2 \d+ 0 R/.test(object.dict)) embeddedFonts.push(/\/FontName \/([^\s/]+)/.exec(object.dict)?.[1] ?? '?')
  }
  let text = ''
  for (const object of objects.values()) {
    if (!object.stream || !/\bTf\b/.test(object.stream)) continue
    let cmap = new Map<number, string>()
    for (const token of object.stream.matchAll(/\/(F\d+) [\d.]+ Tf|<([0-9a-fA-F]*)>|(T\*|Td|TD|Tm|ET)\b/g)) {
      if (token[1]) cmap = cmaps.get(fontNames.get(token[1]) ?? -1) ?? new Map()
      else if (token[2] !== undefined) for (let i = 0; i + 4 <= token[2].length; i += 4) text += cmap.get(parseInt(token[2].slice(i, i + 4), 16)) ?? ''
      else text += token[3] === 'ET' ? '\n' : ' '
    }
  }
  return { text, embeddedFonts }
}

function parseCmap(cmap: string): Map<number, string> {
  const map = new Map<number, string>()
  const unicode = (hex: string) => String.fromCharCode(...(hex.replace(/\s+/g, '').match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)))
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const pair of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(pair[1]!, 16), unicode(pair[2]!))
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const range of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F\s]+>)/g)) {
      const start = parseInt(range[1]!, 16)
      const end = parseInt(range[2]!, 16)
      if (range[3]!.startsWith('[')) [...range[3]!.matchAll(/<([0-9a-fA-F\s]+)>/g)].forEach((u, i) => map.set(start + i, unicode(u[1]!)))
      else for (let code = start; code <= end; code++) map.set(code, String.fromCharCode(parseInt(range[3]!.slice(1, -1), 16) + code - start))
    }
  }
  return map
}

/** FOR TESTS. The nine letters of the Kazakh alphabet that Cyrillic fonts without Kazakh support lack. */
export const KAZAKH_LETTERS = ['ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'һ', 'і'] as const
