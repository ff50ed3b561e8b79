import pino, { type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs; `silent` in tests keeps output readable. */
export function createLogger(level: string): Logger {
  return pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime });
}
