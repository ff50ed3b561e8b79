// `npm run notes -- <command>`: the notes bank from a terminal. This file only reads the command
// line; the commands (server/bank/cli-commands.ts) load after the flags are known to be good, so a
// typo is reported at once instead of after the database stack has started. Data goes to stdout,
// messages to stderr; expected failures print one line and exit with code 1.
import { parseArgs } from 'node:util';
import { QUESTION_KINDS, type QuestionKind } from '../../shared/game-types.js';
import { CliError, type CliCommand, type CommandOptions } from '../bank/cli-types.js';

const USAGE = `Usage:
  npm run notes -- import <file>... --deck "<name>"
  npm run notes -- export --deck "<name>" [--format jsonl]
  npm run notes -- questions --deck "<name>" [--topics "<a>,<b>"] [--count <n>] [--seed <s>] [--kinds <k1,k2>] [--format jsonl]
  npm run notes -- quality --deck "<name>" [--topics "<a>,<b>"] [--count <n>] [--seed <s>] [--kinds <k1,k2>]
  npm run notes -- review-sheet --deck "<name>" [--count 50] [--seed <s>] [--kinds <k1,k2>] > sheet.md

A review sheet lists the questions a game would ask, each with the notes it was made from, for
a blind review by someone who has not seen how they were made.

Topics are names or paths ("Data Engineering > S3"), comma-separated.
Question kinds: ${QUESTION_KINDS.join(', ')}.
Database: DATABASE_URL, or the embedded one in DATA_DIR (default ./data).
Tip: "npm run -s notes -- export ..." keeps npm's own banner out of the output.`;

const OPTIONS = {
  deck: { type: 'string' },
  format: { type: 'string' },
  topics: { type: 'string' },
  count: { type: 'string' },
  seed: { type: 'string' },
  kinds: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Flag = keyof typeof OPTIONS;

const ALLOWED: Record<CliCommand, Flag[]> = {
  import: ['deck'],
  export: ['deck', 'format'],
  questions: ['deck', 'format', 'topics', 'count', 'seed', 'kinds'],
  quality: ['deck', 'topics', 'count', 'seed', 'kinds'],
  'review-sheet': ['deck', 'topics', 'count', 'seed', 'kinds'],
};

function intFlag(value: string | undefined, name: string, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > max) throw new CliError(`--${name} must be a whole number from 1 to ${max} (got "${value}").`);
  return n;
}

function kindsFlag(value: string | undefined): QuestionKind[] | undefined {
  if (!value) return undefined;
  const list = value.split(',').map((k) => k.trim()).filter(Boolean);
  const bad = list.filter((k) => !(QUESTION_KINDS as readonly string[]).includes(k));
  if (bad.length) throw new CliError(`Unknown question kind ${bad.join(', ')}; use ${QUESTION_KINDS.join(', ')}.`);
  return list as QuestionKind[];
}

function parse(argv: string[]): { command: CliCommand; opts: CommandOptions } | 'help' {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  const [command = '', ...files] = parsed.positionals;
  const flags = parsed.values as Partial<Record<Flag, string>>;
  if (!command || parsed.values.help || command === 'help') return 'help';
  if (!(command in ALLOWED)) throw new CliError(`Unknown command "${command}".`);
  const cmd = command as CliCommand;
  for (const name of Object.keys(flags)) if (!ALLOWED[cmd].includes(name as Flag)) throw new CliError(`--${name} does not apply to "${cmd}".`);
  if (cmd !== 'import' && files.length) throw new CliError(`"${cmd}" takes no file arguments (got ${files.join(' ')}).`);
  if (cmd === 'import' && !files.length) throw new CliError('Name at least one file to import.');
  if (!flags.deck?.trim()) throw new CliError('--deck "<name>" is required.');
  if (flags.format !== undefined && flags.format !== 'jsonl') throw new CliError(`--format ${flags.format} is not supported; use jsonl.`);
  const opts: CommandOptions = {
    deck: flags.deck,
    files,
    topics: (flags.topics ?? '').split(',').map((t) => t.trim()).filter(Boolean),
    count: intFlag(flags.count, 'count', 5000),
    seed: flags.seed,
    kinds: kindsFlag(flags.kinds),
  };
  return { command: cmd, opts };
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parse(argv);
  } catch (error) {
    process.stderr.write(`Error: ${(error as Error).message}\n\n${USAGE}\n`);
    return 1;
  }
  if (parsed === 'help') {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  try {
    const { runCli } = await import('../bank/cli-commands.js');
    await runCli(parsed.command, parsed.opts);
    return 0;
  } catch (error) {
    process.stderr.write(error instanceof CliError ? `Error: ${error.message}\n` : `Error: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}

// No process.exit on success: it could cut off stdout still draining into a pipe.
process.exitCode = await main(process.argv.slice(2));
