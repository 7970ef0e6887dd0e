import { expect, fixture, html } from '@open-wc/testing';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { sendKeys } from '@web/test-runner-commands';
import '../dist/cdn/course-browser.js';
import type {
  CbCourseBrowser,
  CourseBrowserQuery,
  CourseSelectDetail,
  QueryChangeDetail,
} from '../src/course-browser/course-browser.component.js';
import type { CatalogCourse, CoursePage, CourseQuery } from '@creditbank/core/api';
import { api, clearFaults, env, fault, shadow, text, until } from './helpers.js';

const ROUTE = 'GET /v1/catalog/courses';
const FACETS = ['provider', 'credits', 'level', 'mode', 'fee'] as const;
const token = () => env.tokens.learners['trn-0001'] as string;

interface MountOptions {
  locale?: string;
  theme?: string;
  query?: CourseBrowserQuery;
  pageSize?: number;
}

const template = (o: MountOptions) =>
  html`<cb-course-browser
    base-url=${env.baseUrl}
    token=${token()}
    locale=${o.locale ?? 'zh-CN'}
    theme=${o.theme ?? 'light'}
    .query=${o.query ?? {}}
    page-size=${o.pageSize ?? 50}
  ></cb-course-browser>`;

const mount = (o: MountOptions = {}) => fixture<CbCourseBrowser>(template(o));

/** The widget with a focusable button after it (for Tab and Shift+Tab). */
async function mountWithNeighbour(o: MountOptions = {}) {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div>${template(o)}<button id="after" type="button">after</button></div>`,
  );
  const el = wrapper.querySelector('cb-course-browser') as CbCourseBrowser;
  const after = wrapper.querySelector('#after') as HTMLButtonElement;
  return { el, after };
}

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  shadow(el).querySelector(selector) as T | null;
const grid = (el: Element) => $(el, '[role="treegrid"]') as HTMLElement;
const rows = (el: Element) => [
  ...shadow(el).querySelectorAll<HTMLElement>('[role="row"][data-index]'),
];
const row = (el: Element, index: number) => $(el, `[role="row"][data-index="${index}"]`);
const titleOf = (r: Element) => r.querySelector('.course-title')?.textContent?.trim();
const focused = (el: Element) => shadow(el).activeElement as HTMLElement | null;
const maxPos = (el: Element) =>
  Math.max(0, ...rows(el).map((r) => Number(r.getAttribute('aria-posinset'))));

const settled = (el: Element) =>
  until(
    () =>
      !$(el, '[part="loading"]') &&
      !!($(el, '[role="treegrid"]') || $(el, '[part="empty"]') || $(el, '[part="error"]')),
    'the courses to load',
  );
const rendered = async (el: Element) => {
  await settled(el);
  await until(() => rows(el).length > 0, 'rows to render');
};

function search(query: CourseQuery): Promise<CoursePage> {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, String(v));
  return api.get<CoursePage>(`/v1/catalog/courses?${params}`, token());
}

/** The first `n` courses of a search, page after page by cursor. */
async function firstCourses(query: CourseQuery, n: number): Promise<CatalogCourse[]> {
  const out: CatalogCourse[] = [];
  let cursor: string | undefined;
  while (out.length < n) {
    const page = await search({ ...query, limit: 50, cursor });
    out.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return out;
}

function choose(el: Element, selector: string, value: string) {
  const select = $(el, selector) as HTMLSelectElement;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

function recorder<T>(el: Element, type: string) {
  const seen: T[] = [];
  el.addEventListener(type, (e) => seen.push((e as CustomEvent<T>).detail));
  return seen;
}

const money = (locale: string, amount: number) =>
  new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'CNY',
    currencyDisplay: 'narrowSymbol',
  }).format(amount);

/** The active element is row `index`, the only tab stop of the list. */
function expectRowFocused(el: Element, index: number) {
  const active = focused(el);
  expect(document.activeElement).to.equal(el);
  expect(active?.getAttribute('role')).to.equal('row');
  expect(active?.getAttribute('aria-posinset')).to.equal(String(index + 1));
  expect(active?.getAttribute('tabindex')).to.equal('0');
  expect(grid(el).querySelectorAll('[tabindex="0"]').length).to.equal(1);
}

async function shiftTab() {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
}

async function scrollUntil(el: Element, done: () => boolean, what: string, onStep?: () => void) {
  const list = grid(el);
  const started = Date.now();
  while (!done()) {
    if (Date.now() - started > 15000) throw new Error(`timed out scrolling until ${what}`);
    list.scrollTop = list.scrollHeight;
    await new Promise((r) => setTimeout(r, 60));
    onStep?.();
  }
}

describe('<cb-course-browser>', () => {
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);
  afterEach(clearFaults);

  it('lists the courses and total the server finds for a Chinese title search', async () => {
    const expected = await search({ q: '物流', limit: 50 });
    expect(expected.total).to.be.greaterThan(50);
    const el = await mount({ query: { q: '物流' } });
    await rendered(el);
    expect(text(el)).to.contain('课程超市');
    expect($(el, '[part="summary"]')?.textContent).to.contain(
      `共 ${expected.total.toLocaleString('zh-CN')} 门课程`,
    );
    expect(($(el, '[part="search"]') as HTMLInputElement).value).to.equal('物流');
    for (const r of rows(el)) {
      const index = Number(r.dataset['index']);
      expect(titleOf(r)).to.contain('物流');
      expect(titleOf(r)).to.equal(expected.items[index]?.title);
      expect(r.getAttribute('aria-setsize')).to.equal(String(expected.total));
    }
    const first = expected.items[0] as CatalogCourse;
    const firstRow = row(el, 0) as HTMLElement;
    const rowText = (firstRow.textContent ?? '').replace(/\s+/g, ' ');
    expect(rowText).to.contain(first.providerName as string);
    expect(rowText).to.contain(`${first.credits} 学分`);
    if (first.frameworkLevel !== undefined) {
      expect(rowText).to.contain(`资历框架 ${first.frameworkLevel} 级`);
    }
    expect(firstRow.querySelector('.fee')?.textContent?.trim()).to.equal(
      first.fee === 0 ? '免费' : money('zh-CN', first.fee),
    );
    await expect(el).to.be.accessible();
  });

  it('debounces typing into one query change and one search', async () => {
    const el = await mount();
    await rendered(el);
    const changes = recorder<QueryChangeDetail>(el, 'cb-query-change');
    const expected = await search({ q: '养老', limit: 50 });
    ($(el, '[part="search"]') as HTMLInputElement).focus();
    await sendKeys({ type: '养' });
    await sendKeys({ type: '老' });
    expect(changes).to.have.length(0);
    await until(() => changes.length === 1, 'the debounced query change');
    expect(changes[0]?.query).to.deep.equal({ q: '养老' });
    expect(el.query).to.deep.equal({ q: '养老' });
    await rendered(el);
    expect($(el, '[part="summary"]')?.textContent).to.contain(
      expected.total.toLocaleString('zh-CN'),
    );
    for (const r of rows(el)) expect(titleOf(r)).to.contain('养老');
    await new Promise((r) => setTimeout(r, 400));
    expect(changes).to.have.length(1);
  });

  it('aborts a stale search and shows only the latest one', async () => {
    const el = await mount();
    await rendered(el);
    const signals: AbortSignal[] = [];
    const original = window.fetch;
    window.fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.includes('/v1/catalog/courses')) {
        signals.push(input instanceof Request ? input.signal : (init?.signal as AbortSignal));
      }
      return original(input, init);
    };
    try {
      await fault({ route: ROUTE, delayMs: 1500, times: 1 });
      el.query = { q: '物流' };
      await until(() => signals.length === 1, 'the slow search to start');
      el.query = { q: '养老' };
      await until(() => signals.length === 2, 'the second search to start');
      expect(signals[0]?.aborted).to.equal(true);
      await rendered(el);
      for (const r of rows(el)) expect(titleOf(r)).to.contain('养老');
      await new Promise((r) => setTimeout(r, 1700));
      for (const r of rows(el)) expect(titleOf(r)).to.contain('养老');
    } finally {
      window.fetch = original;
    }
  });

  it('shows every facet with the counts the server computes, and filters by one', async () => {
    const all = await search({ limit: 50 });
    const el = await mount();
    await rendered(el);
    const options = (facet: string) =>
      [...shadow(el).querySelectorAll<HTMLOptionElement>(`select[data-facet="${facet}"] option`)]
        .filter((o) => o.value !== '')
        .map((o) => ({ value: o.value, count: Number(o.dataset['count']) }));
    const counts = (buckets: { value: string; count: number }[]) =>
      buckets.map(({ value, count }) => ({ value, count }));
    for (const facet of FACETS) {
      expect(options(facet), facet).to.deep.equal(counts(all.facets[facet]));
    }
    // providers show the names the server gives, not their ids
    const first = all.facets.provider[0];
    const option = shadow(el).querySelector<HTMLOptionElement>(
      `select[data-facet="provider"] option[value="${first?.value}"]`,
    );
    expect(first?.label).to.be.a('string');
    expect(option?.textContent).to.contain(first?.label);
    // study modes are codes in the seed: shown in words
    const modeText = [...shadow(el).querySelectorAll('select[data-facet="mode"] option')].map((o) =>
      o.textContent?.trim(),
    );
    const online = all.facets.mode.find((b) => b.value === 'online');
    expect(modeText).to.include(`线上（${online?.count.toLocaleString('zh-CN')}）`);
    const feeText = [...shadow(el).querySelectorAll('select[data-facet="fee"] option')].map((o) =>
      o.textContent?.trim(),
    );
    expect(feeText.some((t) => t?.startsWith('免费（'))).to.equal(true);

    const changes = recorder<QueryChangeDetail>(el, 'cb-query-change');
    choose(el, 'select[data-facet="mode"]', 'online');
    expect(changes.map((c) => c.query)).to.deep.equal([{ mode: 'online' }]);
    await rendered(el);
    const filtered = await search({ mode: 'online', limit: 50 });
    expect($(el, '[part="summary"]')?.textContent).to.contain(
      filtered.total.toLocaleString('zh-CN'),
    );
    for (const facet of FACETS) {
      expect(options(facet), `${facet} with mode=online`).to.deep.equal(
        counts(filtered.facets[facet]),
      );
    }
    for (const r of rows(el)) expect(r.textContent).to.contain('线上');
    expect(($(el, 'select[data-facet="mode"]') as HTMLSelectElement).value).to.equal('online');
    await expect(el).to.be.accessible();

    ($(el, '[part="clear"]') as HTMLButtonElement).click();
    expect(changes.at(-1)?.query).to.deep.equal({});
    await rendered(el);
    expect($(el, '[part="clear"]')).to.equal(null);
    // the button went away with the filters: focus is on the first facet, not the body
    await until(() => document.activeElement === el, 'the focus in the widget');
    expect(shadow(el).activeElement).to.equal($(el, 'select[part="facet"]'));
  });

  it('sorts as the server does', async () => {
    const expected = await search({ sort: 'fee-desc', limit: 50 });
    const el = await mount();
    await rendered(el);
    const changes = recorder<QueryChangeDetail>(el, 'cb-query-change');
    choose(el, 'select[part="sort"]', 'fee-desc');
    expect(changes.map((c) => c.query)).to.deep.equal([{ sort: 'fee-desc' }]);
    await rendered(el);
    const fees = rows(el).map((r) => Number(r.querySelector('.fee')?.getAttribute('data-fee')));
    expect(fees.length).to.be.greaterThan(3);
    for (let i = 1; i < fees.length; i++) {
      expect(fees[i]).to.be.at.most(fees[i - 1] as number);
    }
    for (const r of rows(el)) {
      expect(titleOf(r)).to.equal(expected.items[Number(r.dataset['index'])]?.title);
    }
  });

  it('pages by cursor while scrolling and keeps about a screenful of rows in the DOM', async () => {
    const el = await mount();
    await rendered(el);
    const total = (await search({ limit: 1 })).total;
    expect(total).to.equal(3000);
    // the next page is slow once: the loading-more row shows at the end
    await fault({ route: ROUTE, delayMs: 800, times: 1 });
    await scrollUntil(el, () => !!$(el, '[part="loading-more"]'), 'the loading-more row');
    expect(grid(el).getAttribute('aria-busy')).to.equal('true');
    expect($(el, '[part="loading-more"]')?.textContent).to.contain('正在加载更多课程');
    await expect(el).to.be.accessible();

    let most = 0;
    await scrollUntil(
      el,
      () => maxPos(el) > 260,
      'more than 260 courses loaded',
      () => (most = Math.max(most, rows(el).length)),
    );
    expect(most).to.be.greaterThan(5);
    expect(most).to.be.lessThan(60);
    expect(rows(el).length).to.be.lessThan(60);
    expect(row(el, 0)).to.equal(null);

    const courses = await firstCourses({}, maxPos(el));
    for (const r of rows(el)) {
      const index = Number(r.dataset['index']);
      expect(r.getAttribute('aria-posinset')).to.equal(String(index + 1));
      expect(r.getAttribute('aria-setsize')).to.equal(String(total));
      expect(titleOf(r)).to.equal(courses[index]?.title);
      expect(r.dataset['code']).to.equal(courses[index]?.code);
    }
    await expect(el).to.be.accessible();
  });

  it('is one tab stop driven by the keyboard (treegrid, roving tabindex)', async () => {
    const { el, after } = await mountWithNeighbour();
    await rendered(el);
    const selects = recorder<CourseSelectDetail>(el, 'cb-course-select');
    after.focus();
    await shiftTab();
    expectRowFocused(el, 0);
    await sendKeys({ press: 'ArrowDown' });
    expectRowFocused(el, 1);
    await sendKeys({ press: 'ArrowDown' });
    expectRowFocused(el, 2);
    await sendKeys({ press: 'ArrowUp' });
    expectRowFocused(el, 1);

    await sendKeys({ press: 'PageDown' });
    const paged = Number(focused(el)?.getAttribute('aria-posinset')) - 1;
    expect(paged).to.be.greaterThan(3);
    expectRowFocused(el, paged);
    const box = focused(el)?.getBoundingClientRect() as DOMRect;
    const view = grid(el).getBoundingClientRect();
    expect(box.top).to.be.at.least(view.top - 1);
    expect(box.bottom).to.be.at.most(view.bottom + 1);
    await sendKeys({ press: 'PageUp' });
    expectRowFocused(el, 1);

    await sendKeys({ press: 'End' });
    await until(() => focused(el)?.getAttribute('aria-posinset') === '50', 'the last loaded row');
    expectRowFocused(el, 49);
    // near the end: the next page comes by itself
    await until(() => grid(el).getAttribute('aria-busy') === 'false' && !!row(el, 50), 'page 2');
    await sendKeys({ press: 'Home' });
    await until(() => focused(el)?.getAttribute('aria-posinset') === '1', 'the first row');
    expectRowFocused(el, 0);

    await sendKeys({ press: 'ArrowRight' });
    expect(focused(el)?.getAttribute('role')).to.equal('gridcell');
    expect(focused(el)?.closest('[role="row"]')?.getAttribute('aria-posinset')).to.equal('1');
    expect(focused(el)?.getAttribute('tabindex')).to.equal('0');
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el)?.getAttribute('role')).to.equal('gridcell');
    expect(focused(el)?.closest('[role="row"]')?.getAttribute('aria-posinset')).to.equal('2');
    await sendKeys({ press: 'ArrowRight' });
    expect(focused(el)?.localName).to.equal('button');
    expect(focused(el)?.getAttribute('part')).to.equal('add');
    expect(grid(el).querySelectorAll('[tabindex="0"]').length).to.equal(1);
    await sendKeys({ press: 'Enter' });
    const second = titleOf(row(el, 1) as Element);
    expect(selects.map((s) => [s.action, s.course.title])).to.deep.equal([['add', second]]);
    await sendKeys({ press: 'Home' });
    expect(focused(el)?.getAttribute('role')).to.equal('gridcell');
    await sendKeys({ press: 'ArrowLeft' });
    expectRowFocused(el, 1);
    await sendKeys({ press: 'Enter' });
    expect(selects.at(-1)?.action).to.equal('select');
    expect(selects.at(-1)?.course.title).to.equal(second);
    expect(row(el, 1)?.getAttribute('aria-selected')).to.equal('true');
    expect(row(el, 0)?.getAttribute('aria-selected')).to.equal('false');
    expect(el.selected).to.equal(row(el, 1)?.dataset['code']);

    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(after);
    await shiftTab();
    expectRowFocused(el, 1);
    await expect(el).to.be.accessible();
  });

  it('keeps the focused row when it scrolls out of the DOM and back', async () => {
    const { el, after } = await mountWithNeighbour();
    await rendered(el);
    after.focus();
    await shiftTab();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expectRowFocused(el, 2);

    const list = grid(el);
    list.scrollTop = 2600;
    await until(() => !row(el, 2), 'row 3 to leave the DOM');
    // focus stays in the list, on the list itself, never on the page body
    expect(document.activeElement).to.equal(el);
    expect(focused(el)).to.equal(list);
    expect(list.getAttribute('tabindex')).to.equal('0');
    await expect(el).to.be.accessible();

    list.scrollTop = 0;
    await until(() => focused(el) === row(el, 2), 'row 3 to get focus back');
    expectRowFocused(el, 2);

    // a key while parked moves from the kept position and scrolls it into view
    list.scrollTop = 2600;
    await until(() => !row(el, 2), 'row 3 to leave the DOM again');
    await sendKeys({ press: 'ArrowDown' });
    await until(() => focused(el) === row(el, 3), 'row 4 focused');
    expectRowFocused(el, 3);
  });

  it('raises cb-course-select on a click (select) and on the add button (add)', async () => {
    const el = await mount();
    await rendered(el);
    const selects = recorder<CourseSelectDetail>(el, 'cb-course-select');
    const first = row(el, 0) as HTMLElement;
    (first.querySelector('.course-title') as HTMLElement).click();
    (row(el, 2)?.querySelector('[part="add"]') as HTMLButtonElement).click();
    expect(selects.map((s) => [s.action, s.course.code])).to.deep.equal([
      ['select', first.dataset['code']],
      ['add', row(el, 2)?.dataset['code']],
    ]);
    expect(selects[0]?.course.title).to.equal(titleOf(first));
    await el.updateComplete;
    expect(first.getAttribute('aria-selected')).to.equal('true');
  });

  it('reads and sets the query as a property; user changes raise cb-query-change', async () => {
    const el = await mount();
    await rendered(el);
    const changes = recorder<QueryChangeDetail>(el, 'cb-query-change');
    const query: CourseBrowserQuery = { q: '汽车', mode: 'online', sort: 'credits-desc' };
    el.query = query;
    expect(el.query).to.deep.equal(query);
    await el.updateComplete;
    await rendered(el);
    expect(changes).to.have.length(0);
    expect(($(el, '[part="search"]') as HTMLInputElement).value).to.equal('汽车');
    expect(($(el, 'select[part="sort"]') as HTMLSelectElement).value).to.equal('credits-desc');
    expect(($(el, 'select[data-facet="mode"]') as HTMLSelectElement).value).to.equal('online');
    const expected = await search({ ...query, limit: 50 });
    expect($(el, '[part="summary"]')?.textContent).to.contain(
      expected.total.toLocaleString('zh-CN'),
    );
    expect(titleOf(row(el, 0) as Element)).to.equal(expected.items[0]?.title);

    choose(el, 'select[data-facet="level"]', String(expected.facets.level[0]?.value));
    const level = Number(expected.facets.level[0]?.value);
    expect(changes.map((c) => c.query)).to.deep.equal([{ ...query, level }]);
    expect(el.query).to.deep.equal({ ...query, level });
    await rendered(el);
    const narrowed = await search({ ...query, level, limit: 50 });
    expect($(el, '[part="summary"]')?.textContent).to.contain(
      narrowed.total.toLocaleString('zh-CN'),
    );

    el.query = {};
    await el.updateComplete;
    expect(($(el, '[part="search"]') as HTMLInputElement).value).to.equal('');
    await rendered(el);
    expect($(el, '[part="summary"]')?.textContent).to.contain('3,000');
    expect(changes).to.have.length(1);
  });

  for (const [locale, theme] of [
    ['zh-CN', 'light'],
    ['en', 'dark'],
  ] as const) {
    it(`shows a skeleton while loading (${locale}, ${theme})`, async () => {
      await fault({ route: ROUTE, delayMs: 1500, times: 1 });
      const el = await mount({ locale, theme });
      await until(() => !!$(el, '[part="loading"]'), 'the skeleton');
      expect($(el, '[part="loading"]')?.getAttribute('aria-busy')).to.equal('true');
      expect(text(el)).to.contain(locale === 'en' ? 'Loading' : '加载中');
      await expect(el).to.be.accessible();
      await rendered(el);
    });

    it(`shows an error with a retry that works (${locale}, ${theme})`, async () => {
      await fault({ route: ROUTE, status: 500, times: 1 });
      const el = await mount({ locale, theme });
      await until(() => !!$(el, '[part="error"]'), 'the error state');
      expect(text(el)).to.contain(
        locale === 'en' ? 'Course supermarket: could not load' : '课程超市加载失败',
      );
      await expect(el).to.be.accessible();
      ($(el, '[part="retry"]') as HTMLButtonElement).click();
      await rendered(el);
    });

    it(`shows the empty state when nothing matches (${locale}, ${theme})`, async () => {
      const el = await mount({ locale, theme, query: { q: '没有这样的课程名称' } });
      await settled(el);
      expect($(el, '[part="empty"]')).to.not.equal(null);
      expect(text(el)).to.contain(locale === 'en' ? 'No course matches' : '没有符合条件的课程');
      await expect(el).to.be.accessible();
    });
  }

  it('retries a failed next page from the end of the list', async () => {
    const el = await mount();
    await rendered(el);
    await fault({ route: ROUTE, status: 500, times: 1 });
    await scrollUntil(el, () => !!$(el, '[part="more-error"]'), 'the next-page error');
    expect($(el, '[part="more-error"]')?.textContent).to.contain('更多课程加载失败');
    await expect(el).to.be.accessible();
    ($(el, '[part="more-error"] button') as HTMLButtonElement).click();
    await scrollUntil(el, () => maxPos(el) > 60, 'page 2 after the retry');
    expect($(el, '[part="more-error"]')).to.equal(null);
  });

  it('picks up a next page cut off by moving the element in the page', async () => {
    const el = await mount();
    await rendered(el);
    await fault({ route: ROUTE, delayMs: 1000, times: 1 });
    await scrollUntil(el, () => !!$(el, '[part="loading-more"]'), 'the loading-more row');
    const parent = el.parentElement as HTMLElement;
    el.remove();
    parent.append(el);
    await scrollUntil(el, () => maxPos(el) > 60, 'page 2 after the move');
    expect($(el, '[part="more-error"]')).to.equal(null);
  });

  it('speaks English, formats fees in CNY, and switches locale at run time', async () => {
    const expected = await search({ limit: 50 });
    const el = await mount({ locale: 'en' });
    await rendered(el);
    expect(text(el)).to.contain('Course supermarket');
    expect($(el, '[part="summary"]')?.textContent).to.contain('3,000 courses');
    const modes = [...shadow(el).querySelectorAll('select[data-facet="mode"] option')].map((o) =>
      o.textContent?.trim(),
    );
    expect(modes.some((t) => t?.startsWith('Online ('))).to.equal(true);
    const paid = rows(el).find(
      (r) => Number(r.querySelector('.fee')?.getAttribute('data-fee')) > 0,
    );
    const course = expected.items[Number(paid?.dataset['index'])] as CatalogCourse;
    expect(paid?.querySelector('.fee')?.textContent?.trim()).to.equal(money('en', course.fee));
    expect(paid?.querySelector('[part="add"]')?.textContent).to.contain('Add');
    await expect(el).to.be.accessible();
    el.locale = 'zh-CN';
    await el.updateComplete;
    await rendered(el);
    expect(text(el)).to.contain('课程超市');
    await expect(el).to.be.accessible();
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`has a ${theme} theme`, async () => {
      const el = await mount({ theme });
      await rendered(el);
      const bg = (selector: string) => getComputedStyle($(el, selector) as Element).backgroundColor;
      const expected = theme === 'dark' ? 'rgb(20, 20, 20)' : 'rgb(255, 255, 255)';
      expect(bg('[part="base"]')).to.equal(expected);
      expect(bg('[part="row"]')).to.equal(expected);
      expect(bg('[part="search"]')).to.equal(expected);
      await expect(el).to.be.accessible();
    });
  }

  it('refuses a bad attribute or query with an error state and a warning naming it', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const el = await mount({ pageSize: 0 });
      expect(text(el)).to.contain('page-size');
      expect(warnings.join('\n')).to.contain('page-size');
      await expect(el).to.be.accessible();
      const bad = await mount({ query: { sort: 'cheapest' as CourseBrowserQuery['sort'] } });
      expect(text(bad)).to.contain('query.sort');
      expect(warnings.join('\n')).to.contain('query.sort');
      await expect(bad).to.be.accessible();
    } finally {
      console.warn = warn;
    }
  });
});
