/** A response as a suite test sees it: status, headers and the parsed body. */
export interface SuiteResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** Talks to the running suite over real HTTP, as a frontend (GraphQL) or an integration partner (REST) does. */
export class SuiteClient {
  constructor(readonly baseUrl: string) {}

  async rest<T = any>(method: string, path: string, options: { body?: unknown; headers?: Record<string, string>; raw?: string } = {}): Promise<SuiteResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    let body: string | undefined = options.raw;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(`${this.baseUrl}${path}`, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    if (text && /json/.test(res.headers.get('content-type') ?? '')) parsed = JSON.parse(text);
    return { status: res.status, headers: res.headers, body: parsed as T };
  }

  /** A GraphQL operation through the gateway; `errors` and `data` as the server sent them. */
  async graphql<T = any>(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
    const res = await this.rest<{ data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> }>('POST', '/graphql', {
      body: { query, variables },
      headers,
    });
    return { status: res.status, data: res.body.data, errors: res.body.errors };
  }
}
