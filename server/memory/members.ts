// Who a player is across quiz nights. A player's phone sends its device key with the join;
// the server keeps only its hash. When a game's answers are counted, each player with a key or
// a study name becomes a member: the member that device played as before, or the member whose
// study name they typed (that links a new device to them), or a new one.
import { studyNameKey } from '../../shared/schemas.js';
import type { Prisma } from '../db/generated/client.js';

type Tx = Prisma.TransactionClient;

export interface Identity {
  deviceKeyHash: string | null;
  studyName: string | null;
  nickname: string;
}

/** The member a player's answers count for; null when the phone sent nothing. */
export async function resolveMember(tx: Tx, who: Identity, at: Date): Promise<string | null> {
  if (!who.deviceKeyHash && !who.studyName) return null;
  const device = who.deviceKeyHash ? await tx.memberDevice.findUnique({ where: { keyHash: who.deviceKeyHash } }) : null;
  let memberId = device?.memberId ?? null;
  if (who.studyName) {
    const key = studyNameKey(who.studyName);
    const named = await tx.member.findUnique({ where: { studyNameKey: key }, select: { id: true } });
    if (named) memberId = named.id;
    else if (memberId && !(await tx.member.findUnique({ where: { id: memberId }, select: { studyNameKey: true } }))?.studyNameKey) {
      // The device's member had no study name yet: it takes this one.
      await tx.member.update({ where: { id: memberId }, data: { studyName: who.studyName, studyNameKey: key } });
    } else {
      memberId = (await tx.member.create({ data: { studyName: who.studyName, studyNameKey: key, createdAt: at, lastSeenAt: at } })).id;
    }
  }
  memberId ??= (await tx.member.create({ data: { createdAt: at, lastSeenAt: at } })).id;
  if (who.deviceKeyHash && device?.memberId !== memberId) {
    await tx.memberDevice.upsert({
      where: { keyHash: who.deviceKeyHash },
      create: { keyHash: who.deviceKeyHash, memberId, createdAt: at },
      update: { memberId },
    });
  }
  const member = await tx.member.findUniqueOrThrow({ where: { id: memberId }, select: { nicknames: true } });
  const nicknames = [...member.nicknames.filter((n) => n !== who.nickname), who.nickname].slice(-10);
  await tx.member.update({ where: { id: memberId }, data: { nicknames, lastSeenAt: at } });
  return memberId;
}

/** A member's name for lists: the study name, else the last nickname. */
export function memberName(m: { studyName: string | null; nicknames: string[] }): string {
  return m.studyName ?? m.nicknames.at(-1) ?? 'Member';
}
