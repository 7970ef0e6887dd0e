import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ArchiveEntry } from '@creditbank/core/api';
import '../dist/cdn/learning-record.js';
import type { CbLearningRecord } from '../src/learning-record/learning-record.js';
import type { OutcomeSelectDetail } from '../src/learning-record/learning-record.component.js';
import { api, clearFaults, env, fault, openEmptyAccount, shadow, text, until } from './helpers.js';

const token = (learner: string) => env.tokens.learners[learner] as string;

interface MountOptions {
  learner?: string;
  token?: string;
  locale?: string;
  theme?: string;
  asOf?: string | null;
  filter?: string;
}

async function mount(o: MountOptions = {}) {
  const learner = o.learner ?? 'trn-0001';
  const el = await fixture<CbLearningRecord>(
    html`<cb-learning-record
      base-url=${env.baseUrl}
      token=${o.token ?? token(learner)}
      learner=${learner}
      locale=${o.locale ?? 'zh-CN'}
      theme=${o.theme ?? 'light'}
    ></cb-learning-record>`,
  );
  const asOf = o.asOf === undefined ? env.today : o.asOf;
  if (asOf !== null) el.setAttribute('as-of', asOf);
  if (o.filter !== undefined) el.setAttribute('filter', o.filter);
  await el.updateComplete;
  return el;
}

const settled = (el: CbLearningRecord) =>
  until(() => !shadow(el).querySelector('[part="loading"]'), 'the archive to load');

const loaded = async (el: CbLearningRecord) => {
  await until(() => !!shadow(el).querySelector('[part="base"]'), 'the timeline');
};

/** The entry of an outcome whose text contains `needle`. */
function entry(el: Element, needle: string): HTMLElement {
  const found = [...shadow(el).querySelectorAll<HTMLElement>('[part="entry"]')].find((li) =>
    (li.textContent ?? '').includes(needle),
  );
  if (!found) throw new Error(`no entry with "${needle}"`);
  return found;
}

const badge = (li: Element) => li.querySelector('[part="badge"]')?.textContent?.trim();
const entryText = (li: Element) => (li.textContent ?? '').replace(/\s+/g, ' ').trim();
const background = (el: Element, part: string) =>
  getComputedStyle(shadow(el).querySelector(`[part="${part}"]`) as Element).backgroundColor;

const COMBOS = [
  { locale: 'zh-CN', theme: 'light' },
  { locale: 'zh-CN', theme: 'dark' },
  { locale: 'en', theme: 'light' },
  { locale: 'en', theme: 'dark' },
] as const;

describe('<cb-learning-record>', () => {
  afterEach(clearFaults);

  it('shows trn-0001 outcomes with their badges, key figures and evidence (zh-CN)', async () => {
    const el = await mount();
    await loaded(el);
    const bim = entry(el, 'BIM-2026-000004');
    expect(bim.dataset.status).to.equal('pending');
    expect(badge(bim)).to.equal('待核验');
    expect(entryText(bim)).to.contain('证书');
    expect(entryText(bim)).to.contain('初级');
    const web = entry(el, 'WEB-2025-000001');
    expect(web.dataset.status).to.equal('verified');
    expect(badge(web)).to.equal('已认证');
    expect(entryText(web)).to.contain('中级');
    expect(entryText(web)).to.contain('Web 前端开发');
    const course = entry(el, '成绩 82');
    expect(course.dataset.kind).to.equal('course');
    expect(entryText(course)).to.contain('3 学分');
    expect(entryText(course)).to.contain('课程');
    expect(entryText(course)).to.contain('国家开放大学');
    expect(entryText(course)).to.contain('成绩单');
    const online = entry(el, '在线学习');
    expect(online.dataset.kind).to.equal('nonformal');
    expect(entryText(online)).to.contain('60 学时');
    expect(entryText(online)).to.contain('非学历学习');
    expect(entryText(entry(el, '400 学时'))).to.contain('职业经历');
    expect(text(el)).to.contain('学习档案');
    expect(text(el)).to.contain('共 6 项成果');
    await expect(el).to.be.accessible();
  });

  it('loads the archive once and does not fetch again on re-render', async () => {
    const original = window.fetch;
    let requests = 0;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      if (new Request(input, init).url.endsWith('/outcomes')) requests++;
      return original(input, init);
    };
    try {
      const el = await mount();
      await loaded(el);
      el.filter = 'course';
      el.asOf = '2025-01-01';
      await el.updateComplete;
      await new Promise((r) => setTimeout(r, 300));
      expect(requests).to.equal(1);
      el.refresh();
      await until(() => requests === 2, 'the refresh');
      await loaded(el);
    } finally {
      window.fetch = original;
    }
  });

  it('groups by year, newest first, in ordered lists under headings', async () => {
    const el = await mount();
    await loaded(el);
    const root = shadow(el);
    expect(root.querySelector('h2')?.textContent).to.contain('学习档案');
    const timeline = root.querySelector('ol[part="timeline"]') as HTMLOListElement;
    expect(timeline.getAttribute('aria-labelledby')).to.equal('title');
    const years = [...timeline.querySelectorAll(':scope > li')].map(
      (li) => (li as HTMLElement).dataset.year,
    );
    expect(years).to.deep.equal(['2026', '2025', '2024', '2023']);
    const year2025 = timeline.querySelector('[data-year="2025"]') as HTMLElement;
    expect(year2025.querySelector('h3')?.textContent?.trim()).to.equal('2025 年');
    const list = year2025.querySelector('ol') as HTMLOListElement;
    expect(list.getAttribute('aria-labelledby')).to.equal('y-2025');
    const dates = [...list.querySelectorAll('time')].map((t) => t.getAttribute('datetime'));
    expect(dates).to.deep.equal(['2025-12-31', '2025-09-30', '2025-06-20']);
    for (const li of root.querySelectorAll('[part="entry"]')) {
      expect(li.querySelector('h4 button')).to.not.equal(null);
    }
  });

  it('badges trn-0002 revoked certificate with its reason', async () => {
    const el = await mount({ learner: 'trn-0002' });
    await loaded(el);
    const revoked = entry(el, 'LGO-2023-000003');
    expect(revoked.dataset.status).to.equal('revoked');
    expect(badge(revoked)).to.equal('已撤销');
    expect(entryText(revoked)).to.contain('发证机构通报撤销该证书');
    // the level as the catalog names it (the archive's levelNames), not the built-in 四级
    expect(entryText(revoked)).to.contain('四级/中级工');
    expect(badge(entry(el, 'LOG-2023-000002'))).to.equal('已认证');
    expect(entryText(entry(el, '240 学时'))).to.contain('实习实践');
    await expect(el).to.be.accessible();
    el.locale = 'en';
    await el.updateComplete;
    expect(entryText(entry(el, 'LGO-2023-000003'))).to.contain('Level 4 (intermediate worker)');
  });

  it('badges an expired certificate with the core certify on the as-of date', async () => {
    const el = await mount({ learner: 'ent-0002' });
    await loaded(el);
    const old = entry(el, 'ELEC-2016-000008');
    expect(old.dataset.status).to.equal('expired');
    expect(badge(old)).to.equal('已过期');
    expect(entryText(old)).to.contain('有效期至');
    expect(badge(entry(el, 'PTQM-2026-000011'))).to.equal('待核验');
    await expect(el).to.be.accessible();
    el.asOf = '2020-01-01';
    await el.updateComplete;
    expect(entry(el, 'ELEC-2016-000008').dataset.status).to.equal('verified');
    expect(entry(el, 'WELD-2020-000009').dataset.status).to.equal('future');
    expect(badge(entry(el, 'WELD-2020-000009'))).to.equal('未生效');
    await expect(el).to.be.accessible();
  });

  it("decides on the server's date when as-of is not given", async () => {
    // the test server's clock is fixed at env.today, a day before the browser's
    expect(env.today).to.not.equal(new Date().toISOString().slice(0, 10));
    const el = await mount({ learner: 'ent-0002', asOf: null });
    await loaded(el);
    const expected = new Intl.DateTimeFormat('zh-CN', {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${env.today}T00:00:00Z`));
    expect(text(el)).to.contain(`截至 ${expected}`);
    expect(entry(el, 'ELEC-2016-000008').dataset.status).to.equal('expired');
  });

  for (const { locale, theme } of COMBOS) {
    it(`success state in ${locale}, ${theme} theme`, async () => {
      const el = await mount({ locale, theme });
      await loaded(el);
      const en = locale === 'en';
      expect(text(el)).to.contain(en ? 'Learning record' : '学习档案');
      expect(badge(entry(el, 'BIM-2026-000004'))).to.equal(en ? 'Pending verification' : '待核验');
      expect(badge(entry(el, 'WEB-2025-000001'))).to.equal(en ? 'Verified' : '已认证');
      expect(entryText(entry(el, 'WEB-2025-000001'))).to.contain(en ? 'Intermediate' : '中级');
      // titles the archive built come in the locale; no bracket inside a bracket
      const title = (li: Element) => li.querySelector('[part="entry-button"]')?.textContent?.trim();
      expect(title(entry(el, 'WEB-2025-000001'))).to.equal(
        en ? 'Web 前端开发 · Intermediate' : 'Web 前端开发 · 中级',
      );
      expect(title(entry(el, 'BIM-2026-000004'))).to.equal(
        en ? '建筑信息模型（BIM）· Junior' : '建筑信息模型（BIM）· 初级',
      );
      expect(title(entry(el, '60'))).to.match(
        en ? /^Online learning · [\d,]+ hours$/ : /^在线学习 · [\d,]+ 学时$/,
      );
      expect(entryText(entry(el, '60'))).to.contain(en ? 'Online learning' : '在线学习');
      expect(entryText(entry(el, '400'))).to.contain(en ? 'Work experience' : '职业经历');
      expect(entryText(entry(el, '82'))).to.contain(en ? '3 credits' : '3 学分');
      expect(text(el)).to.contain(en ? 'Non-formal learning' : '非学历学习');
      expect(shadow(el).querySelector('[part="base"]')?.getAttribute('lang')).to.equal(locale);
      expect(background(el, 'base')).to.equal(
        theme === 'dark' ? 'rgb(20, 20, 20)' : 'rgb(255, 255, 255)',
      );
      await expect(el).to.be.accessible();
    });

    it(`loading state in ${locale}, ${theme} theme`, async () => {
      await fault({ route: 'GET /v1/learners/*/outcomes', delayMs: 1500, times: 1 });
      const el = await mount({ locale, theme });
      const skeleton = () => shadow(el).querySelector('[part="loading"]');
      await until(() => !!skeleton(), 'the skeleton');
      expect(skeleton()?.getAttribute('aria-busy')).to.equal('true');
      expect(skeleton()?.getAttribute('lang')).to.equal(locale);
      expect(text(el)).to.contain(locale === 'en' ? 'Loading' : '加载中');
      expect(el.dataset.cbTheme).to.equal(theme);
      expect(getComputedStyle(el).colorScheme).to.equal(theme);
      await expect(el).to.be.accessible();
      await settled(el);
      await loaded(el);
    });

    it(`error state with a working retry in ${locale}, ${theme} theme`, async () => {
      await fault({ route: 'GET /v1/learners/*/outcomes', status: 500, times: 1 });
      const el = await mount({ locale, theme });
      await until(() => !!shadow(el).querySelector('[part="error"]'), 'the error state');
      expect(text(el)).to.contain(
        locale === 'en' ? 'Learning record: could not load' : '学习档案加载失败',
      );
      expect(background(el, 'error')).to.equal(
        theme === 'dark' ? 'rgb(20, 20, 20)' : 'rgb(255, 255, 255)',
      );
      await expect(el).to.be.accessible();
      (shadow(el).querySelector('[part="retry"]') as HTMLButtonElement).click();
      await loaded(el);
      expect(entry(el, 'WEB-2025-000001').dataset.status).to.equal('verified');
    });

    it(`empty state for a new account in ${locale}, ${theme} theme`, async () => {
      const account = await openEmptyAccount();
      const el = await mount({ learner: account.id, token: account.token, locale, theme });
      await until(() => !!shadow(el).querySelector('[part="empty"]'), 'the empty state');
      expect(text(el)).to.contain(locale === 'en' ? 'No learning outcomes yet' : '暂无学习成果');
      expect(background(el, 'empty')).to.equal(
        theme === 'dark' ? 'rgb(20, 20, 20)' : 'rgb(255, 255, 255)',
      );
      await expect(el).to.be.accessible();
    });
  }

  it('filters by the filter attribute (status and kind)', async () => {
    const el = await mount({ filter: 'certificate' });
    await loaded(el);
    const kinds = () =>
      [...shadow(el).querySelectorAll<HTMLElement>('[part="entry"]')].map((li) => li.dataset.kind);
    expect(kinds()).to.deep.equal(['certificate', 'certificate']);
    el.filter = 'pending';
    await el.updateComplete;
    const entries = shadow(el).querySelectorAll<HTMLElement>('[part="entry"]');
    expect(entries.length).to.equal(1);
    expect(entryText(entries[0] as HTMLElement)).to.contain('BIM-2026-000004');
    el.filter = 'verified nonformal';
    await el.updateComplete;
    expect(kinds()).to.deep.equal(['nonformal', 'nonformal']);
    el.filter = 'revoked';
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="timeline"]')).to.equal(null);
    expect(text(el)).to.contain('没有符合筛选条件的成果');
    await expect(el).to.be.accessible();
  });

  it('filters with the labelled selects and reflects the choice to the filter attribute', async () => {
    const el = await mount();
    await loaded(el);
    const status = shadow(el).querySelector('#status-filter') as HTMLSelectElement;
    const kind = shadow(el).querySelector('#kind-filter') as HTMLSelectElement;
    expect(status.labels?.[0]?.textContent).to.contain('状态');
    expect(kind.labels?.[0]?.textContent).to.contain('类型');
    kind.value = 'course';
    kind.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(el.getAttribute('filter')).to.equal('course');
    const entries = () => [...shadow(el).querySelectorAll<HTMLElement>('[part="entry"]')];
    expect(entries().map((li) => li.dataset.kind)).to.deep.equal(['course', 'course']);
    status.value = 'pending';
    status.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(el.getAttribute('filter')).to.equal('pending course');
    expect(entries()).to.have.length(0);
    kind.value = '';
    kind.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(el.getAttribute('filter')).to.equal('pending');
    expect(entries().map((li) => li.dataset.status)).to.deep.equal(['pending']);
    status.value = '';
    status.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(el.hasAttribute('filter')).to.equal(false);
    expect(entries()).to.have.length(6);
  });

  it('emits a typed cb-outcome-select on click, Enter and Space', async () => {
    const el = await mount();
    await loaded(el);
    const events: OutcomeSelectDetail[] = [];
    el.addEventListener('cb-outcome-select', (event) => events.push(event.detail));
    const web = entry(el, 'WEB-2025-000001');
    const button = web.querySelector('button') as HTMLButtonElement;
    button.click();
    expect(events).to.have.length(1);
    expect(events[0]?.entry.outcome.id).to.equal(web.dataset.outcome);
    expect(events[0]?.status).to.equal('verified');

    button.focus();
    expect(shadow(el).activeElement).to.equal(button);
    await sendKeys({ press: 'Enter' });
    expect(events).to.have.length(2);
    const bimButton = entry(el, 'BIM-2026-000004').querySelector('button') as HTMLButtonElement;
    // Shift+Tab goes back along the timeline: the entry above the Web certificate.
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(shadow(el).activeElement).to.equal(entry(el, '60 学时').querySelector('button'));
    bimButton.focus();
    await sendKeys({ press: 'Space' });
    expect(events).to.have.length(3);
    expect(events[2]?.status).to.equal('pending');
    expect(events[2]?.entry.title).to.contain('建筑信息模型');
  });

  it('reaches every entry with Tab in timeline order', async () => {
    const el = await mount();
    await loaded(el);
    const kind = shadow(el).querySelector('#kind-filter') as HTMLSelectElement;
    kind.focus();
    expect(shadow(el).activeElement).to.equal(kind);
    const buttons = [...shadow(el).querySelectorAll('[part="entry-button"]')];
    for (const button of buttons) {
      await sendKeys({ press: 'Tab' });
      expect(shadow(el).activeElement).to.equal(button);
    }
  });

  it('links evidence with an http(s) address only', async () => {
    const account = await openEmptyAccount('证据测试');
    await api.post(`/v1/learners/${account.id}/outcomes`, {
      outcome: {
        kind: 'nonformal',
        earnedOn: '2026-03-01',
        nonformal: { category: 'volunteering', hours: 40 },
      },
      issuer: '社区志愿服务站',
      evidence: [
        { kind: 'link', label: '志愿服务证明', url: 'https://example.org/proof/1' },
        { kind: 'document', label: '服务记录表' },
      ],
    });
    const el = await mount({ learner: account.id, token: account.token });
    await loaded(el);
    const li = entry(el, '40 学时');
    expect(entryText(li)).to.contain('志愿服务');
    expect(li.dataset.status).to.equal('pending');
    const links = () => [...shadow(el).querySelectorAll<HTMLAnchorElement>('[part="evidence"] a')];
    expect(links().map((a) => a.href)).to.deep.equal(['https://example.org/proof/1']);
    expect(links()[0]?.rel).to.contain('noopener');
    expect(links()[0]?.target).to.equal('_blank');
    expect(entryText(li)).to.contain('服务记录表');
    await expect(el).to.be.accessible();

    // A host's own client (another server) answering a script address: shown, never linked.
    const archive = await api.get<{ items: ArchiveEntry[] }>(
      `/v1/learners/${account.id}/outcomes`,
      account.token,
    );
    const first = archive.items[0] as ArchiveEntry;
    const evidence = [
      ...first.evidence,
      { kind: 'link', label: '可疑链接', url: 'javascript:alert(1)' },
    ];
    el.client = {
      request: async <T>() => ({ items: [{ ...first, evidence }] }) as T,
      invalidate: () => undefined,
    };
    await until(() => text(el).includes('可疑链接'), 'the host client answer');
    expect(links().map((a) => a.href)).to.deep.equal(['https://example.org/proof/1']);
  });

  it('refuses bad attributes with an error state and a warning naming each', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const bad = await mount({ filter: 'archived' });
      expect(shadow(bad).querySelector('[part="error"]')).to.not.equal(null);
      expect(text(bad)).to.contain('filter');
      expect(warnings.join('\n')).to.contain('<cb-learning-record> filter');
      await expect(bad).to.be.accessible();

      const twoKinds = await mount({ filter: 'course certificate' });
      expect(text(twoKinds)).to.contain('filter');

      const date = await mount({ asOf: '2026-02-30' });
      expect(text(date)).to.contain('as-of');
      expect(warnings.join('\n')).to.contain('<cb-learning-record> as-of');

      const none = await fixture<CbLearningRecord>(
        html`<cb-learning-record base-url=${env.baseUrl}></cb-learning-record>`,
      );
      expect(text(none)).to.contain('learner');
      expect(warnings.join('\n')).to.contain('<cb-learning-record> learner');
      await expect(none).to.be.accessible();
    } finally {
      console.warn = warn;
    }
  });
});
