import type { Language } from '../schema/index.ts'

/**
 * A rendered document before it becomes Markdown or HTML. Builders fill it with
 * plain text (never markup), so each serializer escapes every string once and
 * nothing interpolated from a policy can inject markup.
 */
export type Inline = string | Strong | Link
export interface Strong {
  readonly strong: Rich
  /** `warning` marks what the reader must not miss: cross-border transfers. */
  readonly tone?: 'warning'
}
export interface Link {
  /** A web or mail address, or `#id` for a place in the same document (HTML links it; Markdown has no stable ids, so shows the text). */
  readonly href: string
  readonly text: string
}
export type Rich = string | readonly Inline[]

/** A table cell: one text, or several shown as a list. */
export type Cell = Rich | { readonly list: readonly Rich[] }

export interface TableRow {
  /** The row's header cell (`<th scope="row">`); a list when several things share the row, like items of the list (Тізбе). */
  readonly header: Cell
  readonly cells: readonly Cell[]
  readonly tone?: 'warning'
}

/** Rows under one group header spanning them (`<th scope="rowgroup">`), like a category of the list. */
export interface TableGroup {
  readonly header?: Rich
  readonly rows: readonly TableRow[]
}

export type Block =
  | { readonly kind: 'paragraph'; readonly content: Rich }
  | { readonly kind: 'note'; readonly content: Rich }
  | { readonly kind: 'list'; readonly items: readonly Rich[]; readonly ordered?: boolean }
  | { readonly kind: 'facts'; readonly rows: readonly (readonly [string, Cell])[] }
  | { readonly kind: 'table'; readonly caption: string; readonly columns: readonly string[]; readonly groups: readonly TableGroup[] }
  | { readonly kind: 'subsection'; readonly id: string; readonly title: string; readonly blocks: readonly Block[] }
  /** Blank lines a person fills in by hand on the printed form. */
  | { readonly kind: 'fields'; readonly fields: readonly string[]; readonly inline?: boolean }

export interface Section {
  readonly id: string
  readonly title: string
  readonly blocks: readonly Block[]
}

export interface RenderedDocument {
  readonly lang: Language
  readonly title: string
  /** Lines under the title: the operator, a form's reference. */
  readonly lead: readonly Rich[]
  readonly sections: readonly Section[]
  readonly footer: readonly Rich[]
  /** A table of contents helps a long notice; a one-page form does without. */
  readonly toc: boolean
}

/** Drops absent entries so builders can write `compact([a, cond ? b : undefined])`. */
export function compact<T>(values: readonly (T | undefined | false | null)[]): T[] {
  return values.filter((value): value is T => value !== undefined && value !== false && value !== null)
}
