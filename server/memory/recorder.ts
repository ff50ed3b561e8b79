// Records games' memory one at a time, off the live rooms' paths: a room hands over its game
// id once its end is stored, and start-up hands over whatever ended without being recorded
// (a stop between the end and the recording, games closed as interrupted).
import type { PrismaClient } from '../db/generated/client.js';
import type { Logger } from '../logger.js';
import { MemoryIndex } from './memory-index.js';
import { recordGameMemory } from './record.js';

export class MemoryRecorder {
  private tail: Promise<void> = Promise.resolve();
  /** The decks' memory as tonight's review reads it. */
  readonly index: MemoryIndex;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly logger: Logger,
  ) {
    this.index = new MemoryIndex(prisma);
  }

  /** Queues one game; resolves once it is recorded (or failed, logged: start-up retries it). */
  record(gameId: string): Promise<void> {
    this.tail = this.tail.then(async () => {
      try {
        const done = await recordGameMemory(this.prisma, gameId);
        if (done) {
          this.logger.info({ gameId, ...done }, 'game memory recorded');
          // The host's next game with this deck most likely asks for tonight's review.
          if (done.deckId && done.reviews > 0) await this.index.warm(done.deckId);
        }
      } catch (err) {
        this.logger.error({ err, gameId }, 'could not record the game in the members’ memory; start-up will retry');
      }
    });
    return this.tail;
  }

  /** Every ended game not recorded yet, oldest first. */
  async catchUp(): Promise<number> {
    const games = await this.prisma.game.findMany({
      where: { memoryAt: null, status: { in: ['finished', 'ended-by-host', 'interrupted'] } },
      select: { id: true },
      orderBy: { createdAt: 'asc' },
    });
    for (const g of games) await this.record(g.id);
    return games.length;
  }

  /** Resolves once everything queued so far is recorded (shutdown, tests). */
  idle(): Promise<void> {
    return this.tail;
  }
}
