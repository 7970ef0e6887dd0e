import { describe, expect, it } from 'vitest';
import { InFlight, type FlightState } from '../src/inflight.js';

class Aborted extends Error {}
const aborted = (reason: unknown) => new Aborted(String(reason));

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('in-flight sharing', () => {
  it('runs identical concurrent work once', async () => {
    const flights = new InFlight();
    let starts = 0;
    const gate = deferred<string>();
    const start = () => {
      starts += 1;
      return gate.promise;
    };
    const a = flights.run('k', start, undefined, aborted);
    const b = flights.run('k', start, undefined, aborted);
    const other = flights.run('other', () => Promise.resolve('o'), undefined, aborted);
    expect(flights.size).toBe(2);
    gate.resolve('v');
    expect(await Promise.all([a, b, other])).toEqual(['v', 'v', 'o']);
    expect(starts).toBe(1);
    expect(flights.size).toBe(0);
    await flights.run('k', start, undefined, aborted);
    expect(starts).toBe(2);
  });

  it('lets one waiter abort without cancelling the others', async () => {
    const flights = new InFlight();
    const gate = deferred<string>();
    let shared: AbortSignal | undefined;
    const start = (signal: AbortSignal) => {
      shared = signal;
      return gate.promise;
    };
    const mine = new AbortController();
    const a = flights.run('k', start, mine.signal, aborted);
    const b = flights.run('k', start, undefined, aborted);
    mine.abort('left');
    await expect(a).rejects.toBeInstanceOf(Aborted);
    expect(shared?.aborted).toBe(false);
    gate.resolve('v');
    await expect(b).resolves.toBe('v');
  });

  it('cancels the shared work when the last waiter aborts', async () => {
    const flights = new InFlight();
    let shared: AbortSignal | undefined;
    const start = (signal: AbortSignal) => {
      shared = signal;
      return new Promise<string>((_, reject) =>
        signal.addEventListener('abort', () => reject(new Error('cancelled'))),
      );
    };
    const one = new AbortController();
    const two = new AbortController();
    const a = flights.run('k', start, one.signal, aborted);
    const b = flights.run('k', start, two.signal, aborted);
    await Promise.resolve();
    one.abort();
    expect(shared?.aborted).toBe(false);
    two.abort('bye');
    await expect(a).rejects.toBeInstanceOf(Aborted);
    await expect(b).rejects.toThrow('bye');
    expect(shared?.aborted).toBe(true);
    expect(shared?.reason).toBe('bye');
    expect(flights.size).toBe(0);
  });

  it('rejects at once for a signal that already fired', async () => {
    const flights = new InFlight();
    let starts = 0;
    await expect(
      flights.run(
        'k',
        async () => {
          starts += 1;
          return 1;
        },
        AbortSignal.abort('early'),
        aborted,
      ),
    ).rejects.toThrow('early');
    expect(starts).toBe(0);
  });

  it('shares failures and forgets the flight afterwards', async () => {
    const flights = new InFlight();
    const start = () => Promise.reject(new Error('boom'));
    const a = flights.run('k', start, undefined, aborted);
    const b = flights.run('k', start, undefined, aborted);
    await expect(a).rejects.toThrow('boom');
    await expect(b).rejects.toThrow('boom');
    expect(flights.size).toBe(0);
  });

  it('marks forgotten flights stale and starts a new one for later callers', async () => {
    const flights = new InFlight();
    const gate = deferred<string>();
    let state: FlightState | undefined;
    const first = flights.run(
      '/v1/learners/a/balance',
      (_signal, s) => {
        state = s;
        return gate.promise;
      },
      undefined,
      aborted,
    );
    await Promise.resolve();
    flights.forget((key) => key.startsWith('/v1/learners/a'));
    expect(state?.stale).toBe(true);
    const second = flights.run('/v1/learners/a/balance', async () => 'fresh', undefined, aborted);
    gate.resolve('old');
    expect(await first).toBe('old');
    expect(await second).toBe('fresh');
  });
});
