// Express middleware: the request must carry the host secret, as `Authorization: Bearer <t>`
// or `X-Host-Token: <t>`. Joining and playing never need it.
import express, { type RequestHandler } from 'express';
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

/** Bodies of host commands are small; the import route reads its own, bigger ones. */
const HOST_BODY_LIMIT = '64kb';

/** The host check first, then the JSON body (if any): an anonymous request is refused
 *  before a byte of its body is read or held in memory. */
export function requireHostWithBody(hostToken: string): RequestHandler {
  const check = requireHost(hostToken);
  const json = express.json({ limit: HOST_BODY_LIMIT });
  return (req, res, next) => check(req, res, (err?: unknown) => (err ? next(err) : json(req, res, next)));
}
