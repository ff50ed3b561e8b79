// Upload sniffing and normalisation: text in, binary out, whatever the file is called.
import { describe, expect, it } from 'vitest';
import { HttpError } from '../server/http/errors.js';
import { cleanFileName, decodeUpload, decodeUploads } from '../server/bank/sniff.js';

function refusal(fn: () => unknown): { status: number; code: string; message: string } {
  try {
    fn();
  } catch (error) {
    if (error instanceof HttpError) return { status: error.status, code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('decodeUpload', () => {
  it('strips a BOM and normalises CRLF and CR, hashing the normalised text', () => {
    const lf = decodeUpload({ name: 'a.md', data: Buffer.from('# T\n- a: b\n') });
    const crlf = decodeUpload({ name: 'a.md', data: Buffer.from('\uFEFF# T\r\n- a: b\r\n') });
    const cr = decodeUpload({ name: 'a.md', data: '# T\r- a: b\r' });
    expect(crlf.text).toBe('# T\n- a: b\n');
    expect(cr.text).toBe(lf.text);
    expect(crlf.hash).toBe(lf.hash);
    expect(lf.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads UTF-16 text with a BOM', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Café: a place\n', 'utf16le')]);
    expect(decodeUpload({ name: 'u.txt', data: utf16 }).text).toBe('Café: a place\n');
  });

  it.each([
    ['PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'), /PDF/],
    ['PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), /PNG/],
    ['JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), /JPEG/],
    ['ZIP', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0]), /ZIP/],
    ['NUL bytes', Buffer.from('term: def\u0000\u0001\u0002'), /NUL/],
  ])('refuses %s with 415 UNSUPPORTED_FILE naming the file', (_what, data, why) => {
    const r = refusal(() => decodeUpload({ name: 'notes.txt', data }));
    expect(r).toMatchObject({ status: 415, code: 'UNSUPPORTED_FILE' });
    expect(r.message).toMatch(/^notes\.txt: /);
    expect(r.message).toMatch(why);
  });

  it('tolerates a stray invalid byte but refuses text that is mostly not UTF-8', () => {
    const one = Buffer.concat([Buffer.from('Term: it'), Buffer.from([0x92]), Buffer.from('s fine\n'.repeat(200))]);
    expect(decodeUpload({ name: 'a.txt', data: one }).text).toContain('\ufffd');
    const latin1 = Buffer.from('Élève: étudiant à l’école, très âgé\n'.repeat(50), 'latin1');
    expect(refusal(() => decodeUpload({ name: 'b.txt', data: latin1 }))).toMatchObject({ status: 415, code: 'UNSUPPORTED_FILE' });
  });

  it('refuses text full of control characters', () => {
    const data = Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 3 ? 0x41 : 0x01)));
    expect(refusal(() => decodeUpload({ name: 'c.txt', data })).code).toBe('UNSUPPORTED_FILE');
  });

  it('refuses files over 2 MB with 413 TOO_LARGE', () => {
    expect(refusal(() => decodeUpload({ name: 'big.txt', data: 'x'.repeat(2 * 1024 * 1024 + 1) }))).toMatchObject({ status: 413, code: 'TOO_LARGE' });
    expect(decodeUpload({ name: 'ok.txt', data: 'x'.repeat(2 * 1024 * 1024) }).bytes).toBe(2 * 1024 * 1024);
  });

  it('accepts an empty file (an empty import is reported, not refused)', () => {
    expect(decodeUpload({ name: 'e.txt', data: Buffer.alloc(0) }).text).toBe('');
  });
});

describe('decodeUploads and names', () => {
  it('checks the request as a whole', () => {
    expect(refusal(() => decodeUploads([])).code).toBe('BAD_PAYLOAD');
    expect(refusal(() => decodeUploads([{ name: 'a', data: 'x' }, { name: 'dir/a', data: 'y' }])).message).toMatch(/twice/);
    const five = Array.from({ length: 5 }, (_, i) => ({ name: `f${i}.txt`, data: 'y'.repeat(1.9 * 1024 * 1024) }));
    expect(refusal(() => decodeUploads(five))).toMatchObject({ status: 413, code: 'TOO_LARGE' });
    const many = Array.from({ length: 21 }, (_, i) => ({ name: `f${i}.txt`, data: 'y' }));
    expect(refusal(() => decodeUploads(many)).status).toBe(413);
  });

  it('keeps only the base name and refuses empty or odd names', () => {
    expect(cleanFileName('C:\\fakepath\\notes.md')).toBe('notes.md');
    expect(cleanFileName(' ../../etc/notes.md ')).toBe('notes.md');
    expect(refusal(() => cleanFileName('  ')).code).toBe('BAD_PAYLOAD');
    expect(refusal(() => cleanFileName('a\u0007b.txt')).code).toBe('BAD_PAYLOAD');
  });
});
