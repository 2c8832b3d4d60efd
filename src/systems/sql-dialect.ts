/**
 * What differs between PostgreSQL and MySQL/MariaDB in the few statements a
 * connector runs. Statements are written with `?` for every parameter and
 * turned into `$1, $2, …` for PostgreSQL at the end: map names are plain SQL
 * names (`isSqlName`) and values are never inlined, so a `?` can be nothing else.
 */
export interface SqlDialect {
  readonly name: 'postgres' | 'mysql'
  /** A quoted identifier: `"orders"` or `` `orders` ``. */
  quote(name: string): string
  /** A mapped table, qualified by the connection's schema where there is one. */
  table(name: string): string
  /** A date or timestamp column cut to 1 January of its year. */
  startOfYear(column: string): string
  /** The final statement text. */
  finish(text: string): string
}

export function postgresDialect(schema = 'public'): SqlDialect {
  const quote = (name: string) => `"${name.replaceAll('"', '""')}"`
  return {
    name: 'postgres',
    quote,
    table: (name) => `${quote(schema)}.${quote(name)}`,
    // date_trunc gives a timestamp; assigning it to a date column casts it back.
    startOfYear: (column) => `date_trunc('year', ${column})`,
    finish: (text) => {
      let n = 0
      return text.replace(/\?/g, () => `$${++n}`)
    },
  }
}

/** MySQL/MariaDB: the database is the one the connection URL names. */
export function mysqlDialect(): SqlDialect {
  const quote = (name: string) => `\`${name.replaceAll('`', '``')}\``
  return {
    name: 'mysql',
    quote,
    table: quote,
    startOfYear: (column) => `makedate(year(${column}), 1)`,
    finish: (text) => text,
  }
}
