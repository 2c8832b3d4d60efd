import { Command } from 'commander'

/** `derbes keys`: the operators' keyrings: rotate, rewrap. */
export function keysCommand(): Command {
  return new Command('keys').description("the operators' keyrings: rotate, rewrap")
}
