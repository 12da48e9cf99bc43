// Fair admission: requests run one per event-loop turn, in arrival order.
//
// Why: Node 20 (libuv 1.46) accepts one new connection per loop iteration, and a request whose
// store calls never wait runs to its end inside the iteration that read it. With a few hundred
// requests ready at once an iteration lasted hundreds of milliseconds, so connections opened
// during a burst sat in the kernel's accept queue for many seconds: under `npm run bench:load`
// the staff inbox's connections, opened last, got answers after 14-28 s or none at all
// (measured with `ss -ltn`: 90 connections waiting, accepted 5-8 a second). One request per
// turn keeps every turn short (one request's work), so new connections are accepted and
// ready sockets read within a few milliseconds; the queue is FIFO, so no kind of request can
// overtake another. A bound on the queue turns overload into a quick "busy" answer instead of
// an ever-growing wait.

export class Admission {
  private readonly queue: Array<() => void> = [];
  private pumping = false;

  constructor(
    /** Requests allowed to wait; beyond this `turn()` answers null at once. */
    private readonly maxWaiting = 2000,
  ) {}

  get waiting(): number {
    return this.queue.length;
  }

  /**
   * Resolves when it is this request's turn: the next loop iteration after the previous
   * request's turn. Null when too many requests are already waiting.
   */
  turn(): Promise<void> | null {
    if (this.queue.length >= this.maxWaiting) return null;
    return new Promise((resolve) => {
      this.queue.push(resolve);
      if (!this.pumping) {
        this.pumping = true;
        setImmediate(this.pump);
      }
    });
  }

  /** Lets one request run (its synchronous part runs in this turn's microtasks), then yields. */
  private readonly pump = (): void => {
    const next = this.queue.shift();
    if (!next) {
      this.pumping = false;
      return;
    }
    next();
    setImmediate(this.pump);
  };
}
