/** An error answer from the web app's API, with its stable code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The web app's side of its API: same-origin requests carrying the session cookie (never a token). A lost session
 * (401) sends the browser to sign in, returning here afterwards.
 */
export class ApiClient {
  constructor(private readonly base: string) {}

  get<T>(path: string): Promise<T> {
    return this.call('GET', path);
  }

  post<T>(path: string, body: unknown): Promise<T> {
    return this.call('POST', path, body);
  }

  patch<T>(path: string, body: unknown): Promise<T> {
    return this.call('PATCH', path, body);
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.call('PUT', path, body);
  }

  delete<T>(path: string): Promise<T> {
    return this.call('DELETE', path);
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      credentials: 'same-origin',
      cache: 'no-store',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    if (!response.ok) {
      const error = parseError(text);
      if (response.status === 401) window.location.assign(`/frame/sign-in?next=${encodeURIComponent('/')}`);
      throw new ApiError(response.status, error.code, error.message);
    }
    return JSON.parse(text) as T;
  }
}

function parseError(text: string): { code: string; message: string } {
  try {
    const body = JSON.parse(text) as { error?: { code?: string; message?: string } };
    return { code: body.error?.code ?? 'ERROR', message: body.error?.message ?? 'Something went wrong' };
  } catch {
    return { code: 'ERROR', message: 'Something went wrong' };
  }
}
