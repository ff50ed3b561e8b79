// REST calls with the server's envelope: {ok:true,data} | {ok:false,error:{code,message}}.
// Host routes get the stored host secret as a Bearer token.
import { ERROR_MESSAGES, isErrorCode, type ErrorCode } from '../../../shared/errors.js';
import { hostSecret } from './storage.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** JSON body, or FormData for uploads. */
  body?: unknown;
  /** Send the host secret (default true: most calls of the host screens need it). */
  host?: boolean;
  /** Use this secret instead of the stored one (checking a pasted secret). */
  secret?: string;
  /** More request headers (a phone's X-Device-Key). */
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  const secret = options.secret ?? (options.host === false ? null : hostSecret.get());
  if (secret) headers.authorization = `Bearer ${secret}`;
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }

  let response: Response;
  try {
    response = await fetch(path, { method: options.method ?? 'GET', headers, body, signal: options.signal });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'INTERNAL', 'Cannot reach the server. Check the connection and try again.');
  }

  let envelope: unknown;
  try {
    envelope = await response.json();
  } catch {
    throw new ApiError(response.status, response.status === 404 ? 'NOT_FOUND' : 'INTERNAL', `The server answered ${response.status} without data.`);
  }
  const e = envelope as { ok?: boolean; data?: unknown; error?: { code?: unknown; message?: unknown } };
  if (e && e.ok === true) return e.data as T;
  const code: ErrorCode = isErrorCode(e?.error?.code) ? e.error.code : 'INTERNAL';
  const message = typeof e?.error?.message === 'string' ? e.error.message : ERROR_MESSAGES[code];
  throw new ApiError(response.status, code, message);
}

export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}
