/**
 * A table, column or schema name the map may use: letters, digits, `_` and
 * `$`, not starting with a digit, at most 63 characters (PostgreSQL's limit;
 * MySQL allows 64). Names are always quoted in SQL as well; the narrow
 * alphabet keeps a map from smuggling anything a quote would have to escape.
 */
const SQL_NAME = /^[\p{L}_][\p{L}\p{N}_$]{0,62}$/u

export function isSqlName(name: string): boolean {
  return SQL_NAME.test(name)
}
