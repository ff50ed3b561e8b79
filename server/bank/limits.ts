// Import limits. Study notes are small text files (the five seeds together are about 200 KB), so
// anything far bigger is a wrong file or an attack; refusing early keeps one request from
// holding the database in a long transaction.
export const BANK_LIMITS = {
  /** Bytes per file after decoding. */
  fileBytes: 2 * 1024 * 1024,
  /** Bytes per request, all files together. */
  requestBytes: 8 * 1024 * 1024,
  /** Files per request. */
  files: 20,
  /** Characters in a file name. */
  nameChars: 200,
  /** Characters in a deck name. */
  deckNameChars: 100,
  /** Share of undecodable UTF-8 sequences still accepted (a stray Windows-1252 quote). */
  badUtf8Share: 0.005,
  /** Share of control characters (other than tab, newline, form feed) still accepted. */
  controlShare: 0.01,
} as const;

export const MB = 1024 * 1024;

/** Interactive transactions default to 5 s; the first import of a whole deck needs more. */
export const WRITE_TX = { timeout: 60_000, maxWait: 15_000 } as const;
