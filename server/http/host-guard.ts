// Express middleware: the request must carry the host secret, as `Authorization: Bearer <t>`
// or `X-Host-Token: <t>`. Joining and playing never need it.
import type { RequestHandler } from 'express';
import { tokensEqual } from '../host-secret.js';
import { sendError } from './errors.js';

export function hostTokenFrom(headers: Record<string, string | string[] | undefined>): string | undefined {
  const auth = headers.authorization;
  if (typeof auth === 'string' && auth.startsWith('Bearer ')) return auth.slice(7).trim();
  const header = headers['x-host-token'];
  return typeof header === 'string' ? header.trim() : undefined;
}

export function requireHost(hostToken: string): RequestHandler {
  return (req, res, next) => {
    const given = hostTokenFrom(req.headers);
    if (!given) return sendError(res, 401, 'NOT_HOST', 'This action needs the host secret (Authorization: Bearer <token>).');
    if (!tokensEqual(given, hostToken)) return sendError(res, 403, 'NOT_HOST', 'The host secret is wrong.');
    next();
  };
}
