// Room-wide sends. The host channel and the first players' slice (at most
// PLAYER_SLICE_SIZE players) go out in one paced send, every further slice in its own, so a
// broadcast to a large room never blocks the event loop for long and many rooms
// broadcasting at once take turns (see send-pacer.ts). In 'host-only' display the question
// events carry the full text to the host channel and answer buttons only to the players.
// Either way each payload is built once, and serialised once per emit, never once per
// player. Callers (the room's serial task) await the whole broadcast, so ordering holds.
import type { DisplayMode } from '../../shared/game-types.js';
import type { ServerEvent, ServerPayload } from '../../shared/protocol.js';
import { devicePrompt, deviceQuestion } from '../game/payloads.js';
import type { BroadcastEffect } from '../game/types.js';
import type { SendPacer } from './send-pacer.js';
import type { RoomChannels } from './transport.js';

export async function broadcast(channels: RoomChannels, pacer: SendPacer, display: DisplayMode, slices: number, effect: BroadcastEffect): Promise<void> {
  // The effect's event and payload match by construction; the union cannot be narrowed here.
  const event = effect.event as 'room:closed';
  const hostPayload = effect.payload as never;
  let playerPayload: never = hostPayload;
  if (display === 'host-only') {
    if (effect.event === 'question:show') {
      playerPayload = { ...effect.payload, question: devicePrompt(effect.payload.question) } as never;
    } else if (effect.event === 'question:open' || effect.event === 'question:talk') {
      playerPayload = { ...effect.payload, question: deviceQuestion(effect.payload.question) } as never;
    }
  }
  await pacer.run(() => {
    channels.emitHosts(event, hostPayload);
    if (slices > 0) channels.emitPlayerSlice(0, event, playerPayload);
  });
  for (let slice = 1; slice < slices; slice++) {
    await pacer.run(() => channels.emitPlayerSlice(slice, event, playerPayload));
  }
}
