// zod schemas for the notes bank routes: every param, query and body is parsed here before any
// database work, and a failure becomes one 400 BAD_PAYLOAD naming the field.
import { z } from 'zod';
import { rowId } from '../../shared/curation-types.js';
import { QUESTION_KINDS, type QuestionKind } from '../../shared/game-types.js';
import { idSchema } from '../../shared/schemas.js';
import { HttpError } from '../http/errors.js';
import { BANK_LIMITS } from './limits.js';

// Row ids are letters, digits, '-' and '_': anything else (a NUL byte, a path) is a 400.
const id = idSchema;

export const deckParams = z.object({ deckId: id });
export const fileParams = z.object({ deckId: id, fileId: id });

// Curation routes (curation-routes.ts): ids in the path are checked for shape as well, so a
// malformed one is a 400 that names it rather than a lookup.
export const factParams = z.object({ deckId: id, factId: rowId });
export const curationRowParams = z.object({ deckId: id, id: rowId });
export const gameQuestionParams = z.object({
  gameId: rowId,
  index: z
    .string()
    .regex(/^\d{1,3}$/, 'expected a question number from 0')
    .transform(Number),
});

export const createDeckBody = z.object({ name: z.string().min(1).max(BANK_LIMITS.deckNameChars * 2) });

// JSON imports: {name,text} or {files:[{name,text}]}. Sizes are checked by the sniffer, which
// knows the byte limits; here only the shape.
const jsonFile = z.object({ name: z.string().min(1).max(1000), text: z.string() });
export const jsonImportBody = z.union([jsonFile, z.object({ files: z.array(jsonFile).min(1).max(BANK_LIMITS.files) })]);

export const contextQuery = z.object({
  line: z.coerce.number().int().min(1),
  radius: z.coerce.number().int().min(0).max(50).default(3),
});

export const factsQuery = z.object({
  topicId: id.optional(),
  fileId: id.optional(),
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

const topicPaths = z.array(z.array(z.string().min(1).max(300)).min(1).max(20)).max(100);

export const previewQuery = z.object({
  topics: z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (!s) return undefined;
      try {
        return topicPaths.parse(JSON.parse(s));
      } catch {
        ctx.addIssue({ code: 'custom', message: 'topics must be a JSON array of topic paths, e.g. [["Data Engineering","S3"]]' });
        return z.NEVER;
      }
    }),
  count: z.coerce.number().int().min(1).max(50).default(5),
  seed: z.string().min(1).max(100).optional(),
  kinds: z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (!s) return undefined;
      const list = s.split(',').map((k) => k.trim()).filter(Boolean);
      const bad = list.filter((k) => !(QUESTION_KINDS as readonly string[]).includes(k));
      if (bad.length) {
        ctx.addIssue({ code: 'custom', message: `unknown question kind ${bad.join(', ')}; use ${QUESTION_KINDS.join(', ')}` });
        return z.NEVER;
      }
      return list as QuestionKind[];
    }),
});

/** Parses or throws 400 BAD_PAYLOAD with the first problem, e.g. "line: expected number". */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  throw new HttpError(400, 'BAD_PAYLOAD', `Bad ${what}: ${where}${issue.message}`);
}
