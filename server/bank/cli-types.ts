// Shared by the CLI's argument parser (server/cli/notes.ts) and its commands (cli-commands.ts),
// kept apart so the parser can refuse bad flags without loading the database stack.
import type { QuestionKind } from '../../shared/game-types.js';

/** An expected CLI failure: printed as "Error: <message>", exit code 1, no stack trace. */
export class CliError extends Error {}

export type CliCommand = 'import' | 'export' | 'questions' | 'quality' | 'review-sheet';

export interface CommandOptions {
  deck: string;
  /** Files to import (import only). */
  files: string[];
  /** Topic names or paths ("Data Engineering > S3"). */
  topics: string[];
  count?: number;
  seed?: string;
  kinds?: QuestionKind[];
}
