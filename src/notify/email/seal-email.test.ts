import { describe, expect, it } from 'vitest'
import { MemoryKeyProvider } from '../../subjects/crypto/index.ts'
import { openEmail, sealEmail, type EmailContent } from './seal-email.ts'

const content: EmailContent = {
  to: 'shahizada@mail.kz',
  subjectLine: 'Жауап: ә ғ қ ң ө ұ ү һ і',
  text: 'Құрметті Шаһизада!',
  attachments: [{ filename: 'a.pdf', contentType: 'application/pdf', content: Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]) }],
}

describe('sealed e-mail content', () => {
  it('opens to the same content, binary attachments included, and reveals none of it sealed', async () => {
    const keys = new MemoryKeyProvider()
    const sealed = await sealEmail(keys, 'esp', 'm-1', content)
    expect(await openEmail(keys, 'esp', 'm-1', sealed)).toEqual(content)
    expect(JSON.stringify(sealed)).not.toMatch(/shahizada|Шаһизада|Жауап|a\.pdf/)
    // A data key per message: two seals of one content share nothing.
    const again = await sealEmail(keys, 'esp', 'm-1', content)
    expect(again.wrappedKey).not.toBe(sealed.wrappedKey)
    expect(again.sealed).not.toBe(sealed.sealed)
  })

  it('does not open as another message, for another operator, or altered by one character', async () => {
    const keys = new MemoryKeyProvider()
    const sealed = await sealEmail(keys, 'esp', 'm-1', content)
    await expect(openEmail(keys, 'esp', 'm-2', sealed)).rejects.toMatchObject({ code: 'DERBES_VAULT_DECRYPT_FAILED' })
    await expect(openEmail(keys, 'tw', 'm-1', sealed)).rejects.toMatchObject({ code: 'DERBES_VAULT_KEY_UNWRAP_FAILED' })
    const body = sealed.sealed
    const flipped = `${body.slice(0, -3)}${body.at(-3) === 'A' ? 'B' : 'A'}${body.slice(-2)}`
    await expect(openEmail(keys, 'esp', 'm-1', { ...sealed, sealed: flipped })).rejects.toMatchObject({ code: 'DERBES_VAULT_DECRYPT_FAILED' })
  })
})
