/* global deep, activeDeep -- defined in the pages by harness.mjs (DEEP) */
// End-to-end: the demo pages' own fixes from the QA audit. HR portal: "Load more" hides when the
// list is complete, never appends a page twice and keeps focus off <body>; "Close" returns focus
// to the employee's name; no `learner: is required` warning, and the snippet names a learner.
// Course platform: the calculator's program and the form's program stay in sync both ways, and
// "Remove" moves focus to the next/previous Remove button or the list. React: the summary names
// the program. script-tag.html: the page's own text, <html lang> and snippet follow the switch.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openPage, startStack, waitFor } from './harness.mjs';

const ENTERPRISE_STAFF = { tenant: 'enterprise', role: 'staff' };
const PAGE_SIZE = 20;

let stack;

before(async () => {
  stack = await startStack();
});

after(async () => {
  await stack?.close();
});

/**
 * Opens a page with every console message recorded from the first script on (`messages`),
 * besides the harness's errors and failed requests (`assertClean`).
 */
async function openLogged(path) {
  // the index first (plain HTML with an icon, no script): the listener is on before `path` loads
  const t = await openPage(stack, 'index.html');
  const messages = [];
  t.page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
  await t.page.goto(`${stack.demos.url}/${path}`);
  return { ...t, messages };
}

/** What has focus, walking into shadow roots: a short description to compare. */
function focused(page) {
  return page.evaluate(() => {
    const el = activeDeep();
    if (!el || el === document.body) return { tag: 'body' };
    return {
      tag: el.localName,
      id: el.id || null,
      text: el.textContent.trim(),
      learner: el.closest('tr')?.dataset.learner ?? null,
      course: el.closest('li')?.dataset.course ?? null,
    };
  });
}

const hrRows = (page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('#employees tbody tr'), (tr) => tr.dataset.learner),
  );

async function hrReady(page, count = PAGE_SIZE) {
  return waitFor(
    page,
    (count) => {
      const rows = document.querySelectorAll('#employees tbody tr');
      const status = document.querySelector('#table-status')?.textContent ?? '';
      return rows.length === count && /\d/.test(status) ? status : null;
    },
    count,
    { what: `${count} rows in the HR table` },
  );
}

describe('hr-portal.html', () => {
  test('"Load more" appends the next pages, hides when the list is complete, and keeps focus off <body>', async () => {
    const all = [];
    let cursor;
    do {
      const page = await stack.call(
        `/v1/learners?limit=${PAGE_SIZE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        ENTERPRISE_STAFF,
      );
      all.push(...page.items.map((l) => l.id));
      cursor = page.nextCursor;
    } while (cursor);
    assert.ok(all.length > PAGE_SIZE * 2, `the seed has ${all.length} employees`);

    const t = await openPage(stack, 'hr-portal.html');
    try {
      const { page } = t;
      await hrReady(page);
      const more = page.locator('#more');
      while ((await hrRows(page)).length < all.length) {
        const shown = (await hrRows(page)).length;
        assert.ok(await more.isVisible(), `"Load more" is visible with ${shown} rows shown`);
        await more.focus();
        await page.keyboard.press('Enter');
        const next = Math.min(shown + PAGE_SIZE, all.length);
        await hrReady(page, next);
        const now = await focused(page);
        if (next < all.length) {
          // more remain: focus stays on the button
          assert.equal(now.id, 'more', JSON.stringify(now));
        } else {
          // the last page: the button goes, focus goes to the first new row's name
          assert.deepEqual(
            { tag: now.tag, learner: now.learner },
            { tag: 'button', learner: all[shown] },
          );
        }
      }
      assert.deepEqual(await hrRows(page), all);
      assert.equal(await more.isVisible(), false);
      assert.equal(await more.evaluate((el) => getComputedStyle(el).display), 'none');
      assert.equal(
        await page.textContent('#table-status'),
        `已显示 ${all.length} 名员工（共 ${all.length} 名）`,
      );
      // activated anyway (a script, a stale click): nothing is fetched or appended again
      await more.evaluate((el) => el.click());
      await page.waitForTimeout(500);
      assert.deepEqual(await hrRows(page), all);
      t.assertClean();
    } finally {
      await t.close();
    }
  });

  test('a filter that fits on one page: no "Load more", and clicking it appends nothing', async () => {
    const holders = await stack.call(
      '/v1/learners?certificate=electrician&limit=20',
      ENTERPRISE_STAFF,
    );
    assert.equal(holders.nextCursor, null);
    const t = await openPage(stack, 'hr-portal.html');
    try {
      const { page } = t;
      await hrReady(page);
      await page.locator('#cert-filter input').click();
      await page.locator('#cert-filter input').fill('电工');
      await page.locator('#cert-filter [role="option"]', { hasText: '电工' }).first().click();
      const n = holders.items.length;
      await waitFor(
        page,
        (expected) => {
          const ids = Array.from(
            document.querySelectorAll('#employees tbody tr'),
            (r) => r.dataset.learner,
          );
          return ids.join() === expected.join();
        },
        holders.items.map((l) => l.id),
        { what: 'the electricians' },
      );
      assert.equal(await page.textContent('#table-status'), `已显示 ${n} 名员工（共 ${n} 名）`);
      assert.equal(await page.locator('#more').isVisible(), false);
      await page.locator('#more').evaluate((el) => el.click());
      await page.waitForTimeout(500);
      assert.equal((await hrRows(page)).length, n);
      assert.equal(await page.textContent('#table-status'), `已显示 ${n} 名员工（共 ${n} 名）`);
      t.assertClean();
    } finally {
      await t.close();
    }
  });

  test('"Close" returns focus to the name button that opened the panel (and to the row of ?employee=)', async () => {
    const t = await openPage(stack, 'hr-portal.html');
    try {
      const { page } = t;
      await hrReady(page);
      await page.locator('#employees tr[data-learner="ent-0002"] th button').focus();
      await page.keyboard.press('Enter');
      await waitFor(
        page,
        () => deep('#employee cb-credit-balance', '[part="total"] .value'),
        undefined,
        { what: 'the drill-down of ent-0002' },
      );
      assert.equal((await focused(page)).id, 'employee-title');
      await page.locator('#close-employee').focus();
      await page.keyboard.press('Enter');
      assert.equal(await page.locator('#employee').isVisible(), false);
      assert.deepEqual(
        { ...(await focused(page)), text: undefined },
        { tag: 'button', id: null, learner: 'ent-0002', course: null, text: undefined },
      );
      assert.doesNotMatch(await page.evaluate(() => location.search), /employee=/);
      t.assertClean();
    } finally {
      await t.close();
    }

    const u = await openPage(stack, 'hr-portal.html?employee=ent-0003');
    try {
      const { page } = u;
      await waitFor(page, () => deep('#employee cb-learning-record', '[data-outcome]'), undefined, {
        what: 'the drill-down of ent-0003',
      });
      await page.locator('#close-employee').focus();
      await page.keyboard.press('Enter');
      const now = await focused(page);
      assert.deepEqual(
        { tag: now.tag, learner: now.learner },
        { tag: 'button', learner: 'ent-0003' },
      );
      u.assertClean();
    } finally {
      await u.close();
    }
  });

  test('no `learner: is required` warning at load, on a locale switch, on open and close; the snippet names the learner', async () => {
    const t = await openLogged('hr-portal.html');
    try {
      const { page } = t;
      await hrReady(page);
      await waitFor(page, () => deep('cb-certificate-picker', '[part="base"]'), undefined, {
        what: 'the certificate picker',
      });
      const before = await page.textContent('#snippet');
      assert.match(before, /<cb-credit-balance [^>]*learner="ent-\d+"/);
      assert.match(before, /<cb-learning-record [^>]*learner="ent-\d+"/);

      await page.getByRole('button', { name: 'English' }).click();
      await waitFor(
        page,
        () => deep('cb-certificate-picker', '[part="base"]')?.lang === 'en',
        undefined,
        { what: 'English' },
      );
      await page.locator('#employees tr[data-learner="ent-0001"] th button').click();
      await waitFor(
        page,
        () => deep('#employee cb-learning-record', '[data-outcome="ent-0001-o1"]'),
        undefined,
        { what: 'the drill-down' },
      );
      const open = await page.textContent('#snippet');
      assert.match(open, /<cb-credit-balance [^>]*learner="ent-0001"/);
      assert.match(open, /<cb-learning-record [^>]*learner="ent-0001"/);
      await page.getByRole('button', { name: '中文' }).click();
      await page.locator('#close-employee').click();
      await page.getByRole('button', { name: 'English' }).click();
      await page.locator('#employees tr[data-learner="ent-0002"] th button').click();
      await waitFor(
        page,
        () =>
          deep('#employee cb-credit-balance', '[part="total"] .value') &&
          document.querySelectorAll('#employee cb-credit-balance').length === 1 &&
          document.querySelector('#employee cb-credit-balance').getAttribute('learner') ===
            'ent-0002',
        undefined,
        { what: 'the drill-down of ent-0002' },
      );
      await page.waitForTimeout(300);
      const warnings = t.messages.filter((m) => /is required|\[creditbank\]/.test(m));
      assert.deepEqual(warnings, []);
      t.assertClean();
    } finally {
      await t.close();
    }
  });
});

describe('course-platform.html', () => {
  const calculatorSelect = 'cb-transfer-calculator [part="program"] select';

  test('the calculator’s "Target program" and the form’s "Program" stay in sync both ways', async () => {
    const t = await openPage(stack, 'course-platform.html');
    try {
      const { page } = t;
      await waitFor(
        page,
        () =>
          deep('cb-transfer-calculator', '[part="grants"] li') &&
          document.querySelectorAll('#program option').length > 1,
        undefined,
        { what: 'the plan and the programs' },
      );
      assert.equal(await page.locator('#enrol-form #program').inputValue(), 'ouc-cnt-assoc');

      // calculator → form
      await page.locator(calculatorSelect).selectOption('ouc-construction-assoc');
      const synced = await waitFor(
        page,
        () =>
          document.querySelector('#program').value === 'ouc-construction-assoc' &&
          deep('cb-transfer-calculator', '[part="plan"] h3')?.textContent.includes('建设工程管理')
            ? {
                url: location.search,
                snippet: document.querySelector('#snippet').textContent,
              }
            : null,
        undefined,
        { what: 'the form’s program to follow the calculator' },
      );
      assert.match(synced.url, /program=ouc-construction-assoc/);
      assert.match(synced.snippet, /<cb-transfer-calculator [^>]*program="ouc-construction-assoc"/);

      // form → calculator
      await page.locator('#enrol-form #program').selectOption('ouc-cnt-assoc');
      await waitFor(
        page,
        () =>
          deep('cb-transfer-calculator', '[part="program"] select')?.value === 'ouc-cnt-assoc' &&
          deep('cb-transfer-calculator', '[part="plan"] h3')?.textContent.includes(
            '计算机网络技术',
          ),
        undefined,
        { what: 'the calculator to follow the form' },
      );
      await page.waitForTimeout(300);
      assert.equal(await page.locator('#enrol-form #program').inputValue(), 'ouc-cnt-assoc');
      assert.match(await page.evaluate(() => location.search), /program=ouc-cnt-assoc/);

      // and once more from the calculator, then submit: the form enrols in the shown program
      await page.locator(calculatorSelect).selectOption('ouc-construction-assoc');
      await waitFor(
        page,
        () => document.querySelector('#program').value === 'ouc-construction-assoc',
        undefined,
        { what: 'the form’s program to follow the calculator again' },
      );
      await page.locator('#enrol-form [type="submit"]').click();
      assert.match(await page.textContent('#enrol-status'), /建设工程管理（专科）/);
      t.assertClean();
    } finally {
      await t.close();
    }
  });

  test('"Remove" moves focus to the next Remove button, else the previous, else the list', async () => {
    const t = await openPage(stack, 'course-platform.html');
    try {
      const { page } = t;
      await waitFor(page, () => deep('cb-course-browser', '[part="add"]'), undefined, {
        what: 'the course browser',
      });
      const add = page.locator('cb-course-browser [part="add"]');
      for (const i of [0, 1, 2]) await add.nth(i).click();
      const codes = await waitFor(
        page,
        () => {
          const ids = Array.from(
            document.querySelectorAll('#picked-courses li'),
            (li) => li.dataset.course,
          );
          return ids.length === 3 ? ids : null;
        },
        undefined,
        { what: 'three picked courses' },
      );
      const removeOf = (code) => page.locator(`#picked-courses li[data-course="${code}"] button`);

      // the middle one: focus goes to the next Remove button
      await removeOf(codes[1]).focus();
      await page.keyboard.press('Enter');
      let now = await focused(page);
      assert.deepEqual({ tag: now.tag, course: now.course }, { tag: 'button', course: codes[2] });

      // the last one: focus goes to the previous Remove button
      await page.keyboard.press('Enter');
      now = await focused(page);
      assert.deepEqual({ tag: now.tag, course: now.course }, { tag: 'button', course: codes[0] });

      // the only one: focus goes to the list (its group, named by its legend)
      await page.keyboard.press('Enter');
      now = await focused(page);
      assert.deepEqual({ tag: now.tag, id: now.id }, { tag: 'fieldset', id: 'picked' });
      assert.equal(await page.locator('#picked-courses li').count(), 0);
      assert.ok(await page.locator('#no-courses').isVisible());
      t.assertClean();
    } finally {
      await t.close();
    }
  });
});

test('react.html: the host’s summary names the program, not its id', async () => {
  const programs = await stack.call('/v1/catalog/programs', {
    tenant: 'training',
    role: 'learner',
    learner: 'trn-0001',
  });
  const name = programs.items.find((p) => p.id === 'ouc-cnt-assoc').name;
  const t = await openPage(stack, 'react.html');
  try {
    const { page } = t;
    const note = () =>
      waitFor(
        page,
        (name) => {
          const text = document.querySelector('.plan-note[data-transferred]')?.textContent ?? '';
          return text.includes(name) ? text : null;
        },
        name,
        { what: `the summary naming ${name}` },
      );
    const zh = await note();
    assert.doesNotMatch(zh, /ouc-cnt-assoc/);
    assert.match(zh, new RegExp(`^按当前方案，${name}可转换 \\d+ 学分`));
    // money as the widgets write it
    assert.match(zh, /预计节省 ¥[\d,]+\.\d{2}。$/);
    await page.getByRole('button', { name: 'English' }).click();
    await waitFor(
      page,
      () => /With the current plan/.test(document.querySelector('.plan-note')?.textContent),
      undefined,
      { what: 'the English summary' },
    );
    const en = await note();
    assert.doesNotMatch(en, /ouc-cnt-assoc/);
    t.assertClean();
  } finally {
    await t.close();
  }
});

describe('script-tag.html', () => {
  const chrome = (page) =>
    page.evaluate(() => ({
      lang: document.documentElement.lang,
      title: document.title,
      h1: document.querySelector('h1').textContent.trim(),
      h2: Array.from(document.querySelectorAll('h2'), (h) => h.textContent.trim()),
      intro: document.querySelector('main > p').textContent.replace(/\s+/g, ' ').trim(),
      header: document.querySelector('header p').textContent.trim(),
      footer: document.querySelector('footer').textContent.trim(),
      snippet: document.querySelector('#snippet').textContent,
    }));
  const han = /[\u4e00-\u9fff]/;

  test('?lang=en&theme=dark: English page text, <html lang="en">, the snippet says en and dark', async () => {
    const t = await openPage(stack, 'script-tag.html?lang=en&theme=dark');
    try {
      const { page } = t;
      await waitFor(page, () => deep('cb-credit-balance', '[part="base"]')?.lang === 'en');
      const look = await chrome(page);
      assert.equal(look.lang, 'en');
      for (const text of [look.title, look.h1, ...look.h2, look.intro, look.header, look.footer]) {
        assert.doesNotMatch(text, han, text);
      }
      assert.match(look.snippet, /CreditBank\.configure\(\{[^}]*locale: 'en', theme: 'dark'/);
      assert.match(look.snippet, /CreditBank_acme\.configure\(\{[^}]*locale: 'en', theme: 'dark'/);
      assert.doesNotMatch(look.snippet, /zh-CN|'light'/);
      t.assertClean();
    } finally {
      await t.close();
    }
  });

  test('the 中文/English and theme switches change the page text, <html lang> and the snippet', async () => {
    const t = await openPage(stack, 'script-tag.html');
    try {
      const { page } = t;
      await waitFor(page, () => deep('cb-credit-balance', '[part="base"]')?.lang === 'zh-CN');
      const zh = await chrome(page);
      assert.equal(zh.lang, 'zh-CN');
      assert.equal(zh.h1, '我的学分银行（HTML 区块，只用嵌入脚本）');
      assert.match(zh.snippet, /locale: 'zh-CN', theme: 'light'/);

      await page.getByRole('button', { name: 'English' }).click();
      let look = await chrome(page);
      assert.equal(look.lang, 'en');
      assert.doesNotMatch(look.h1, han);
      for (const text of [...look.h2, look.intro, look.title]) assert.doesNotMatch(text, han, text);
      assert.match(look.h2[0], /embed script/i);
      assert.match(look.snippet, /CreditBank\.configure\(\{[^}]*locale: 'en', theme: 'light'/);

      // the theme switch speaks the page's language too
      await page.getByRole('group', { name: 'Theme' }).waitFor();
      await page.getByRole('button', { name: 'Dark', exact: true }).click();
      look = await chrome(page);
      assert.match(look.snippet, /CreditBank\.configure\(\{[^}]*locale: 'en', theme: 'dark'/);
      assert.match(look.snippet, /CreditBank_acme\.configure\(\{[^}]*locale: 'en', theme: 'dark'/);

      await page.getByRole('button', { name: '中文' }).click();
      look = await chrome(page);
      assert.deepEqual(
        { ...look, snippet: undefined },
        { ...zh, snippet: undefined },
        'back to Chinese: the same text as at load',
      );
      assert.match(look.snippet, /locale: 'zh-CN', theme: 'dark'/);
      await waitFor(page, () => deep('cb-credit-balance', '[part="base"]')?.lang === 'zh-CN');
      t.assertClean();
    } finally {
      await t.close();
    }
  });
});
