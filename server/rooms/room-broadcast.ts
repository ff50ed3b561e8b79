// Room-wide sends. Normally one emit to players and host screens together; in 'host-only'
// display the question events are emitted twice, the full text to the host channel and
// answer buttons only to the players' channel. Either way each payload is built and
// serialised once per channel, never once per player.
import type { DisplayMode } from '../../shared/game-types.js';
import { devicePrompt, deviceQuestion } from '../game/payloads.js';
import type { BroadcastEffect } from '../game/types.js';
import type { RoomChannels } from './transport.js';

export function broadcast(channels: RoomChannels, display: DisplayMode, effect: BroadcastEffect): void {
  if (display === 'host-only') {
    if (effect.event === 'question:show') {
      channels.emit(['hosts'], effect.event, effect.payload);
      channels.emit(['players'], effect.event, { ...effect.payload, question: devicePrompt(effect.payload.question) });
      return;
    }
    if (effect.event === 'question:open') {
      channels.emit(['hosts'], effect.event, effect.payload);
      channels.emit(['players'], effect.event, { ...effect.payload, question: deviceQuestion(effect.payload.question) });
      return;
    }
  }
  // The effect's event and payload match by construction; the union cannot be narrowed here.
  channels.emit(['players', 'hosts'], effect.event as 'room:closed', effect.payload as never);
}
