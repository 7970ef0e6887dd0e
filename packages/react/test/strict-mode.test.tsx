import { expect } from '@open-wc/testing';
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import {
  CertificateVerify,
  CreditBalance,
  CreditBankProvider,
  LearningRecord,
  TransferCalculator,
} from '../dist/index.js';

interface TestGlobals {
  baseUrl: string;
  tokens: { training: { admin: string }; learners: Record<string, string> };
}
const env = (window as unknown as { CB_TEST: TestGlobals }).CB_TEST;
const LEARNER = 'trn-0001';

// Instruments the page: requests still open, and listeners on window and document.
let open = 0;
let started = 0;
const pending = new Set<string>();
const fetchOriginal = window.fetch.bind(window);
window.fetch = (...args: Parameters<typeof fetch>) => {
  open++;
  started++;
  const input = args[0];
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const seen = `${started} ${url}`;
  pending.add(seen);
  return fetchOriginal(...args).finally(() => {
    open--;
    pending.delete(seen);
  });
};
const listeners = new Map<string, number>();
for (const target of [window, document] as EventTarget[]) {
  const name = target === window ? 'window' : 'document';
  const add = target.addEventListener.bind(target);
  const remove = target.removeEventListener.bind(target);
  target.addEventListener = (type: string, ...rest: unknown[]) => {
    listeners.set(`${name}:${type}`, (listeners.get(`${name}:${type}`) ?? 0) + 1);
    return (add as (...a: unknown[]) => void)(type, ...rest);
  };
  target.removeEventListener = (type: string, ...rest: unknown[]) => {
    listeners.set(`${name}:${type}`, (listeners.get(`${name}:${type}`) ?? 0) - 1);
    return (remove as (...a: unknown[]) => void)(type, ...rest);
  };
}
/** The server's latency switch (called around the instrumented fetch, so never counted). */
async function faults(method: 'PUT' | 'DELETE', rule?: object): Promise<void> {
  const response = await fetchOriginal(`${env.baseUrl}/v1/dev/faults`, {
    method,
    headers: {
      authorization: `Bearer ${env.tokens.training.admin}`,
      ...(rule ? { 'content-type': 'application/json' } : {}),
    },
    body: rule ? JSON.stringify(rule) : undefined,
  });
  if (!response.ok) throw new Error(`${method} /v1/dev/faults: ${response.status}`);
}

const snapshot = () => Object.fromEntries([...listeners].filter(([, n]) => n !== 0));

async function until(predicate: () => boolean, what: string, timeout = 15000): Promise<void> {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const shadowText = (selector: string) =>
  (document.querySelector(selector)?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');

function App() {
  return (
    <StrictMode>
      <CreditBankProvider baseUrl={env.baseUrl} token={env.tokens.learners[LEARNER]} canWrite>
        <CreditBalance learner={LEARNER} />
        <LearningRecord learner={LEARNER} />
        <TransferCalculator learner={LEARNER} program="ouc-cnt-assoc" />
      </CreditBankProvider>
    </StrictMode>
  );
}

describe('@creditbank/react under React 19 StrictMode', () => {
  let container: HTMLElement;
  let root: Root | null = null;

  before(() => {
    // React DOM adds one listener to the document the first time a root renders (and keeps
    // it for the page's life): let it do so before the baselines are taken.
    const warm = createRoot(document.createElement('div'));
    warm.render(<div />);
    warm.unmount();
  });

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });
  /** Unmounts the root `mountAndSettle` made, if any. */
  function unmount() {
    root?.unmount();
    root = null;
  }

  afterEach(() => {
    unmount();
    container.remove();
  });

  async function mountAndSettle() {
    root = createRoot(container);
    root.render(<App />);
    await until(() => shadowText('cb-credit-balance').includes('学分银行账户'), 'the balance');
    await until(() => shadowText('cb-learning-record').includes('WEB-2025-000001'), 'the record');
    await until(() => shadowText('cb-transfer-calculator').includes('R-CNT-SUB-WEB-I'), 'the plan');
  }

  it('mount, unmount, mount again: no request or listener is left over', async () => {
    const before = snapshot();
    await mountAndSettle();
    expect(document.querySelectorAll('cb-credit-balance')).to.have.length(1);
    unmount();
    await until(() => open === 0, 'open requests to finish');
    expect(snapshot()).to.deep.equal(before);
    expect(container.children).to.have.length(0);

    await mountAndSettle();
    unmount();
    await until(() => open === 0, 'open requests to finish');
    expect(open).to.equal(0);
    expect(snapshot()).to.deep.equal(before);
  });

  it('unmounting while requests are in flight leaves none open', async () => {
    // every learner request is held 4 s by the server: they are surely in flight at the
    // unmount, and only aborting them can close them all well within that
    await faults('PUT', { route: 'GET /v1/learners/**', delayMs: 4000 });
    try {
      const before = snapshot();
      const startedBefore = started;
      root = createRoot(container);
      root.render(<App />);
      await until(() => started > startedBefore && open > 0, 'requests to start');
      root.unmount();
      root = null;
      await until(() => open === 0, 'the open requests to be aborted', 1500).catch((e: Error) => {
        throw new Error(`${e.message}: ${[...pending].join(', ')}`);
      });
      expect(snapshot()).to.deep.equal(before);
    } finally {
      await faults('DELETE');
    }
  });

  it('typed event callbacks reach React props (onCbCertificateVerified)', async () => {
    const seen: string[] = [];
    root = createRoot(container);
    root.render(
      <StrictMode>
        <CertificateVerify
          baseUrl={env.baseUrl}
          number="WEB-2025-000001"
          onCbCertificateVerified={(event) => seen.push(event.detail.result?.status ?? 'none')}
        />
      </StrictMode>,
    );
    await until(() => seen.length > 0, 'cb-certificate-verified');
    expect(seen[0]).to.equal('valid');
  });
});
