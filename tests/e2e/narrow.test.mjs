/* global deep, deepAll -- defined in the pages by harness.mjs (DEEP) */
// End-to-end: every demo page on a 320 px wide phone, in zh-CN and en. The page must not scroll
// sideways; no widget's shadow content may stick out of its host or out of the content box of
// its parent (a card's padding is not room for content); only the scroll containers listed
// below may scroll; every control of a widget is a touch target of at least 24 × 24 px; the
// course browser's rows leave room for the title; the picker's listbox stays in the viewport.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_PAGES, openPage, startStack, waitFor } from './harness.mjs';

const WIDTH = 320;

/**
 * The intended scroll containers: a widget's content inside them is not measured against its
 * parents. `vertical` ones must still not scroll sideways; `any` ones may (wide tables, code).
 */
const SCROLLERS = {
  vertical: [
    '[part="list"]', // cb-course-browser: the virtualized result grid
    '[role="listbox"]', // cb-certificate-picker: the options
  ],
  // the page's own: the HR table and the "view source" code (checked by the page's width only)
  any: ['.table-wrap', 'pre'],
};

/** What a page shows once its widgets have data (deep selectors, all must match). */
const READY = {
  'lms.html': [
    ['cb-credit-balance', '[part="total"] .value'],
    ['cb-learning-record', '[data-outcome="trn-0001-o1"]'],
  ],
  'hr-portal.html': [
    ['#employees tr[data-learner="ent-0001"]'],
    ['#employee cb-credit-balance', '[part="total"] .value'],
    ['#employee cb-learning-record', '[data-outcome="ent-0001-o1"]'],
  ],
  'course-platform.html': [
    ['cb-course-browser', '[part~="row"]'],
    ['cb-transfer-calculator', '[part="grants"] li[data-rule="R-CNT-SUB-WEB-I"]'],
  ],
  'script-tag.html': [
    ['cb-credit-balance', '[part="total"] .value'],
    ['cb-certificate-verify', '[part~="result"]'],
    ['cb-learning-record', '[data-outcome="trn-0001-o1"]'],
    ['acme-transfer-calculator', 'li[data-rule="R-CNT-SUB-WEB-I"]'],
  ],
  'react.html': [
    ['cb-credit-balance', '[part="total"] .value'],
    ['cb-transfer-calculator', 'li[data-rule="R-CNT-SUB-WEB-I"]'],
  ],
};
const QUERY = { 'hr-portal.html': '&employee=ent-0001' };

/**
 * Runs in the page: the problems of the layout (strings), for the page and every widget, nested
 * ones (the picker inside the calculator) included.
 */
function layoutProblems(scrollers) {
  const problems = [];
  const px = (n) => Math.round(n);
  const name = (el) =>
    el.localName +
    (el.getAttribute('part') ? `[part="${el.getAttribute('part')}"]` : '') +
    (typeof el.className === 'string' && el.className.trim()
      ? `.${el.className.trim().split(/\s+/).join('.')}`
      : '');
  if (document.documentElement.scrollWidth > innerWidth) {
    problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth}px`);
  }
  const hosts = [];
  const collect = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (!el.shadowRoot) continue;
      if (el.localName.includes('-') && !el.localName.endsWith('-provider')) hosts.push(el);
      collect(el.shadowRoot);
    }
  };
  collect(document);
  const scrollerSelector = [...scrollers.vertical, ...scrollers.any].join(',');
  for (const host of hosts) {
    const box = host.getBoundingClientRect();
    if (box.width === 0) continue;
    const where = (el) => `${host.localName} ${name(el)}`;
    for (const el of host.shadowRoot.querySelectorAll('*')) {
      const style = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      // out of flow (the picker's popup, visually hidden text) or inside an intended scroller
      const outOfFlow = (node) => {
        for (let a = node; a; a = a.parentElement) {
          const position = getComputedStyle(a).position;
          if (position === 'absolute' || position === 'fixed') return true;
        }
        return false;
      };
      if (outOfFlow(el)) continue;
      const scroller = el.parentElement?.closest(scrollerSelector);
      if (el.matches(scrollers.vertical.join(',')) && el.scrollWidth > el.clientWidth + 1) {
        problems.push(`${where(el)} scrolls sideways: ${el.scrollWidth} > ${el.clientWidth}`);
      }
      if (!scroller) {
        if (r.left < box.left - 1 || r.right > box.right + 1) {
          problems.push(
            `${where(el)} sticks out of the host: ${px(r.left)}..${px(r.right)} in ${px(box.left)}..${px(box.right)}`,
          );
        }
        const parent = el.parentElement;
        if (parent) {
          const ps = getComputedStyle(parent);
          const p = parent.getBoundingClientRect();
          const right = p.right - parseFloat(ps.paddingRight) - parseFloat(ps.borderRightWidth);
          if (ps.display !== 'contents' && ps.display !== 'inline' && r.right > right + 1) {
            problems.push(`${where(el)} overflows ${name(parent)} by ${px(r.right - right)}px`);
          }
        }
        if (
          style.overflowX !== 'visible' &&
          !el.matches(scrollerSelector) &&
          el.clientWidth > 0 &&
          el.scrollWidth > el.clientWidth + 1 &&
          !el.matches('.meter') &&
          !el.closest('.visually-hidden')
        ) {
          problems.push(`${where(el)} clips its content: ${el.scrollWidth} > ${el.clientWidth}`);
        }
      }
      if (
        el.matches('button, a[href], input:not([type="checkbox"], [type="radio"]), select, summary')
      ) {
        if (r.width < 24 || r.height < 24) {
          problems.push(`${where(el)} is a ${px(r.width)}×${px(r.height)} touch target`);
        }
      }
    }
  }
  // the course browser's rows: the title keeps most of the row (fee and button wrap below)
  for (const row of deepAll('cb-course-browser', '[part~="row"][data-code]')) {
    const info = row.querySelector('.info').getBoundingClientRect();
    if (info.width < row.clientWidth * 0.6) {
      problems.push(
        `cb-course-browser row ${row.dataset.code}: the title has ${px(info.width)} of ${row.clientWidth}px`,
      );
    }
  }
  // one problem of a kind per widget is enough to read
  return [...new Set(problems.map((p) => p.replace(/\d+/g, '#')))]
    .map((shape) => problems.find((p) => p.replace(/\d+/g, '#') === shape))
    .slice(0, 40);
}

let stack;

before(async () => {
  stack = await startStack();
});

after(async () => {
  await stack?.close();
});

describe(`every demo page at ${WIDTH} px: no sideways overflow, touch targets of 24 px`, () => {
  for (const name of DEMO_PAGES) {
    for (const lang of ['zh-CN', 'en']) {
      test(`${name} (${lang})`, async () => {
        const t = await openPage(stack, `${name}?lang=${lang}${QUERY[name] ?? ''}`, {
          viewport: { width: WIDTH, height: 800 },
        });
        try {
          // the course list renders rows only where the viewport shows it
          if (name === 'course-platform.html') {
            await waitFor(t.page, () => deep('cb-course-browser', '[part="list"]'), undefined, {
              what: 'the course list',
            });
            await t.page.evaluate(() =>
              deep('cb-course-browser', '[part="list"]').scrollIntoView(),
            );
          }
          await waitFor(
            t.page,
            (ready) => ready.every((selectors) => deep(...selectors)),
            READY[name],
            { what: `${name} with its data` },
          );
          await t.page.evaluate(() => document.fonts.ready);
          const problems = await t.page.evaluate(layoutProblems, SCROLLERS);
          assert.deepEqual(
            problems,
            [],
            `${name} (${lang}) at ${WIDTH}px:\n${problems.join('\n')}`,
          );
          t.assertClean();
        } finally {
          await t.close();
        }
      });
    }
  }

  test('course-platform.html: the certificate picker’s listbox stays inside the viewport', async () => {
    const t = await openPage(stack, 'course-platform.html?lang=zh-CN', {
      viewport: { width: WIDTH, height: 800 },
    });
    try {
      const input = t.page.locator('#certificates input');
      await input.scrollIntoViewIfNeeded();
      await input.click();
      await input.fill('证');
      await t.page.locator('#certificates [role="option"]').first().waitFor();
      const box = await t.page.evaluate(() => {
        const popup = deep('#certificates', '[part="popup"]').getBoundingClientRect();
        const option = deep('#certificates', '[role="option"]');
        return {
          left: popup.left,
          right: popup.right,
          page: document.documentElement.scrollWidth,
          optionClipped: option.scrollWidth > option.clientWidth + 1,
        };
      });
      assert.ok(box.left >= 0 && box.right <= WIDTH, `popup ${box.left}..${box.right}`);
      assert.equal(box.page, WIDTH);
      assert.equal(box.optionClipped, false);
      t.assertClean();
    } finally {
      await t.close();
    }
  });
});
