// Sliced broadcasts: players are in Socket.IO rooms of at most PLAYER_SLICE_SIZE by seat,
// a room-wide broadcast reaches the hosts and the first slice, then one slice per turn of
// the send pacer, with the same payload object, and a link leaves exactly the rooms it
// joined.
import { describe, expect, it } from 'vitest';
import { broadcast } from '../server/rooms/room-broadcast.js';
import { SendPacer } from '../server/rooms/send-pacer.js';
import { PLAYER_SLICE_SIZE, sliceCount, sliceOfSeat, type RoomChannels } from '../server/rooms/transport.js';
import { channelName, socketLink, type IoSocket } from '../server/realtime/socket-link.js';

describe('sliced player channels', () => {
  it('maps seats to slices of at most PLAYER_SLICE_SIZE', () => {
    expect(PLAYER_SLICE_SIZE).toBe(250);
    expect([0, 249, 250, 1999].map(sliceOfSeat)).toEqual([0, 0, 1, 7]);
    expect([0, 1, 250, 251, 2000].map(sliceCount)).toEqual([0, 1, 1, 2, 8]);
    expect(channelName('g1', 'players', 3)).toBe('g1#p3');
    expect(channelName('g1', 'hosts')).toBe('g1#h');
  });

  it('emits to the hosts and the first slice, then one slice per turn, with one payload object', async () => {
    const log: string[] = [];
    const payloads: unknown[] = [];
    const channels: RoomChannels = {
      emitHosts(event, payload) {
        log.push(`hosts ${event}`);
        payloads.push(payload);
        setImmediate(() => log.push('tick'));
      },
      emitPlayerSlice(slice, event, payload) {
        log.push(`p${slice} ${event}`);
        payloads.push(payload);
        setImmediate(() => log.push('tick'));
      },
    };
    // A spent budget: every send waits for its own turn of the event loop.
    const pacer = new SendPacer({ budgetMs: 0 });
    const payload = { reason: 'finished' as const, gameId: 'g1' };
    await broadcast(channels, pacer, 'devices', sliceCount(600), { type: 'broadcast', event: 'room:closed', payload });
    expect(log).toEqual(['hosts room:closed', 'p0 room:closed', 'tick', 'tick', 'p1 room:closed', 'tick', 'p2 room:closed']);
    expect(payloads).toHaveLength(4);
    for (const p of payloads) expect(p).toBe(payload);
  });

  it('leaves exactly the rooms a link joined', () => {
    const rooms = new Set<string>();
    const socket = {
      id: 's1',
      data: {},
      join: (name: string) => void rooms.add(name),
      leave: (name: string) => void rooms.delete(name),
      disconnect: () => undefined,
    } as unknown as IoSocket;
    rooms.add('other#p0');
    const link = socketLink(socket, 'g1');
    link.join('players', 2);
    expect([...rooms].sort()).toEqual(['g1#p2', 'other#p0']);
    link.leave(false);
    expect([...rooms]).toEqual(['other#p0']);
  });
});
