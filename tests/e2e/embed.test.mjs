/* global deep -- defined in the pages by harness.mjs (DEEP) */
// End-to-end: the embed script on a page of the integrator's own (another origin than the
// demos), as the README's Quick start shows it, and a `provider` placeholder that wraps the
// page's content and further placeholders.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { startStack, waitFor, DEEP } from './harness.mjs';

let stack;
let own; // the integrator's page server
let ownUrl;
let page = '';

before(async () => {
  stack = await startStack();
  own = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page);
  });
  await new Promise((resolve) => own.listen(0, '127.0.0.1', resolve));
  ownUrl = `http://127.0.0.1:${own.address().port}/`;
});
after(async () => {
  await new Promise((resolve) => own.close(resolve));
  await stack?.close();
});

async function open(html) {
  page = html;
  const context = await stack.browser.newContext({ locale: 'zh-CN' });
  await context.addInitScript(DEEP);
  const tab = await context.newPage();
  const problems = [];
  tab.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  tab.on('pageerror', (e) => problems.push(e.message));
  await tab.goto(ownUrl);
  return { tab, problems, close: () => context.close() };
}

describe('the embed script on a page of another origin', () => {
  test('the Quick start works as written: the bundle loads and the API answers', async () => {
    const token = stack.token({ tenant: 'training', role: 'learner', learner: 'trn-0001' });
    const { tab, problems, close } = await open(`<!doctype html><html lang="zh-CN"><head>
      <script type="module" src="${stack.demos.url}/cdn/embed/creditbank-embed.js"></script>
      <meta name="creditbank:base-url" content="${stack.api.url}" />
      <meta name="creditbank:token" content="${token}" />
      </head><body><div data-cb-widget="credit-balance" data-learner="trn-0001"></div></body></html>`);
    try {
      const total = await waitFor(
        tab,
        () => deep('cb-credit-balance', '[part="total"] .value')?.textContent?.trim(),
        undefined,
        { what: 'the balance total' },
      );
      const balance = await stack.call('/v1/learners/trn-0001/balance', {
        tenant: 'training',
        role: 'staff',
      });
      assert.equal(Number(total), balance.credits.total);
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  test('a provider placeholder keeps the page content and the widgets inside it', async () => {
    const token = stack.token({ tenant: 'training', role: 'learner', learner: 'trn-0001' });
    const { tab, problems, close } = await open(`<!doctype html><html lang="en"><head>
      <script type="module" src="${stack.demos.url}/cdn/embed/creditbank-embed.js"></script>
      </head><body>
      <div data-cb-widget="provider" data-base-url="${stack.api.url}" data-token="${token}" data-locale="en">
        <p id="child">host content inside the provider</p>
        <div data-cb-widget="credit-balance" data-learner="trn-0001" data-variant="compact"></div>
      </div></body></html>`);
    try {
      await waitFor(
        tab,
        () =>
          deep('cb-provider cb-credit-balance', '[part="total"]')?.textContent?.includes('credits'),
        undefined,
        { what: 'the balance inside the provider, in its locale' },
      );
      const kept = await tab.evaluate(() => ({
        child: document.querySelector('cb-provider > #child')?.textContent,
        placeholders: document.querySelectorAll('[data-cb-widget]').length,
      }));
      assert.deepEqual(kept, { child: 'host content inside the provider', placeholders: 0 });
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  test('a provider added later reaches the widgets inside it, though theirs loaded first', async () => {
    const token = stack.token({ tenant: 'training', role: 'learner', learner: 'trn-0001' });
    const { tab, problems, close } = await open(`<!doctype html><html lang="en"><head>
      <script type="module" src="${stack.demos.url}/cdn/embed/creditbank-embed.js"></script>
      <meta name="creditbank:base-url" content="${stack.api.url}" />
      <meta name="creditbank:token" content="${token}" />
      </head><body>
      <div data-cb-widget="credit-balance" data-learner="trn-0001" data-variant="compact"></div>
      </body></html>`);
    try {
      // the balance's chunk is loaded and defined: a new balance upgrades at once, before the
      // provider around it is defined
      await waitFor(
        tab,
        () => deep('cb-credit-balance', '[part="total"]')?.textContent?.includes('学分'),
        undefined,
        { what: 'the first balance' },
      );
      await tab.evaluate(
        ({ url, token }) => {
          const wrap = document.createElement('div');
          wrap.innerHTML = `<div data-cb-widget="provider" data-base-url="${url}" data-token="${token}" data-locale="en">
            <div data-cb-widget="credit-balance" data-learner="trn-0001" data-variant="compact" id="inner"></div></div>`;
          document.body.append(wrap);
        },
        { url: stack.api.url, token },
      );
      await waitFor(
        tab,
        () => deep('cb-provider #inner', '[part="total"]')?.textContent?.includes('credits'),
        undefined,
        { what: 'the balance inside the later provider, in its locale' },
      );
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });
});
