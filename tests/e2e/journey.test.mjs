/* global deep, deepAll, activeDeep -- defined in the pages by harness.mjs (DEEP) */
// End-to-end: the whole journey on a fresh server. On the course platform a learner picks a
// 1+X certificate in the enrolment form's picker → the calculator shows the substitution and the
// savings (a certificate the archive lacks as a what-if, one it holds as it is) → apply → the
// LMS page's balance shows the new ledger entry. Once with the mouse (trn-0001), once with the
// keyboard only (another learner holding the same certificate, found through the API).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openPage, startStack, waitFor } from './harness.mjs';

const PROGRAM = 'ouc-cnt-assoc';
const RULE = 'R-CNT-SUB-WEB-I';

let stack;

before(async () => {
  stack = await startStack();
});

after(async () => {
  await stack?.close();
});

const learnerClaims = (learner) => ({ tenant: 'training', role: 'learner', learner });

async function preview(learner) {
  return stack.call(`/v1/learners/${learner}/transfers/preview`, learnerClaims(learner), {
    method: 'POST',
    body: { program: PROGRAM },
  });
}

/** What the calculator shows: grants by rule, savings, what-ifs, the apply button's state. */
function calculatorState(page) {
  return page.evaluate(() => {
    const grants = deepAll('cb-transfer-calculator', '[part="grants"] li').map((li) => ({
      rule: li.dataset.rule,
      credits: Number(li.dataset.credits),
      outcomes: li.dataset.outcomes,
      applied: li.dataset.applied === 'true',
    }));
    const savings = deep('cb-transfer-calculator', '[part="savings"]');
    const apply = deep('cb-transfer-calculator', '[part="apply-button"]');
    return {
      grants,
      savings: savings ? Number(savings.dataset.amount) : null,
      savingsText: savings?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
      whatIfs: deepAll('cb-transfer-calculator', '[data-what-if]').map((li) => li.dataset.whatIf),
      applyDisabled: apply?.getAttribute('aria-disabled') ?? null,
    };
  });
}

/** Waits until the LMS page of `learner` lists the ledger entries `ids`; returns the balance. */
async function lmsShows(learner, ids) {
  const t = await openPage(stack, `lms.html?learner=${learner}`);
  try {
    const shown = await waitFor(
      t.page,
      (ids) => {
        const entries = deepAll('cb-credit-balance', '[part="ledger"] li[data-entry]');
        const found = ids.map((id) => entries.find((li) => li.dataset.entry === id));
        const total = deep('cb-credit-balance', '[part="total"] .value')?.dataset.value;
        return found.every(Boolean) && total
          ? {
              texts: found.map((li) => li.textContent.replace(/\s+/g, ' ').trim()),
              // the rule's kind is shown, its id is the tooltip
              rules: found.map((li) => li.querySelector('.rule')?.title),
              total: Number(total),
            }
          : null;
      },
      ids,
      { what: `the ledger entries ${ids.join(', ')} on the LMS page` },
    );
    t.assertClean();
    return shown;
  } finally {
    await t.close();
  }
}

test('mouse: pick 1+X certificates → what-if and real substitution with savings → apply → LMS ledger', async () => {
  const learner = 'trn-0001';
  const before = await preview(learner);
  assert.ok(before.grants.some((g) => g.rule === RULE && !g.applied));
  const t = await openPage(stack, `course-platform.html?learner=${learner}`);
  try {
    const { page } = t;
    await waitFor(page, (rule) => deep('cb-transfer-calculator', `li[data-rule="${rule}"]`), RULE, {
      what: 'the plan',
    });
    const start = await calculatorState(page);
    assert.equal(start.savings, before.savings.amount);

    // a certificate the archive lacks (Web 前端开发 高级): a what-if substitution, more savings
    const input = page.locator('#certificates input[role="combobox"]');
    await input.click();
    await input.fill('Web');
    await page.locator('#certificates [role="option"]', { hasText: '高级' }).click();
    const whatIf = await waitFor(
      page,
      () => {
        const grant = deep('cb-transfer-calculator', 'li[data-rule="R-CNT-SUB-WEB-S"]');
        const row = deep('cb-transfer-calculator', '[data-what-if]');
        return grant && row
          ? { outcomes: grant.dataset.outcomes, whatIf: row.dataset.whatIf }
          : null;
      },
      undefined,
      { what: 'the what-if substitution R-CNT-SUB-WEB-S' },
    );
    assert.equal(whatIf.outcomes, whatIf.whatIf);
    const withWhatIf = await calculatorState(page);
    assert.ok(withWhatIf.savings > start.savings, `${withWhatIf.savings} > ${start.savings}`);
    assert.equal(withWhatIf.applyDisabled, 'true'); // a plan with a what-if cannot be applied
    assert.ok(await page.locator('#held li[data-what-if="1x-web:senior"]').isVisible());

    // remove it; pick the one the archive holds (中级): the plan counts it, apply is possible
    await page.locator('#certificates [part="chip-remove"]').click();
    await waitFor(
      page,
      () => deepAll('cb-transfer-calculator', '[data-what-if]').length === 0,
      undefined,
      {
        what: 'the what-if removed',
      },
    );
    await input.click();
    await input.fill('Web');
    await page.locator('#certificates [role="option"]', { hasText: '中级' }).click();
    await page.locator('#held li[data-held="1x-web:intermediate"]').waitFor();
    const ready = await calculatorState(page);
    const grant = ready.grants.find((g) => g.rule === RULE);
    assert.ok(grant && !grant.applied);
    assert.equal(grant.credits, before.grants.find((g) => g.rule === RULE).credits);
    assert.equal(ready.savings, before.savings.amount);
    assert.match(ready.savingsText, new RegExp(`${before.savings.amount}`));
    assert.deepEqual(ready.whatIfs, []);
    assert.equal(ready.applyDisabled, 'false');

    await page.locator('cb-transfer-calculator [part="apply-button"]').click();
    const result = await waitFor(
      page,
      () => {
        const section = deep('cb-transfer-calculator', '[part="result"]');
        if (!section) return null;
        return {
          transfer: section.dataset.transfer,
          entries: Array.from(section.querySelectorAll('li[data-entry]'), (li) => ({
            id: li.dataset.entry,
            rule: li.dataset.rule,
          })),
        };
      },
      undefined,
      { what: 'the apply result' },
    );
    const entry = result.entries.find((e) => e.rule === RULE);
    assert.ok(entry, JSON.stringify(result));
    const after = await calculatorState(page);
    await waitFor(
      page,
      (rule) => deep('cb-transfer-calculator', `li[data-rule="${rule}"][data-applied="true"]`),
      RULE,
      {
        what: 'the grant shown as applied',
      },
    );
    assert.ok(after);
    t.assertClean();

    // the server's ledger has it, and the LMS page shows it
    const ledger = await stack.call(`/v1/learners/${learner}/ledger`, learnerClaims(learner));
    assert.ok(ledger.items.some((e) => e.id === entry.id && e.rule === RULE));
    const lms = await lmsShows(learner, [entry.id]);
    assert.equal(lms.rules[0], RULE);
    assert.match(lms.texts[0], /课程置换/);
    const balance = await stack.call(`/v1/learners/${learner}/balance`, learnerClaims(learner));
    assert.equal(lms.total, balance.credits.total);
  } finally {
    await t.close();
  }
});

test('keyboard only: another learner picks the certificate and applies with Tab, arrows and Enter', async () => {
  // a training learner (not trn-0001) with a verified 1+X Web 中级 whose plan has the new grant
  const staff = { tenant: 'training', role: 'staff' };
  const holders = await stack.call('/v1/learners?certificate=1x-web&limit=50', staff);
  let learner = null;
  for (const l of holders.items) {
    if (l.id === 'trn-0001') continue;
    if (!l.certificates.some((c) => c.id === '1x-web' && c.level === 'intermediate')) continue;
    const plan = await preview(l.id);
    if (plan.grants.some((g) => g.rule === RULE && !g.applied)) {
      learner = l.id;
      break;
    }
  }
  assert.ok(learner, 'a second learner with a new R-CNT-SUB-WEB-I grant');
  const before = await preview(learner);

  const t = await openPage(stack, `course-platform.html?learner=${learner}`);
  try {
    const { page } = t;
    await waitFor(page, (rule) => deep('cb-transfer-calculator', `li[data-rule="${rule}"]`), RULE, {
      what: 'the plan',
    });
    const focusIs = (test) =>
      page.evaluate((test) => {
        const el = activeDeep();
        if (!el) return false;
        if (test === 'picker')
          return (
            el.getRootNode().host?.id === 'certificates' && el.getAttribute('role') === 'combobox'
          );
        if (test === 'apply') return el.getAttribute('part') === 'apply-button';
        return false;
      }, test);
    const tabTo = async (test, limit) => {
      for (let i = 0; i < limit; i++) {
        if (await focusIs(test)) return i;
        await page.keyboard.press('Tab');
      }
      throw new Error(`Tab never reached the ${test} in ${limit} presses`);
    };

    await tabTo('picker', 80);
    await page.keyboard.type('Web');
    // as a user would: wait for the results of the search, then arrow into them
    await waitFor(page, () => deepAll('#certificates', '[role="option"]').length >= 3, undefined, {
      what: 'the search results',
    });
    await page.keyboard.press('ArrowDown');
    const activeOption = () =>
      waitFor(
        page,
        () => {
          const input = activeDeep();
          const id = input?.getAttribute('aria-activedescendant');
          return id ? (input.getRootNode().getElementById(id)?.textContent ?? '') : null;
        },
        undefined,
        { what: 'an active option' },
      );
    // the search answers after its debounce; then move down to "Web 前端开发 · 中级"
    for (let i = 0; i < 10; i++) {
      const active = await activeOption();
      if (active.includes('Web') && active.includes('中级')) break;
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.locator('#held li[data-held="1x-web:intermediate"]').waitFor();
    const state = await calculatorState(page);
    assert.ok(state.grants.some((g) => g.rule === RULE && !g.applied));
    assert.equal(state.savings, before.savings.amount);
    assert.equal(state.applyDisabled, 'false');

    await tabTo('apply', 150);
    await page.keyboard.press('Enter');
    const result = await waitFor(
      page,
      () => {
        const section = deep('cb-transfer-calculator', '[part="result"]');
        return section
          ? {
              entries: Array.from(section.querySelectorAll('li[data-entry]'), (li) => ({
                id: li.dataset.entry,
                rule: li.dataset.rule,
              })),
              focused: activeDeep()?.getAttribute('part'),
            }
          : null;
      },
      undefined,
      { what: 'the apply result' },
    );
    assert.equal(result.focused, 'result'); // focus moves to the result for keyboard users
    const entry = result.entries.find((e) => e.rule === RULE);
    assert.ok(entry, JSON.stringify(result));
    t.assertClean();

    const lms = await lmsShows(
      learner,
      result.entries.map((e) => e.id),
    );
    assert.ok(lms.rules.includes(RULE));
  } finally {
    await t.close();
  }
});
