import { DerbesError } from '../../errors/index.ts'
import type { DatabaseSource } from './database-source.ts'
import { MysqlSource } from './mysql-source.ts'
import { PostgresSource } from './postgres-source.ts'

/**
 * The source for a connection URL: `postgres://`/`postgresql://`, or
 * `mysql://`/`mariadb://`. `schemas` limits a PostgreSQL scan.
 */
export function openDatabaseSource(url: string, options: { schemas?: readonly string[] } = {}): DatabaseSource {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase()
  if (scheme === 'postgres' || scheme === 'postgresql') return new PostgresSource(url, options)
  if (scheme === 'mysql' || scheme === 'mariadb') return new MysqlSource(url.replace(/^mariadb:/i, 'mysql:'))
  throw new DerbesError('DERBES_SCAN_TARGET_UNKNOWN', `cannot scan '${scheme ?? url}': give a postgres://, mysql:// or mariadb:// URL, or a file or directory path`)
}

export function isDatabaseUrl(target: string): boolean {
  return /^(postgres|postgresql|mysql|mariadb):\/\//i.test(target)
}
