// Reads an import request into a list of {name, data}: multipart `files` fields (bytes, sniffed
// later) or JSON {name,text} / {files:[{name,text}]}. Sizes are capped while reading, so an
// oversized upload is refused before it is held in memory.
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import multer from 'multer';
import { HttpError } from '../http/errors.js';
import { BANK_LIMITS, MB } from './limits.js';
import { jsonImportBody, parseInput } from './schemas.js';
import type { UploadInput } from './sniff.js';

const reader = multer({
  storage: multer.memoryStorage(),
  // Browsers send file names as raw UTF-8 without declaring a charset.
  defParamCharset: 'utf8',
  limits: { fileSize: BANK_LIMITS.fileBytes, files: BANK_LIMITS.files, fields: 20, fieldSize: 64 * 1024, parts: BANK_LIMITS.files + 20 },
}).array('files', BANK_LIMITS.files);

// Multipart framing adds a little per file; a body well over the request limit is refused unread.
const MAX_BODY = BANK_LIMITS.requestBytes + BANK_LIMITS.files * 4096;
// JSON escapes make text a little longer than its bytes; the same limit, read only here.
const readJson = express.json({ limit: MAX_BODY });

function multerError(error: { code?: string; field?: string; message?: string }): HttpError {
  switch (error.code) {
    case 'LIMIT_FILE_SIZE':
      return new HttpError(413, 'TOO_LARGE', `${error.field ? `A file in "${error.field}"` : 'A file'} is larger than ${BANK_LIMITS.fileBytes / MB} MB.`);
    case 'LIMIT_FILE_COUNT':
    case 'LIMIT_PART_COUNT':
      return new HttpError(413, 'TOO_LARGE', `At most ${BANK_LIMITS.files} files per import.`);
    case 'LIMIT_UNEXPECTED_FILE':
      return new HttpError(400, 'BAD_PAYLOAD', `Send the notes in form fields named "files" (got "${error.field}").`);
    default:
      return new HttpError(400, 'BAD_PAYLOAD', `The upload could not be read: ${error.message ?? 'malformed multipart body'}.`);
  }
}

/** Middleware: puts the upload list on res.locals.uploads. */
export const readUploads: RequestHandler = (req: Request, res: Response, next: NextFunction) => {
  const length = Number(req.headers['content-length'] ?? 0);
  if (length > MAX_BODY) return next(new HttpError(413, 'TOO_LARGE', `The upload is ${(length / MB).toFixed(1)} MB; the limit is ${BANK_LIMITS.requestBytes / MB} MB per import.`));
  if (req.is('multipart/form-data')) {
    reader(req, res, (error?: unknown) => {
      if (error) return next(multerError(error as { code?: string }));
      const files = (req.files ?? []) as Express.Multer.File[];
      res.locals.uploads = files.map((f): UploadInput => ({ name: f.originalname, data: f.buffer }));
      next();
    });
    return;
  }
  if (req.is('application/json')) {
    readJson(req, res, (error?: unknown) => {
      if (error) return next(error);
      const files = (req.body as { files?: unknown } | null)?.files;
      if (Array.isArray(files) && files.length > BANK_LIMITS.files) return next(new HttpError(413, 'TOO_LARGE', `At most ${BANK_LIMITS.files} files per import.`));
      try {
        const body = parseInput(jsonImportBody, req.body, 'import body');
        res.locals.uploads = ('files' in body ? body.files : [body]).map((f): UploadInput => ({ name: f.name, data: f.text }));
        next();
      } catch (parseError) {
        next(parseError);
      }
    });
    return;
  }
  next(new HttpError(400, 'BAD_PAYLOAD', 'Send the notes as multipart/form-data (fields "files") or JSON {name,text} / {files:[{name,text}]}.'));
};
