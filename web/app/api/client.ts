/**
 * The browser's way to the Derbes REST API. Every failure arrives as an RFC
 * 9457 problem (docs/errors.md); `ApiProblem` keeps its code and field path so
 * a page can show the right message beside the right field.
 */
export interface Problem {
  type?: string
  title: string
  status: number
  detail?: string
  code?: string
  errors?: Array<{ path?: string; message: string }>
  [extension: string]: unknown
}

export class ApiProblem extends Error {
  readonly problem: Problem
  constructor(problem: Problem) {
    super(problem.detail ?? problem.title)
    this.name = 'ApiProblem'
    this.problem = problem
  }
  get status(): number {
    return this.problem.status
  }
  get code(): string | undefined {
    return this.problem.code
  }
}

export interface ApiOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  body?: unknown
  /** Sent as it is, with the content-type the caller sets (a policy's YAML text). */
  rawBody?: string
  /** A staff session, an API key or a subject's portal token. */
  token?: string | null
  headers?: Record<string, string>
  signal?: AbortSignal
}

export async function api<T>(path: string, options: ApiOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers }
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  if (options.token) headers.authorization = `Bearer ${options.token}`
  const init: RequestInit = { method: options.method ?? (options.body === undefined && options.rawBody === undefined ? 'GET' : 'POST'), headers }
  if (options.body !== undefined) init.body = JSON.stringify(options.body)
  if (options.rawBody !== undefined) init.body = options.rawBody
  if (options.signal) init.signal = options.signal
  const response = await fetch(path, init)
  if (!response.ok) throw new ApiProblem(await readProblem(response))
  if (response.status === 204) return undefined as T
  const type = response.headers.get('content-type') ?? ''
  return (type.includes('json') ? await response.json() : await response.text()) as T
}

/** Downloads a file (a receipt, an answer's PDF) the way a person expects: the browser saves it. */
export async function download(path: string, fileName: string, token?: string | null): Promise<void> {
  const response = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} })
  if (!response.ok) throw new ApiProblem(await readProblem(response))
  const url = URL.createObjectURL(await response.blob())
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 1_000)
}

async function readProblem(response: Response): Promise<Problem> {
  try {
    const body = (await response.json()) as Partial<Problem>
    return { ...body, title: body.title ?? response.statusText, status: body.status ?? response.status }
  } catch {
    return { title: response.statusText || 'Request failed', status: response.status }
  }
}
