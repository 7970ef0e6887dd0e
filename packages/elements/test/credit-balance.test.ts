import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../dist/cdn/credit-balance.js';
import type { CbCreditBalance } from '../src/credit-balance/credit-balance.component.js';
import type { BalanceResult } from '@creditbank/core/api';
import { api, clearFaults, env, fault, openEmptyAccount, shadow, text, until } from './helpers.js';

const LEARNER = 'trn-0001';
const token = () => env.tokens.learners[LEARNER] as string;

async function mount(
  attrs: {
    learner?: string;
    locale?: string;
    theme?: string;
    variant?: string;
    token?: string;
  } = {},
) {
  const el = await fixture<CbCreditBalance>(
    html`<cb-credit-balance
      base-url=${env.baseUrl}
      token=${attrs.token ?? token()}
      learner=${attrs.learner ?? LEARNER}
      locale=${attrs.locale ?? 'zh-CN'}
      theme=${attrs.theme ?? 'light'}
      variant=${attrs.variant ?? 'full'}
    ></cb-credit-balance>`,
  );
  return el;
}

const settled = (el: CbCreditBalance) =>
  until(() => !shadow(el).querySelector('[part="loading"]'), 'the balance to load');

describe('<cb-credit-balance>', () => {
  afterEach(clearFaults);

  it('shows the banked credits, points and tier the server computes (zh-CN)', async () => {
    const expected = await api.get<BalanceResult>(`/v1/learners/${LEARNER}/balance`);
    const el = await mount();
    await settled(el);
    const total = shadow(el).querySelector('[part="total"] .value');
    expect(total?.getAttribute('data-value')).to.equal(String(expected.credits.total));
    expect(text(el)).to.contain('学分银行账户');
    expect(text(el)).to.contain(`终身学习积分 ${expected.points.total}`);
    expect(text(el)).to.contain(`可用成果 ${expected.usableOutcomes} 项`);
    expect(expected.rejected.length).to.be.greaterThan(0);
    expect(text(el)).to.contain('待核验');
    await expect(el).to.be.accessible();
  });

  it('stops its requests when it leaves the page mid-load, and loads again when it comes back', async () => {
    // the first balance request is held 4 s; the widget leaves and comes back at once
    await fault({ route: 'GET /v1/learners/*/balance', delayMs: 4000, times: 1 });
    const el = await mount();
    await until(() => !!shadow(el).querySelector('[part="loading"]'), 'the loading state');
    const parent = el.parentElement as HTMLElement;
    el.remove();
    parent.append(el);
    const back = Date.now();
    await settled(el);
    // well before the held request could have answered: it was aborted and asked again
    expect(Date.now() - back).to.be.lessThan(2500);
    expect(shadow(el).querySelector('[part="error"]')).to.equal(null);
    expect(shadow(el).querySelector('[part="total"] .value')?.textContent?.trim()).to.match(/\d/);
  });

  it('speaks English and switches locale at run time', async () => {
    const el = await mount({ locale: 'en' });
    await settled(el);
    expect(text(el)).to.contain('Credit bank account');
    expect(text(el)).to.contain('Lifelong learning points');
    el.locale = 'zh-CN';
    await el.updateComplete;
    expect(text(el)).to.contain('学分银行账户');
    await expect(el).to.be.accessible();
  });

  it('lists ledger entries by course title, in the reader language; rejections read well', async () => {
    const ledger = await api.get<{ items: { id: string; courses: string[] }[] }>(
      '/v1/learners/trn-0002/ledger?limit=5',
    );
    const withCourses = ledger.items.find((e) => e.courses.length > 0);
    expect(withCourses).to.not.equal(undefined);
    const el = await mount({
      learner: 'trn-0002',
      token: env.tokens.learners['trn-0002'] as string,
      locale: 'en',
    });
    await settled(el);
    const row = shadow(el).querySelector(`[data-entry="${withCourses?.id}"]`) as HTMLElement;
    // titles, not codes; no Chinese punctuation in English
    for (const code of withCourses?.courses ?? [])
      expect(row.textContent).to.not.contain(`${code}`);
    expect(row.textContent).to.not.match(/[（）、]/);
    // ledger rows name the kind of rule that granted, not its id
    const rows = [...shadow(el).querySelectorAll('[part="ledger"] li')];
    expect(rows.length).to.be.greaterThan(0);
    for (const li of rows) {
      const rule = li.querySelector('.rule');
      expect(rule?.textContent?.trim()).to.match(
        /^(Course substitution|Credit recognition|Non-formal learning conversion|Dual certificate)$/,
      );
      expect(rule?.getAttribute('title')).to.match(/^R-/);
    }
    const badge = shadow(el).querySelector('.badge.warning');
    if (badge)
      expect(badge?.textContent?.replace(/\s+/g, ' ')).to.match(/^ ?Not usable: \d+ [a-z]/);
    el.locale = 'zh-CN';
    await el.updateComplete;
    expect(shadow(el).querySelector('.badge.warning')?.textContent).to.match(/不可用：\S+ \d+ 项/);
    await expect(el).to.be.accessible();
  });

  it('has a dark theme', async () => {
    const light = await mount({ theme: 'light' });
    const dark = await mount({ theme: 'dark' });
    await settled(light);
    await settled(dark);
    const bg = (el: Element) =>
      getComputedStyle(shadow(el).querySelector('[part="base"]') as Element).backgroundColor;
    expect(bg(light)).to.equal('rgb(255, 255, 255)');
    expect(bg(dark)).to.equal('rgb(20, 20, 20)');
    await expect(dark).to.be.accessible();
  });

  it('compact variant: one line of credits and points', async () => {
    const el = await mount({ variant: 'compact' });
    await settled(el);
    expect(shadow(el).querySelector('.compact')).to.not.equal(null);
    expect(shadow(el).querySelector('[part="ledger"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows a skeleton while loading', async () => {
    await fault({ route: 'GET /v1/learners/*/balance', delayMs: 1500, times: 1 });
    const el = await mount();
    await until(() => !!shadow(el).querySelector('[part="loading"]'), 'the skeleton');
    expect(shadow(el).querySelector('[part="loading"]')?.getAttribute('aria-busy')).to.equal(
      'true',
    );
    await expect(el).to.be.accessible();
    await settled(el);
  });

  it('shows an error with a retry that works', async () => {
    await fault({ route: 'GET /v1/learners/*/balance', status: 500, times: 1 });
    const el = await mount();
    await until(() => !!shadow(el).querySelector('[part="error"]'), 'the error state');
    // the error names the widget: two failed widgets on one page are told apart
    expect(text(el)).to.contain('学分银行账户加载失败');
    await expect(el).to.be.accessible();
    const retry = shadow(el).querySelector('[part="retry"]') as HTMLButtonElement;
    retry.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !!shadow(el).querySelector('[part="total"]'), 'the balance after retry');
    // focus goes on to the content, not to the page's body
    await until(() => document.activeElement === el, 'the focus in the widget');
    expect(shadow(el).activeElement).to.equal(shadow(el).querySelector('[part="base"]'));
    await expect(el).to.be.accessible();
  });

  it("says a refused request in the reader's language; the details go to the console", async () => {
    await fault({ route: 'GET /v1/learners/*/balance', status: 400, times: 1 });
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const el = await mount();
      await until(() => !!shadow(el).querySelector('[part="error"]'), 'the error state');
      expect(text(el)).to.contain('学分银行拒绝了这次请求');
      expect(text(el)).to.not.contain('GET /v1');
      expect(warnings.join('\n')).to.contain('/balance');
    } finally {
      console.warn = warn;
    }
  });

  it('after a retry that fails again, focus is on the new retry button', async () => {
    await fault({ route: 'GET /v1/learners/*/balance', status: 500, times: 2 });
    const el = await mount({ locale: 'en' });
    await until(() => !!shadow(el).querySelector('[part="error"]'), 'the error state');
    expect(text(el)).to.contain('Credit bank account: could not load');
    const first = shadow(el).querySelector('[part="retry"]') as HTMLButtonElement;
    first.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => {
      const again = shadow(el).querySelector('[part="retry"]');
      return !!again && again !== first;
    }, 'the second error');
    await until(() => shadow(el).activeElement?.getAttribute('part') === 'retry', 'the focus');
    expect(document.activeElement).to.equal(el);
  });

  it('shows the empty state for a new account', async () => {
    const account = await openEmptyAccount();
    const el = await mount({ learner: account.id, token: account.token });
    await settled(el);
    expect(shadow(el).querySelector('[part="empty"]')).to.not.equal(null);
    expect(text(el)).to.contain('暂无学分转换记录');
    await expect(el).to.be.accessible();
  });

  it('refuses a bad attribute with an error state and a warning naming it', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const el = await mount({ variant: 'huge' });
      expect(text(el)).to.contain('variant');
      expect(warnings.join('\n')).to.contain('variant');
      await expect(el).to.be.accessible();
    } finally {
      console.warn = warn;
    }
  });

  it('refuses a date that is not on the calendar, and counts that are not whole, quoting them', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const el = await fixture<CbCreditBalance>(
        html`<cb-credit-balance
          base-url=${env.baseUrl}
          token=${env.tokens.learners[LEARNER] as string}
          learner=${LEARNER}
          as-of="2026-02-30"
          ledger-limit="abc"
        ></cb-credit-balance>`,
      );
      await el.updateComplete;
      expect(text(el)).to.contain('"2026-02-30" is not a date YYYY-MM-DD');
      expect(text(el)).to.contain('"abc" is not a whole number >= 0');
      // the reason is the developer's English, marked as such inside the Chinese message
      expect(shadow(el).querySelector('[part="error"] [lang="en"]')?.textContent).to.contain(
        'is not a date',
      );
      expect(warnings.join('\n')).to.contain('as-of');
      expect(shadow(el).querySelector('[part="total"]')).to.equal(null);
      el.setAttribute('ledger-limit', '2.5');
      el.setAttribute('as-of', '2026-02-28');
      await el.updateComplete;
      expect(text(el)).to.contain('"2.5" is not a whole number >= 0');
      expect(text(el)).to.not.contain('as-of');
    } finally {
      console.warn = warn;
    }
  });

  it('reloads when cb-ledger-changed reaches it', async () => {
    const el = await mount();
    await settled(el);
    let requests = 0;
    const original = window.fetch;
    window.fetch = (...args) => {
      if (String(args[0] instanceof Request ? args[0].url : args[0]).includes('/balance'))
        requests++;
      return original(...args);
    };
    try {
      window.dispatchEvent(new CustomEvent('cb-ledger-changed', { detail: { learner: LEARNER } }));
      await until(() => requests > 0, 'a reload');
      await settled(el);
    } finally {
      window.fetch = original;
    }
  });
});
