/** What every identifier parser in `kz/` returns: the normalised value, or why it was refused. */
export type ParseResult<T, Reason extends string> = { ok: true; value: T } | { ok: false; reason: Reason }
