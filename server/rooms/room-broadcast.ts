// Room-wide sends. The host channel gets one emit, then each players' slice (at most
// PLAYER_SLICE_SIZE players) gets one emit in its own macrotask, so that a broadcast to a
// large room never blocks the event loop for long. In 'host-only' display the question
// events carry the full text to the host channel and answer buttons only to the players.
// Either way each payload is built once, and serialised once per emit, never once per
// player. Callers (the room's serial task) await the whole broadcast, so ordering holds.
import type { DisplayMode } from '../../shared/game-types.js';
import type { ServerEvent, ServerPayload } from '../../shared/protocol.js';
import { devicePrompt, deviceQuestion } from '../game/payloads.js';
import type { BroadcastEffect } from '../game/types.js';
import type { RoomChannels } from './transport.js';

const nextMacrotask = (): Promise<void> => new Promise<void>((r) => setImmediate(r));

/** Emits to every players' slice in turn, yielding to the event loop between slices. */
export async function emitToPlayers<E extends ServerEvent>(channels: RoomChannels, slices: number, event: E, payload: ServerPayload<E>): Promise<void> {
  for (let slice = 0; slice < slices; slice++) {
    if (slice > 0) await nextMacrotask();
    channels.emitPlayerSlice(slice, event, payload);
  }
}

export async function broadcast(channels: RoomChannels, display: DisplayMode, slices: number, effect: BroadcastEffect): Promise<void> {
  // The effect's event and payload match by construction; the union cannot be narrowed here.
  const event = effect.event as 'room:closed';
  const hostPayload = effect.payload as never;
  let playerPayload: never = hostPayload;
  if (display === 'host-only') {
    if (effect.event === 'question:show') {
      playerPayload = { ...effect.payload, question: devicePrompt(effect.payload.question) } as never;
    } else if (effect.event === 'question:open') {
      playerPayload = { ...effect.payload, question: deviceQuestion(effect.payload.question) } as never;
    }
  }
  channels.emitHosts(event, hostPayload);
  if (slices > 0) await nextMacrotask();
  await emitToPlayers(channels, slices, event, playerPayload);
}
