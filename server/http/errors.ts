// One JSON error shape for every REST failure, using the protocol's error codes.
import type { ErrorRequestHandler, Response } from 'express';
import { ERROR_MESSAGES, type ErrorCode } from '../../shared/errors.js';
import type { Logger } from '../logger.js';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message?: string,
  ) {
    super(message ?? ERROR_MESSAGES[code]);
  }
}

export function sendError(res: Response, status: number, code: ErrorCode, message?: string): void {
  res.status(status).json({ ok: false, error: { code, message: message ?? ERROR_MESSAGES[code] } });
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    if (err instanceof HttpError) return sendError(res, err.status, err.code, err.message);
    const e = err as { type?: string; status?: number; code?: string; message?: string };
    // body-parser and multer failures are the client's fault: say what was wrong.
    if (e.type === 'entity.too.large' || e.code === 'LIMIT_FILE_SIZE') {
      return sendError(res, 413, 'TOO_LARGE', 'The upload is too large.');
    }
    if (e.type === 'entity.parse.failed') return sendError(res, 400, 'BAD_PAYLOAD', 'The request body is not valid JSON.');
    if (typeof e.code === 'string' && e.code.startsWith('LIMIT_')) return sendError(res, 400, 'BAD_PAYLOAD', e.message);
    if (e.status && e.status >= 400 && e.status < 500) return sendError(res, e.status, 'BAD_PAYLOAD', e.message);
    logger.error({ err }, 'request failed');
    sendError(res, 500, 'INTERNAL');
  };
}
