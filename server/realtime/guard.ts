// The edge of every socket command: take the ack callback if there is one, spend the
// socket's (and for join steps the address's) rate-limit points, parse the payload with
// its zod schema, and only then run the handler. Commands of one socket run one after
// the other, and nothing a client sends can throw out of here.
import { fail, type Ack } from '../../shared/errors.js';
import type { ClientAckData, ClientEvent, ClientPayload } from '../../shared/protocol.js';
import { inboundSchemas, parseInbound } from '../../shared/schemas.js';
import type { Logger } from '../logger.js';
import type { RateLimits } from '../rooms/rate-limits.js';
import proxyAddr from 'proxy-addr';
import type { IoSocket } from './socket-link.js';

export type Reply<T> = (response: Ack<T>) => void;

export interface Connection {
  socket: IoSocket;
  /** Client address (behind a local reverse proxy: the forwarded one). */
  ip: string;
  /** Tail of this socket's command chain. */
  chain: Promise<void>;
}

export type Handler<E extends ClientEvent> = (
  payload: ClientPayload<E>,
  reply: Reply<ClientAckData<E>>,
  conn: Connection,
) => void | Promise<void>;

/** The steps of joining: each one tells whether a code exists, so each costs a join point. */
const JOIN_STEPS = new Set<string>(['room:check', 'room:join', 'nickname:suggest']);
/** Commands without fields may be sent with no payload at all. */
const EMPTY_PAYLOAD = new Set<string>(['game:start', 'game:next', 'game:skip', 'game:pause', 'game:resume', 'game:end']);

type Listener = (...args: unknown[]) => void;

export interface Guard {
  on<E extends ClientEvent>(conn: Connection, event: E, handler: Handler<E>): void;
  /** Answers events that are not in the protocol (with BAD_PAYLOAD, if they want an ack). */
  rejectUnknown(conn: Connection): void;
}

export function createGuard(limits: RateLimits, logger: Logger): Guard {
  function replyOnce<T>(ack: unknown, event: string): Reply<T> {
    let sent = false;
    return (response) => {
      if (sent || typeof ack !== 'function') return;
      sent = true;
      try {
        ack(response);
      } catch (err) {
        logger.warn({ err, event }, 'ack failed');
      }
    };
  }

  /** Splits Socket.IO's arguments: the ack, if any, is always the last one. */
  function split(args: unknown[]): { payload: unknown; ack: unknown; extra: boolean } {
    const ack = typeof args[args.length - 1] === 'function' ? args[args.length - 1] : undefined;
    const rest = ack ? args.slice(0, -1) : args;
    return { payload: rest[0], ack, extra: rest.length > 1 };
  }

  function enqueue(conn: Connection, work: () => Promise<void>): void {
    conn.chain = conn.chain.then(work).catch((err) => logger.error({ err, socket: conn.socket.id }, 'socket command failed'));
  }

  return {
    on(conn, event, handler) {
      const listener: Listener = (...args) => {
        const { payload, ack, extra } = split(args);
        const reply = replyOnce<ClientAckData<typeof event>>(ack, event);
        enqueue(conn, async () => {
          try {
            if (!(await limits.socket.take(conn.socket.id))) return reply(fail('RATE_LIMITED'));
            if (JOIN_STEPS.has(event) && !(await limits.join.take(conn.ip))) return reply(fail('RATE_LIMITED'));
            if (extra) return reply(fail('BAD_PAYLOAD', 'Send one payload object and an optional ack.'));
            const given = payload === undefined && EMPTY_PAYLOAD.has(event) ? {} : payload;
            const parsed = parseInbound(event, given);
            if (!parsed.ok) return reply(parsed);
            await handler(parsed.data, reply, conn);
          } catch (err) {
            logger.error({ err, event, socket: conn.socket.id }, 'socket handler failed');
            reply(fail('INTERNAL'));
          }
        });
      };
      (conn.socket.on as (e: string, l: Listener) => void)(event, listener);
    },

    rejectUnknown(conn) {
      conn.socket.onAny((event: unknown, ...args: unknown[]) => {
        if (typeof event === 'string' && Object.hasOwn(inboundSchemas, event)) return;
        const { ack } = split(args);
        const reply = replyOnce<never>(ack, String(event));
        enqueue(conn, async () => {
          if (!(await limits.socket.take(conn.socket.id))) return reply(fail('RATE_LIMITED'));
          reply(fail('BAD_PAYLOAD', 'Unknown event.'));
        });
      });
    },
  };
}

/** The client's address: the connection's own, or a forwarded one where Express's
 *  "trust proxy" setting (TRUST_PROXY) believes the proxy that added it. */
export function clientIp(socket: IoSocket, trust: (address: string, hop: number) => boolean): string {
  try {
    return proxyAddr(socket.request, trust).slice(0, 64) || 'unknown';
  } catch {
    return socket.handshake.address || 'unknown';
  }
}
