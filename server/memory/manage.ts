// The host's care of the member list: listing, merging two members who are one person (two
// phones before a study name linked them), and forgetting a member with all their data.
import type { MemberSummary } from '../../shared/memory-types.js';
import type { PrismaClient } from '../db/generated/client.js';
import { HttpError } from '../http/errors.js';
import { bumpMemoryVersion, decksOfMembers } from './memory-index.js';
import { memberName } from './members.js';
import { writeStates } from './record.js';
import { review, type MemoryState } from './scheduler.js';
import { Rating, type Grade } from 'ts-fsrs';

export async function listMembers(prisma: PrismaClient): Promise<MemberSummary[]> {
  const rows = await prisma.member.findMany({
    orderBy: { lastSeenAt: 'desc' },
    take: 1_000,
    select: {
      id: true,
      studyName: true,
      nicknames: true,
      lastSeenAt: true,
      _count: { select: { devices: true, memory: true, players: true } },
    },
  });
  return rows.map((m) => ({
    id: m.id,
    name: memberName(m),
    studyName: m.studyName,
    nicknames: m.nicknames,
    devices: m._count.devices,
    facts: m._count.memory,
    games: m._count.players,
    lastSeenAt: m.lastSeenAt.toISOString(),
  }));
}

/** `from` becomes part of `into`: devices, games and reviews move; the memory of every fact is
 *  replayed from both members' reviews in the order they happened. */
export async function mergeMembers(prisma: PrismaClient, fromId: string, intoId: string): Promise<void> {
  await prisma.$transaction(
    async (tx) => {
      // One after the other: a transaction is one connection, which runs one query at a time.
      const from = await tx.member.findUnique({ where: { id: fromId } });
      const into = await tx.member.findUnique({ where: { id: intoId } });
      if (!from || !into) throw new HttpError(404, 'NOT_FOUND', 'No such member.');
      await bumpMemoryVersion(tx, await decksOfMembers(tx, [fromId, intoId]));
      await tx.memberDevice.updateMany({ where: { memberId: fromId }, data: { memberId: intoId } });
      await tx.player.updateMany({ where: { memberId: fromId }, data: { memberId: intoId } });
      // Both played the same question (two phones, one person): the first review stands.
      await tx.$executeRawUnsafe(
        `DELETE FROM "ReviewLog" r USING "ReviewLog" o
         WHERE r."memberId" = $1 AND o."memberId" = $2 AND o."gameId" = r."gameId" AND o."questionIndex" = r."questionIndex"`,
        fromId,
        intoId,
      );
      await tx.reviewLog.updateMany({ where: { memberId: fromId }, data: { memberId: intoId } });
      await tx.factMemory.deleteMany({ where: { memberId: { in: [fromId, intoId] } } });
      const logs = await tx.reviewLog.findMany({ where: { memberId: intoId }, orderBy: [{ reviewedAt: 'asc' }, { questionIndex: 'asc' }] });
      const byDeck = new Map<string, Map<string, MemoryState & { misses: number }>>();
      for (const log of logs) {
        if (!byDeck.has(log.deckId)) byDeck.set(log.deckId, new Map());
        const states = byDeck.get(log.deckId)!;
        const key = `${intoId}|${log.factId}`;
        const before = states.get(key) ?? null;
        const after = review(before, log.rating as Grade, log.reviewedAt);
        states.set(key, { ...after, misses: (before?.misses ?? 0) + (log.rating === Rating.Again ? 1 : 0) });
      }
      for (const [deckId, states] of byDeck) await writeStates(tx, deckId, states);
      await tx.member.delete({ where: { id: fromId } });
      await tx.member.update({
        where: { id: intoId },
        data: {
          nicknames: [...new Set([...from.nicknames, ...into.nicknames])].slice(-10),
          lastSeenAt: from.lastSeenAt > into.lastSeenAt ? from.lastSeenAt : into.lastSeenAt,
          ...(into.studyNameKey ? {} : { studyName: from.studyName, studyNameKey: from.studyNameKey }),
        },
      });
    },
    { timeout: 60_000 },
  );
}

/** Deletes the member, their devices, memory and reviews; their games' players no longer say
 *  which device or study name they came with (the games' reports are unchanged). */
export async function forgetMember(prisma: PrismaClient, memberId: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const member = await tx.member.findUnique({ where: { id: memberId }, select: { id: true } });
    if (!member) throw new HttpError(404, 'NOT_FOUND', 'No such member.');
    await bumpMemoryVersion(tx, await decksOfMembers(tx, [memberId]));
    const devices = await tx.memberDevice.findMany({ where: { memberId }, select: { keyHash: true } });
    await tx.player.updateMany({
      where: { OR: [{ memberId }, { deviceKeyHash: { in: devices.map((d) => d.keyHash) } }] },
      data: { memberId: null, deviceKeyHash: null, studyName: null },
    });
    await tx.member.delete({ where: { id: memberId } });
  });
}
