/** Shared by the browser tests: the server the run started, tokens, faults and waiting. */
import type { FaultRule } from '@creditbank/core/api';

export interface TestGlobals {
  baseUrl: string;
  today: string;
  tokens: {
    training: { staff: string; admin: string };
    enterprise: { staff: string };
    learners: Record<string, string>;
  };
  fixtures: { id: string; tenant: string; displayName: string }[];
}

export const env = (window as unknown as { CB_TEST: TestGlobals }).CB_TEST;

async function call<T>(method: string, path: string, token: string, body?: unknown): Promise<T> {
  const response = await fetch(`${env.baseUrl}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Straight API calls for arranging and checking (never used by the widgets). */
export const api = {
  get: <T>(path: string, token = env.tokens.training.admin) => call<T>('GET', path, token),
  post: <T>(path: string, body: unknown, token = env.tokens.training.admin) =>
    call<T>('POST', path, token, body),
};

/** Adds a fault rule on the server (delay, error status) for the next requests. */
export async function fault(rule: FaultRule): Promise<void> {
  await call('PUT', '/v1/dev/faults', env.tokens.training.admin, rule);
}

export async function clearFaults(): Promise<void> {
  await call('DELETE', '/v1/dev/faults', env.tokens.training.admin);
}

/** Opens a fresh account with nothing in it (for empty states). */
export async function openEmptyAccount(name = '测试学员'): Promise<{ id: string; token: string }> {
  const account = await api.post<{ id: string }>('/v1/learners', { displayName: name });
  const { token } = await call<{ token: string }>('POST', '/v1/dev/token', '', {
    tenant: 'training',
    role: 'learner',
    learner: account.id,
  });
  return { id: account.id, token };
}

/** Waits until `predicate` holds (polling), or fails after `timeout` ms with `what`. */
export async function until(
  predicate: () => boolean,
  what: string,
  timeout = 10000,
): Promise<void> {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The shadow root of a widget. */
export function shadow(el: Element): ShadowRoot {
  const root = el.shadowRoot;
  if (!root) throw new Error(`<${el.localName}> has no shadow root`);
  return root;
}

/** The visible text of a widget's shadow tree, whitespace collapsed. */
export function text(el: Element): string {
  return (shadow(el).textContent ?? '').replace(/\s+/g, ' ').trim();
}
