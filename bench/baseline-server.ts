// The floor to compare against: a bare Socket.IO server with the same options as createApp
// (perMessageDeflate off, same maxHttpBufferSize, no served client) and no game logic. Every
// connection joins one room; run.ts asks it over IPC to broadcast the very payload our server
// sent for each question, and the load workers time arrival exactly as in the real game.
import http from 'node:http';
import { Server } from 'socket.io';
import { nowMs, sleep } from './clock.js';
import { serve } from './ipc.js';
import { Probes } from './probes.js';

export const BASELINE_ROOM = 'baseline';

const probes = new Probes();
const server = http.createServer();
const io = new Server(server, { perMessageDeflate: false, maxHttpBufferSize: 16 * 1024, serveClient: false });
// Also spread over SLICE_ROOMS sub-rooms, for the sliced-broadcast experiment (--sliced).
const SLICE_ROOMS = 4;
let joined = 0;
io.on('connection', (socket) => {
  socket.join([BASELINE_ROOM, `${BASELINE_ROOM}#${joined++ % SLICE_ROOMS}`]);
});
probes.hookBroadcasts(io);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = (server.address() as { port: number }).port;

serve(
  probes.handlers({
    info: () => ({ port, pid: process.pid, connected: io.of('/').sockets.size }),
    /** One broadcast of `payload` as `event` to every connection; returns the emit time. */
    broadcast: (args: { event: string; payload: unknown }) => {
      const t = nowMs();
      io.to(BASELINE_ROOM).emit(args.event as never, args.payload as never);
      return { t, recipients: io.of('/').adapter.rooms.get(BASELINE_ROOM)?.size ?? 0 };
    },
    /** The same broadcast as SLICE_ROOMS emits of a quarter of the room each, one per
     *  macrotask: the payload is still serialised once per emit (4 times, not per socket),
     *  and the event loop gets a turn between the slices. Returns the first emit's time. */
    broadcastSliced: async (args: { event: string; payload: unknown }) => {
      const t = nowMs();
      for (let k = 0; k < SLICE_ROOMS; k++) {
        if (k > 0) await new Promise((resolve) => setImmediate(resolve));
        io.to(`${BASELINE_ROOM}#${k}`).emit(args.event as never, args.payload as never);
      }
      return { t };
    },
    /** A reveal as the room does it: one room broadcast, then one small message per socket
     *  (player:result). `yieldEvery` 0: all in the same tick, as now; otherwise the loop gets
     *  a turn before the first per-socket message and after every `yieldEvery` of them. */
    revealLike: async (args: { payload: unknown; perSocket: unknown; yieldEvery: number; sliced: boolean }) => {
      const t = nowMs();
      if (!args.sliced) io.to(BASELINE_ROOM).emit('question:reveal' as never, args.payload as never);
      else {
        for (let k = 0; k < SLICE_ROOMS; k++) {
          if (k > 0) await new Promise((resolve) => setImmediate(resolve));
          io.to(`${BASELINE_ROOM}#${k}`).emit('question:reveal' as never, args.payload as never);
        }
      }
      let n = 0;
      for (const socket of io.of('/').sockets.values()) {
        if (args.yieldEvery > 0 && n % args.yieldEvery === 0) await new Promise((resolve) => setImmediate(resolve));
        socket.emit('player:result' as never, args.perSocket as never);
        n++;
      }
      return { t, sent: n };
    },
    stop: async () => {
      io.close();
      await sleep(10);
      setTimeout(() => process.exit(0), 50);
      return null;
    },
  }),
);
process.send?.({ event: 'ready', data: { port, pid: process.pid } });
