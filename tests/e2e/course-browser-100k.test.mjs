/* global deep, deepAll */
// The course supermarket over a server seeded with 100,000 courses: the browser's DOM keeps
// about a screenful of rows however far the user scrolls, while cursor pages load behind it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openPage, startStack, waitFor } from './harness.mjs';

let stack;
before(async () => {
  stack = await startStack({ seed: { courses: 100_000 } });
});
after(async () => {
  await stack?.close();
});

test('100,000 courses: a screenful of rows in the DOM while pages load by cursor', async () => {
  const view = await openPage(stack, 'course-platform.html');
  const { page } = view;
  try {
    const total = await waitFor(
      page,
      () => Number(deep('cb-course-browser', '[part~="row"]')?.getAttribute('aria-setsize')),
      undefined,
      { what: 'the first page of courses', timeout: 60_000 },
    );
    const catalog = await stack.call('/v1/catalog/courses?limit=1', {
      tenant: 'platform',
      role: 'learner',
      learner: 'plt-0001',
    });
    assert.equal(catalog.total, 100_000);
    assert.equal(total, 100_000);

    // scroll the virtualised list down, page after page
    let deepest = 0;
    for (let i = 0; i < 12 && deepest < 300; i++) {
      await page.evaluate(() => {
        const list = deep('cb-course-browser', '[part~="list"]');
        list.scrollTop = list.scrollHeight;
      });
      deepest = await waitFor(
        page,
        (before) => {
          const rows = deepAll('cb-course-browser', '[part~="row"]');
          const max = Math.max(...rows.map((r) => Number(r.getAttribute('aria-posinset'))));
          return max > before ? max : null;
        },
        deepest,
        { what: 'rows further down', timeout: 30_000 },
      );
    }
    assert.ok(deepest >= 300, `scrolled to row ${deepest}`);
    const rendered = await page.evaluate(
      () => deepAll('cb-course-browser', '[part~="row"]').length,
    );
    assert.ok(rendered < 60, `${rendered} rows in the DOM`);
    view.assertClean();
  } finally {
    await view.close();
  }
});
