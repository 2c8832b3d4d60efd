import { Command } from 'commander'

/** `derbes access`: staff users and API keys. */
export function accessCommand(): Command {
  return new Command('access').description('staff users and API keys')
}
