// The send pacer shared by all live rooms: sends run at once while the loop is quiet, queue
// up in order once a turn's budget is spent, and let timers fire between turns.
import { describe, expect, it } from 'vitest';
import { SendPacer } from '../server/rooms/send-pacer.js';

/** A clock that only moves when a send says it took time. */
function fakeClock() {
  let t = 0;
  return { now: () => t, spend: (ms: number) => void (t += ms) };
}

const nextTurn = () => new Promise<void>((r) => setImmediate(r));

describe('SendPacer', () => {
  it('sends at once while the budget lasts, then queues in arrival order', async () => {
    const clock = fakeClock();
    const pacer = new SendPacer({ budgetMs: 4, now: clock.now });
    const sent: string[] = [];
    const send = (name: string) => () => {
      sent.push(name);
      clock.spend(3);
    };
    const done = [pacer.run(send('a')), pacer.run(send('b')), pacer.run(send('c')), pacer.run(send('d')), pacer.run(send('e'))];
    // a (3 ms) and b (6 ms) ran inline; the budget is spent, so c, d, e wait.
    expect(sent).toEqual(['a', 'b']);
    expect(pacer.pending).toBe(3);
    await nextTurn();
    // This loop turn already sent 6 ms straight away: the queue waits for the next one, so
    // timers due meanwhile run first.
    expect(sent).toEqual(['a', 'b']);
    await nextTurn();
    // One turn: c, then d pushes it past 4 ms and the turn stops.
    expect(sent).toEqual(['a', 'b', 'c', 'd']);
    await Promise.all(done);
    expect(sent).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(pacer.pending).toBe(0);
  });

  it('gives a fresh budget after a turn, so a quiet room never waits', async () => {
    const clock = fakeClock();
    const pacer = new SendPacer({ budgetMs: 4, now: clock.now });
    await pacer.run(() => clock.spend(10));
    let ran = false;
    const later = pacer.run(() => (ran = true));
    expect(ran).toBe(false);
    await later;
    // The budget was reset by the turn that ran it; the loop went quiet again.
    await nextTurn();
    await nextTurn();
    let inline = false;
    void pacer.run(() => (inline = true));
    expect(inline).toBe(true);
  });

  it('rejects only the send that threw; the others still go out', async () => {
    const pacer = new SendPacer({ budgetMs: 0 });
    const sent: number[] = [];
    const results = await Promise.allSettled([
      pacer.run(() => sent.push(1)),
      pacer.run(() => {
        throw new Error('socket gone');
      }),
      pacer.run(() => sent.push(3)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason.message).toBe('socket gone');
    expect(sent).toEqual([1, 3]);
  });

  it('lets a due timer fire in the middle of a long burst of sends', async () => {
    const pacer = new SendPacer({ budgetMs: 4 });
    const busy = (ms: number) => {
      const end = performance.now() + ms;
      while (performance.now() < end) {
        /* a send that takes a while */
      }
    };
    const order: string[] = [];
    const timer = new Promise<void>((resolve) =>
      setTimeout(() => {
        order.push('timer');
        resolve();
      }, 5),
    );
    // 20 sends of 2 ms each: 40 ms of work, cut into turns of about 4 ms.
    const sends = Array.from({ length: 20 }, (_, i) =>
      pacer.run(() => {
        busy(2);
        order.push(`send ${i}`);
      }),
    );
    await Promise.all([...sends, timer]);
    expect(order).toHaveLength(21);
    expect(order.indexOf('timer')).toBeLessThan(order.indexOf('send 19'));
    // Sends stay in the order they were handed in.
    expect(order.filter((o) => o !== 'timer')).toEqual(Array.from({ length: 20 }, (_, i) => `send ${i}`));
  });
});
