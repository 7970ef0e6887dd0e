/**
 * In-flight request sharing: concurrent identical reads share one fetch. Each caller waits
 * with its own `AbortSignal`; aborting stops that caller's wait only, and the shared fetch is
 * cancelled when the last waiter has gone.
 */

/** What the shared work sees of its entry. */
export interface FlightState {
  /** true once the entry was forgotten (invalidated) while in flight: do not cache its result */
  readonly stale: boolean;
}

interface Flight {
  promise: Promise<unknown>;
  readonly controller: AbortController;
  waiters: number;
  stale: boolean;
}

export class InFlight {
  readonly #flights = new Map<string, Flight>();

  /** Number of shared requests now in flight. */
  get size(): number {
    return this.#flights.size;
  }

  /**
   * Joins the flight under `key`, or starts it with `start`. `aborted` builds the error a
   * caller whose `signal` fires is rejected with.
   */
  run<T>(
    key: string,
    start: (signal: AbortSignal, state: FlightState) => Promise<T>,
    signal: AbortSignal | undefined,
    aborted: (reason: unknown) => Error,
  ): Promise<T> {
    if (signal?.aborted) return Promise.reject(aborted(signal.reason));
    let flight = this.#flights.get(key);
    if (!flight) {
      const created: Flight = {
        promise: Promise.resolve(),
        controller: new AbortController(),
        waiters: 0,
        stale: false,
      };
      created.promise = Promise.resolve().then(() => start(created.controller.signal, created));
      const done = () => {
        if (this.#flights.get(key) === created) this.#flights.delete(key);
      };
      created.promise.then(done, done);
      this.#flights.set(key, created);
      flight = created;
    }
    const joined = flight;
    joined.waiters += 1;
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const leave = () => {
        settled = true;
        joined.waiters -= 1;
        signal?.removeEventListener('abort', onAbort);
      };
      const onAbort = () => {
        if (settled) return;
        leave();
        if (joined.waiters === 0) {
          if (this.#flights.get(key) === joined) this.#flights.delete(key);
          joined.controller.abort(signal?.reason);
        }
        reject(aborted(signal?.reason));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      joined.promise.then(
        (value) => {
          if (settled) return;
          leave();
          resolve(value as T);
        },
        (error: unknown) => {
          if (settled) return;
          leave();
          reject(error);
        },
      );
    });
  }

  /**
   * Forgets the flights whose key matches: later callers start a fresh request, and the
   * forgotten flights' results are marked stale. Their current waiters still get them.
   */
  forget(matches: (key: string) => boolean): void {
    for (const [key, flight] of this.#flights) {
      if (matches(key)) {
        flight.stale = true;
        this.#flights.delete(key);
      }
    }
  }
}
