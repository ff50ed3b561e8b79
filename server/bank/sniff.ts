// Upload sniffing: decide from the bytes, never from the file name or the declared MIME type,
// whether an upload is text notes, and turn it into clean text (no BOM, LF line ends). Every
// refusal names the file and says what to do instead, with a 4xx code the client can switch on.
import { createHash } from 'node:crypto';
import { HttpError } from '../http/errors.js';
import { BANK_LIMITS, MB } from './limits.js';

export interface UploadInput {
  name: string;
  /** Raw bytes (multipart) or already-decoded text (JSON). */
  data: Buffer | string;
}

export interface DecodedFile {
  name: string;
  text: string;
  /** sha256 of the normalised text: the same notes saved with CRLF or a BOM hash the same. */
  hash: string;
  bytes: number;
}

const MAGIC: { bytes: number[]; what: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document (copy its text into a .txt or .md file instead)' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x52, 0x49, 0x46, 0x46], what: 'an image or media file (RIFF)' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (Word, Anki .apkg…); export the notes as text' },
  { bytes: [0x1f, 0x8b], what: 'a compressed (gzip) file' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Office document; save it as plain text' },
  { bytes: [...Buffer.from('SQLite format 3')], what: 'a database file (Anki collection?); export the cards as text' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'a program' },
  { bytes: [...Buffer.from('{\\rtf')], what: 'an RTF document; save it as plain text' },
];

function unsupported(name: string, why: string): HttpError {
  return new HttpError(415, 'UNSUPPORTED_FILE', `${name}: ${why}. Only text notes (.txt, .md, .csv, .tsv) can be imported.`);
}

/** Strips directories (a browser may send "C:\\fakepath\\x.md"), trims, NFC; refuses odd names. */
export function cleanFileName(raw: string): string {
  const name = raw.replace(/^.*[\\/]/, '').normalize('NFC').trim();
  if (!name) throw new HttpError(400, 'BAD_PAYLOAD', 'Every file needs a name.');
  if (name.length > BANK_LIMITS.nameChars) throw new HttpError(400, 'BAD_PAYLOAD', `File name too long (over ${BANK_LIMITS.nameChars} characters): ${name.slice(0, 40)}…`);
  if (/[\u0000-\u001f\u007f]/.test(name)) throw new HttpError(400, 'BAD_PAYLOAD', 'File names may not contain control characters.');
  return name;
}

function startsWith(buf: Buffer, bytes: number[]): boolean {
  return buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b);
}

function countMatches(text: string, re: RegExp): number {
  let n = 0;
  for (const _ of text.matchAll(re)) n++;
  return n;
}

function decodeBytes(name: string, buf: Buffer): string {
  for (const m of MAGIC) if (startsWith(buf, m.bytes)) throw unsupported(name, `this is ${m.what}`);
  // Windows editors still write UTF-16 with a BOM; that is text, only not UTF-8.
  if (startsWith(buf, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (startsWith(buf, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  if (buf.includes(0)) throw unsupported(name, 'it contains NUL bytes, so it is a binary file');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    // A few undecodable bytes (one pasted Windows-1252 quote) are tolerated and shown as U+FFFD;
    // a file that is mostly not UTF-8 is another encoding or binary, and guessing would garble it.
    const text = new TextDecoder('utf-8').decode(buf);
    const genuine = countMatches(buf.toString('latin1'), /\xef\xbf\xbd/g);
    const bad = countMatches(text, /\ufffd/g) - genuine;
    if (bad > 2 && bad > text.length * BANK_LIMITS.badUtf8Share) {
      throw unsupported(name, `it is not UTF-8 text (${bad} undecodable byte sequences); save it as UTF-8`);
    }
    return text;
  }
}

/** Validates and normalises one upload; throws HttpError (413/415/400) and never half-accepts. */
export function decodeUpload(input: UploadInput): DecodedFile {
  const name = cleanFileName(input.name);
  const bytes = typeof input.data === 'string' ? Buffer.byteLength(input.data, 'utf8') : input.data.length;
  if (bytes > BANK_LIMITS.fileBytes) {
    throw new HttpError(413, 'TOO_LARGE', `${name} is ${(bytes / MB).toFixed(1)} MB; the limit is ${BANK_LIMITS.fileBytes / MB} MB per file.`);
  }
  let text = typeof input.data === 'string' ? input.data : decodeBytes(name, input.data);
  if (typeof input.data === 'string') {
    // Pasted text can still be a binary file read as a string.
    for (const m of MAGIC) if (text.startsWith(String.fromCharCode(...m.bytes))) throw unsupported(name, `this is ${m.what}`);
    if (text.includes('\u0000')) throw unsupported(name, 'it contains NUL characters, so it is binary data');
    // Lone surrogates cannot be stored as UTF-8.
    text = text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const controls = countMatches(text, /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g);
  if (text.includes('\u0000') || (controls > 2 && controls > text.length * BANK_LIMITS.controlShare)) {
    throw unsupported(name, 'it is full of control characters, so it is not text');
  }
  return { name, text, hash: createHash('sha256').update(text).digest('hex'), bytes };
}

/** Checks the request as a whole: file count, total size, unique names. */
export function decodeUploads(inputs: UploadInput[]): DecodedFile[] {
  if (!inputs.length) throw new HttpError(400, 'BAD_PAYLOAD', 'No files were sent.');
  if (inputs.length > BANK_LIMITS.files) throw new HttpError(413, 'TOO_LARGE', `At most ${BANK_LIMITS.files} files per import.`);
  const files = inputs.map(decodeUpload);
  const total = files.reduce((n, f) => n + f.bytes, 0);
  if (total > BANK_LIMITS.requestBytes) {
    throw new HttpError(413, 'TOO_LARGE', `The files add up to ${(total / MB).toFixed(1)} MB; the limit is ${BANK_LIMITS.requestBytes / MB} MB per import.`);
  }
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.name)) throw new HttpError(400, 'BAD_PAYLOAD', `${f.name} is sent twice in one import.`);
    seen.add(f.name);
  }
  return files;
}
