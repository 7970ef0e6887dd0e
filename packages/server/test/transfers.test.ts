/** Transfers on embedded PGlite (in memory): preview, apply, idempotency, the race, revocation. */
import { afterAll, beforeAll, describe } from 'vitest';
import { startTestServer, type TestServer } from './helpers.js';
import { transferSuite } from './suites/transfers.js';

describe('transfers on PGlite', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  transferSuite(() => server, 'pglite');
});
