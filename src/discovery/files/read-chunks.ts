import { open } from 'node:fs/promises'

export const CHUNK_BYTES = 4 << 20

const NEWLINE = 0x0a

/** Where to cut so no line (or, in a file of one huge line, no word) is split between two chunks. */
function cutAfter(bytes: Buffer, length: number): number {
  const newline = bytes.lastIndexOf(NEWLINE, length - 1)
  if (newline >= 0) return newline + 1
  for (let i = length - 1; i >= 0; i--) if (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0d) return i + 1
  return length
}

/**
 * Streams a file of any size as chunks of about `chunkBytes`, each ending at
 * a line break, so a detection never straddles two chunks. Every chunk owns
 * its memory (from `allocate`), so it can be transferred to a worker thread
 * without a copy.
 */
export async function* readChunks(path: string, chunkBytes = CHUNK_BYTES, allocate: (size: number) => Buffer = Buffer.allocUnsafeSlow): AsyncIterable<Buffer> {
  const file = await open(path, 'r')
  try {
    let carry = Buffer.alloc(0)
    for (;;) {
      // Sizes rounded up to 64 KiB, so a buffer given back fits the next chunk whatever its carried tail.
      const buffer = allocate(Math.ceil((carry.length + chunkBytes) / 65536) * 65536 + 65536)
      carry.copy(buffer, 0)
      const { bytesRead } = await file.read(buffer, carry.length, chunkBytes, null)
      const length = carry.length + bytesRead
      if (bytesRead === 0) {
        if (length > 0) yield buffer.subarray(0, length)
        return
      }
      const cut = cutAfter(buffer, length)
      carry = Buffer.from(buffer.subarray(cut, length))
      yield buffer.subarray(0, cut)
    }
  } finally {
    await file.close()
  }
}
