import { Command } from 'commander'

/** `derbes audit`: the audit log: verify the hash chain, sign checkpoints. */
export function auditCommand(): Command {
  return new Command('audit').description('the audit log: verify the hash chain, sign checkpoints')
}
