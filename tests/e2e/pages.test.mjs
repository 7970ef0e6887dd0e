/* global deep, deepAll -- defined in the pages by harness.mjs (DEEP) */
// End-to-end: every demo page against the real reference server and the built demos, in
// Chromium — no console error or failed request, seeded values shown, locale and theme switches,
// axe (no serious or critical violation), screenshots that are not blank, CJK text in a CJK
// font, and the script-tag page with two copies of the embed script and placeholders only.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { ARTIFACTS, AXE_SOURCE, DEMO_PAGES, openPage, startStack, waitFor } from './harness.mjs';

const TRAINING_LEARNER = { tenant: 'training', role: 'learner', learner: 'trn-0001' };
const ENTERPRISE_STAFF = { tenant: 'enterprise', role: 'staff' };

/** Waits until a page shows its seeded values (page-specific), and returns what it read. */
const READY = {
  'lms.html': (page) =>
    waitFor(
      page,
      () => {
        const total = deep('cb-credit-balance', '[part="total"] .value')?.dataset.value;
        const record = deep('cb-learning-record', '[data-outcome="trn-0001-o1"]');
        const name = document.querySelector('#user-name')?.textContent;
        return total && record && name !== '…' ? { total: Number(total), name } : null;
      },
      undefined,
      { what: 'the LMS balance, record and user name' },
    ),
  'hr-portal.html': (page) =>
    waitFor(
      page,
      () => {
        const row = document.querySelector('#employees tr[data-learner="ent-0001"]');
        return row
          ? {
              name: row.querySelector('th')?.textContent?.trim(),
              credits: row.querySelector('.credits')?.textContent?.trim(),
              certificates: Array.from(
                row.querySelectorAll('[data-certificate]'),
                (t) => t.dataset.certificate,
              ),
              rows: document.querySelectorAll('#employees tbody tr').length,
            }
          : null;
      },
      undefined,
      { what: 'the HR table' },
    ),
  'course-platform.html': (page) =>
    waitFor(
      page,
      () => {
        const row = deep('cb-course-browser', '[part~="row"]');
        const grant = deep(
          'cb-transfer-calculator',
          '[part="grants"] li[data-rule="R-CNT-SUB-WEB-I"]',
        );
        const student = document.querySelector('#student')?.value;
        return row && grant && student
          ? {
              firstCourse: row.dataset.code,
              titles: deepAll('cb-course-browser', '[part~="row"]').map((r) => r.textContent),
              grantCredits: Number(grant.dataset.credits),
              student,
            }
          : null;
      },
      undefined,
      { what: 'the course browser and the calculator' },
    ),
  'script-tag.html': (page) =>
    waitFor(
      page,
      () => {
        const one = deep('cb-credit-balance', '[part="total"] .value')?.dataset.value;
        const two = deep('acme-credit-balance', '[part~="total"] .value')?.textContent;
        const grant = deep('acme-transfer-calculator', 'li[data-rule="R-CNT-SUB-WEB-I"]');
        const verified = deep('cb-certificate-verify', '[part~="result"]');
        const record = deep('cb-learning-record', '[data-outcome="trn-0001-o1"]');
        const events = window.demoEvents.map((e) => `${e.tag} ${e.type}`);
        return one &&
          two &&
          grant &&
          verified &&
          record &&
          events.includes('cb-certificate-verify cb-certificate-verified') &&
          events.includes('acme-transfer-calculator cb-transfer-calculated')
          ? { one: Number(one), two: two.trim(), events }
          : null;
      },
      undefined,
      { what: 'both embed copies' },
    ),
  'react.html': (page) =>
    waitFor(
      page,
      () => {
        const total = deep('cb-credit-balance', '[part="total"] .value')?.dataset.value;
        const note = document.querySelector('.plan-note[data-transferred]');
        const grant = deep('cb-transfer-calculator', 'li[data-rule="R-CNT-SUB-WEB-I"]');
        return total && note && grant
          ? {
              total: Number(total),
              transferred: Number(note.dataset.transferred),
              note: note.textContent,
            }
          : null;
      },
      undefined,
      { what: 'the React page' },
    ),
};

/** A widget of the page whose locale and theme tell whether a switch reached the widgets. */
const PROBE = {
  'lms.html': ['cb-credit-balance', '[part="base"]'],
  'hr-portal.html': ['cb-certificate-picker', '[part="base"]'],
  'course-platform.html': ['cb-transfer-calculator', '[part="base"]'],
  'script-tag.html': ['acme-transfer-calculator', '[part="base"]'],
  'react.html': ['cb-credit-balance', '[part="base"]'],
};

/** The widget whose Chinese text must render in a CJK font (the HR page: its drill-down). */
const FONT_PROBE = {
  ...Object.fromEntries(Object.entries(PROBE).map(([k, v]) => [k, v[0]])),
  'hr-portal.html': '#employee cb-credit-balance',
};
/** Extra query of the screenshot of a page (the HR page with its drill-down open). */
const SHOT_QUERY = { 'hr-portal.html': '&employee=ent-0001' };

async function widgetLook(page, name) {
  const [tag, inner] = PROBE[name];
  return page.evaluate(
    ([tag, inner]) => {
      const host = document.querySelector(tag);
      return { lang: deep(tag, inner)?.lang ?? null, theme: host?.dataset.cbTheme ?? null };
    },
    [tag, inner],
  );
}

/** Pixel statistics of a PNG, decoded by the browser: luminance spread and colours. */
async function pixelStats(page, png) {
  return page.evaluate(
    async (dataUrl) => {
      const image = new Image();
      image.src = dataUrl;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const ctx = canvas.getContext('2d');
      ctx.drawImage(image, 0, 0);
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let sum = 0;
      let sq = 0;
      let n = 0;
      const colours = new Set();
      for (let i = 0; i < data.length; i += 4 * 7) {
        const y = 0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2];
        sum += y;
        sq += y * y;
        n++;
        if (colours.size < 5000) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      }
      const mean = sum / n;
      return {
        width: image.width,
        height: image.height,
        mean,
        stdev: Math.sqrt(sq / n - mean * mean),
        colours: colours.size,
      };
    },
    `data:image/png;base64,${png.toString('base64')}`,
  );
}

/** The platform fonts Chromium used for a node's text (CDP CSS.getPlatformFontsForNode). */
async function fontsOf(page, expression) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    assert.ok(result.objectId, `no node for ${expression}`);
    const { nodeId } = await cdp.send('DOM.requestNode', { objectId: result.objectId });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return fonts.map((f) => f.familyName);
  } finally {
    await cdp.detach();
  }
}

let stack;
let pngChecker;

before(async () => {
  stack = await startStack();
  mkdirSync(ARTIFACTS, { recursive: true });
  const context = await stack.browser.newContext();
  pngChecker = await context.newPage();
});

after(async () => {
  await stack?.close();
});

describe('every demo page loads clean and shows seeded values', () => {
  test('lms.html: the balance total is the server’s, the record and the name are trn-0001’s', async () => {
    const t = await openPage(stack, 'lms.html');
    try {
      const shown = await READY['lms.html'](t.page);
      const balance = await stack.call('/v1/learners/trn-0001/balance', TRAINING_LEARNER);
      assert.equal(shown.total, balance.credits.total);
      assert.equal(shown.name, '陈思远');
      const snippet = await t.page.textContent('#snippet');
      assert.match(snippet, /<cb-credit-balance [^>]*learner="trn-0001"/);
      assert.match(snippet, /<cb-learning-record learner="trn-0001">/);
      assert.doesNotMatch(snippet, /token="/);
      t.assertClean();
    } finally {
      await t.close();
    }
  });

  test('hr-portal.html: ent-0001 with banked credits and certificates, filter and drill-down', async () => {
    const t = await openPage(stack, 'hr-portal.html');
    try {
      const shown = await READY['hr-portal.html'](t.page);
      const list = await stack.call('/v1/learners?limit=20', ENTERPRISE_STAFF);
      const ent1 = list.items.find((l) => l.id === 'ent-0001');
      assert.equal(shown.name, '周建华');
      assert.equal(shown.credits, String(ent1.bankedCredits));
      assert.deepEqual(
        shown.certificates,
        ent1.certificates.map((c) => c.id),
      );
      assert.equal(shown.rows, list.items.length);

      // filter by certificate with the picker: electricians only
      await t.page.locator('#cert-filter input').click();
      await t.page.locator('#cert-filter input').fill('电工');
      await t.page.locator('#cert-filter [role="option"]', { hasText: '电工' }).first().click();
      const holders = await stack.call(
        '/v1/learners?certificate=electrician&limit=20',
        ENTERPRISE_STAFF,
      );
      const filtered = await waitFor(
        t.page,
        (expected) => {
          const rows = Array.from(document.querySelectorAll('#employees tbody tr'));
          const ids = rows.map((r) => r.dataset.learner);
          return ids.length === expected.length && ids.every((id, i) => id === expected[i])
            ? ids
            : null;
        },
        holders.items.map((l) => l.id),
        { what: 'the electricians' },
      );
      assert.ok(filtered.includes('ent-0001'));

      // drill-down: ent-0001's balance and learning record
      await t.page.locator('#employees tr[data-learner="ent-0001"] th button').click();
      const detail = await waitFor(
        t.page,
        () => {
          const total = deep('#employee cb-credit-balance', '[part="total"] .value')?.dataset.value;
          const entry = deep('#employee cb-learning-record', '[data-outcome="ent-0001-o1"]');
          return total && entry
            ? { total: Number(total), focused: document.activeElement?.id, url: location.search }
            : null;
        },
        undefined,
        { what: 'the drill-down' },
      );
      const balance = await stack.call('/v1/learners/ent-0001/balance', ENTERPRISE_STAFF);
      assert.equal(detail.total, balance.credits.total);
      assert.equal(detail.focused, 'employee-title');
      assert.match(detail.url, /employee=ent-0001/);
      t.assertClean();
    } finally {
      await t.close();
    }
  });

  test('course-platform.html: a seeded course title and the R-CNT-SUB-WEB-I substitution', async () => {
    const t = await openPage(stack, 'course-platform.html');
    try {
      const shown = await READY['course-platform.html'](t.page);
      const courses = await stack.call('/v1/catalog/courses?limit=5', TRAINING_LEARNER);
      assert.equal(shown.firstCourse, courses.items[0].code);
      assert.ok(shown.titles[0].includes(courses.items[0].title), courses.items[0].title);
      assert.ok(shown.titles.some((text) => text.includes('计算机应用基础')));
      const plan = await stack.call('/v1/learners/trn-0001/transfers/preview', TRAINING_LEARNER, {
        method: 'POST',
        body: { program: 'ouc-cnt-assoc' },
      });
      const grant = plan.grants.find((g) => g.rule === 'R-CNT-SUB-WEB-I');
      assert.equal(shown.grantCredits, grant.credits);
      assert.equal(shown.student, '陈思远（trn-0001）');
      t.assertClean();
    } finally {
      await t.close();
    }
  });

  test('react.html: balance, and the host note fed by onCbTransferCalculated', async () => {
    const t = await openPage(stack, 'react.html');
    try {
      const shown = await READY['react.html'](t.page);
      const balance = await stack.call('/v1/learners/trn-0001/balance', TRAINING_LEARNER);
      const plan = await stack.call('/v1/learners/trn-0001/transfers/preview', TRAINING_LEARNER, {
        method: 'POST',
        body: { program: 'ouc-cnt-assoc' },
      });
      assert.equal(shown.total, balance.credits.total);
      assert.equal(shown.transferred, plan.transferredCredits);
      assert.ok(shown.note.includes(`¥${plan.savings.amount}`), shown.note);
      t.assertClean();
    } finally {
      await t.close();
    }
  });
});

describe('script-tag.html: the embed script only, two copies, placeholders', () => {
  test('the page is served as written: placeholders, no widget tags, no bundler', async () => {
    const html = await (await fetch(`${stack.demos.url}/script-tag.html`)).text();
    const body = html.slice(html.indexOf('<body>'));
    assert.doesNotMatch(body.replace(/<pre[\s\S]*?<\/pre>/, ''), /<(cb|acme)-[a-z-]+[\s>]/);
    assert.match(body, /<div\s+data-cb-widget="credit-balance"\s+data-learner="trn-0001"/);
    assert.match(body, /<div\s+data-cb-widget="transfer-calculator"\s+data-cb-prefix="acme"/);
    assert.match(body, /<script type="module" src="\/cdn\/embed\/creditbank-embed.js">/);
    assert.match(
      body,
      /<script type="module" src="\/cdn\/embed-copy\/creditbank-embed.js\?prefix=acme">/,
    );
  });

  test('both copies render the server’s values and raise their events; the switch reaches both', async () => {
    const t = await openPage(stack, 'script-tag.html');
    const scripts = [];
    t.page.on('request', (r) => {
      if (r.url().includes('/cdn/')) scripts.push(new URL(r.url()).pathname);
    });
    try {
      const shown = await READY['script-tag.html'](t.page);
      const balance = await stack.call('/v1/learners/trn-0001/balance', TRAINING_LEARNER);
      assert.equal(shown.one, balance.credits.total);
      assert.equal(shown.two, String(balance.credits.total));
      const globals = await t.page.evaluate(() => ({
        one: window.CreditBank?.prefix,
        two: window.CreditBank_acme?.prefix,
        defined: [
          'cb-credit-balance',
          'acme-credit-balance',
          'acme-transfer-calculator',
          'acme-certificate-picker',
        ].map((tag) => Boolean(customElements.get(tag))),
        placeholders: document.querySelectorAll('[data-cb-widget]').length,
      }));
      assert.deepEqual(globals, {
        one: 'cb',
        two: 'acme',
        defined: [true, true, true, true],
        placeholders: 0,
      });

      // the locale and theme switch reconfigure both copies
      await t.page.getByRole('button', { name: 'English' }).click();
      await t.page.getByRole('button', { name: 'Dark', exact: true }).click();
      const look = await waitFor(
        t.page,
        () => {
          const a = deep('cb-credit-balance', '[part="base"]');
          const b = deep('acme-transfer-calculator', '[part="base"]');
          const ok =
            a?.lang === 'en' &&
            b?.lang === 'en' &&
            document.querySelector('cb-credit-balance').dataset.cbTheme === 'dark' &&
            document.querySelector('acme-transfer-calculator').dataset.cbTheme === 'dark';
          return ok ? { text: a.textContent } : null;
        },
        undefined,
        { what: 'English and dark in both copies' },
      );
      assert.match(look.text, /credits/i);
      t.assertClean();
    } finally {
      await t.close();
    }
  });
});

describe('locale and theme switches', () => {
  for (const name of ['lms.html', 'hr-portal.html', 'course-platform.html', 'react.html']) {
    test(`${name}: the header switches set English and dark on the widgets and the page`, async () => {
      const t = await openPage(stack, name);
      try {
        await READY[name](t.page);
        assert.deepEqual(await widgetLook(t.page, name), { lang: 'zh-CN', theme: 'light' });
        await t.page.getByRole('button', { name: 'English' }).click();
        await t.page.locator('header .switch').nth(1).locator('button').nth(1).click();
        const look = await waitFor(
          t.page,
          ([tag, inner]) => {
            const lang = deep(tag, inner)?.lang;
            const theme = document.querySelector(tag)?.dataset.cbTheme;
            return lang === 'en' && theme === 'dark'
              ? {
                  html: document.documentElement.lang,
                  page: document.documentElement.dataset.theme,
                  url: location.search,
                }
              : null;
          },
          PROBE[name],
          { what: 'English and dark' },
        );
        assert.equal(look.html, 'en');
        assert.equal(look.page, 'dark');
        assert.match(look.url, /lang=en/);
        assert.match(look.url, /theme=dark/);
        t.assertClean();
      } finally {
        await t.close();
      }
    });
  }
});

describe('screenshots in both locales and themes (not blank, CJK in a CJK font)', () => {
  for (const name of DEMO_PAGES) {
    test(name, async () => {
      for (const locale of ['zh-CN', 'en']) {
        for (const theme of ['light', 'dark']) {
          const t = await openPage(
            stack,
            `${name}?lang=${locale}&theme=${theme}${SHOT_QUERY[name] ?? ''}`,
          );
          try {
            await READY[name](t.page);
            if (name === 'hr-portal.html') {
              await waitFor(
                t.page,
                () => deep('#employee cb-credit-balance', '[part="total"] .value'),
                undefined,
                { what: 'the drill-down' },
              );
            }
            assert.deepEqual(await widgetLook(t.page, name), { lang: locale, theme });
            await t.page.evaluate(() => document.fonts.ready);
            const png = await t.page.screenshot({ fullPage: true });
            const file = `${ARTIFACTS}${name.replace('.html', '')}-${locale}-${theme}.png`;
            writeFileSync(file, png);
            const stats = await pixelStats(pngChecker, png);
            assert.ok(
              stats.stdev > 12 && stats.colours > 60,
              `${file} looks blank: ${JSON.stringify(stats)}`,
            );
            if (theme === 'dark')
              assert.ok(stats.mean < 110, `${file} is not dark: mean ${stats.mean}`);
            else assert.ok(stats.mean > 150, `${file} is not light: mean ${stats.mean}`);
            if (locale === 'zh-CN') {
              assert.ok(
                await t.page.evaluate(() => document.fonts.check('14px "Noto Sans CJK SC"')),
              );
              const pageFonts = await fontsOf(t.page, `document.querySelector('h1, header p')`);
              assert.ok(
                pageFonts.some((f) => /CJK/.test(f)),
                `page heading fonts: ${pageFonts}`,
              );
              const tag = FONT_PROBE[name];
              // the first element of the widget's shadow tree with Chinese text of its own
              const widgetFonts = await fontsOf(
                t.page,
                `(() => {
                  const walker = document.createTreeWalker(
                    document.querySelector('${tag}').shadowRoot, NodeFilter.SHOW_TEXT);
                  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                    if (/[\\u4e00-\\u9fff]/.test(n.data)) return n.parentElement;
                  }
                })()`,
              );
              assert.ok(
                widgetFonts.some((f) => /CJK/.test(f)),
                `widget fonts: ${widgetFonts}`,
              );
            }
            if (name === 'lms.html' && locale === 'zh-CN' && theme === 'light') {
              await t.page.setViewportSize({ width: 1200, height: 760 });
              writeFileSync(`${ARTIFACTS}lms-readme.png`, await t.page.screenshot());
            }
            t.assertClean();
          } finally {
            await t.close();
          }
        }
      }
    });
  }
});

describe('axe-core: no serious or critical violation', () => {
  for (const name of DEMO_PAGES) {
    for (const locale of ['zh-CN', 'en']) {
      test(`${name} (${locale})`, async () => {
        const t = await openPage(stack, `${name}?lang=${locale}&theme=light`);
        try {
          await READY[name](t.page);
          await t.page.addScriptTag({ content: AXE_SOURCE });
          const violations = await t.page.evaluate(async () => {
            const result = await window.axe.run(document, { resultTypes: ['violations'] });
            return result.violations
              .filter((v) => v.impact === 'serious' || v.impact === 'critical')
              .map((v) => ({
                id: v.id,
                impact: v.impact,
                help: v.help,
                nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
              }));
          });
          assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
          t.assertClean();
        } finally {
          await t.close();
        }
      });
    }
  }
});
