import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { nothing } from 'lit';
import '../dist/cdn/certificate-picker.js';
import type {
  CbCertificatePicker,
  CertificatesChangedDetail,
  CertificateSelection,
} from '../src/certificate-picker/certificate-picker.component.js';
import type {} from '../src/certificate-picker/certificate-picker.js';
import type { CertificatePage } from '@creditbank/core/api';
import { api, clearFaults, env, fault, shadow, text, until } from './helpers.js';

const token = () => env.tokens.learners['trn-0001'] as string;

interface Attrs {
  locale?: string;
  theme?: string;
  multiple?: boolean;
  withLevel?: boolean;
  category?: string;
  level?: string;
  value?: string;
  name?: string;
  required?: boolean;
}

async function mount(attrs: Attrs = {}) {
  return fixture<CbCertificatePicker>(
    html`<cb-certificate-picker
      base-url=${env.baseUrl}
      token=${token()}
      locale=${attrs.locale ?? 'zh-CN'}
      theme=${attrs.theme ?? 'light'}
      name=${attrs.name ?? 'certificate'}
      category=${attrs.category ?? nothing}
      level=${attrs.level ?? nothing}
      value=${attrs.value ?? nothing}
      ?multiple=${attrs.multiple ?? false}
      ?with-level=${attrs.withLevel ?? false}
      ?required=${attrs.required ?? false}
    ></cb-certificate-picker>`,
  );
}

const root = (el: CbCertificatePicker) => shadow(el);
const input = (el: CbCertificatePicker) => root(el).querySelector('input') as HTMLInputElement;
const options = (el: CbCertificatePicker) =>
  Array.from(root(el).querySelectorAll<HTMLElement>('[role="option"]'));
const optionNames = (el: CbCertificatePicker) =>
  options(el).map((o) => (o.querySelector('.name')?.textContent ?? '').trim());
const chips = (el: CbCertificatePicker) =>
  Array.from(root(el).querySelectorAll<HTMLElement>('[part="chip"]'));
const chipButtons = (el: CbCertificatePicker) =>
  Array.from(root(el).querySelectorAll<HTMLButtonElement>('[part="chip-remove"]'));
const chipTexts = (el: CbCertificatePicker) =>
  chips(el).map((c) => (c.querySelector('span')?.textContent ?? '').trim());
const activeId = (el: CbCertificatePicker) => input(el).getAttribute('aria-activedescendant');
const activeText = (el: CbCertificatePicker) =>
  (
    root(el)
      .getElementById(activeId(el) ?? '')
      ?.querySelector('.name')?.textContent ?? ''
  ).trim();
const expanded = (el: CbCertificatePicker) => input(el).getAttribute('aria-expanded') === 'true';
const live = (el: CbCertificatePicker) =>
  (root(el).querySelector('[role="status"]')?.textContent ?? '').trim();
const part = (el: CbCertificatePicker, name: string) =>
  root(el).querySelector<HTMLElement>(`[part="${name}"]`);
const popupVisible = (el: CbCertificatePicker) =>
  !(root(el).querySelector('.popup') as HTMLElement).hidden;

/** Waits until the open drop-down shows the answer of the server (options, empty or error). */
const answered = (el: CbCertificatePicker) =>
  until(
    () =>
      popupVisible(el) &&
      !part(el, 'loading') &&
      (options(el).length > 0 || !!part(el, 'empty') || !!part(el, 'error')),
    'the search answer',
  );

/** Focus stays in the input: the document sees the host, the shadow root the input. */
function expectInputFocused(el: CbCertificatePicker) {
  expect(document.activeElement).to.equal(el);
  expect(root(el).activeElement).to.equal(input(el));
}

/** Types a new query (replacing any text in the input) and waits for the answer. */
async function typeQuery(el: CbCertificatePicker, query: string) {
  input(el).focus();
  input(el).select();
  await sendKeys({ type: query });
  await answered(el);
}

async function press(key: string) {
  await sendKeys({ press: key });
}

/** Waits for the picker to settle after a key (one render). */
async function settle(el: CbCertificatePicker) {
  await el.updateComplete;
}

/** Real pointer click in the middle of an element. */
async function click(element: Element) {
  const box = element.getBoundingClientRect();
  await sendMouse({
    type: 'click',
    position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)],
  });
}

describe('<cb-certificate-picker>', () => {
  afterEach(clearFaults);

  describe('search', () => {
    it('starts closed and sends no request before the user asks', async () => {
      const el = await mount();
      expect(expanded(el)).to.equal(false);
      expect(popupVisible(el)).to.equal(false);
      expect(input(el).getAttribute('role')).to.equal('combobox');
      expect(input(el).getAttribute('aria-controls')).to.equal('listbox');
      expect(input(el).getAttribute('aria-autocomplete')).to.equal('list');
      expect(input(el).hasAttribute('aria-activedescendant')).to.equal(false);
      expect(input(el).getAttribute('aria-label')).to.equal('证书');
      await expect(el).to.be.accessible();
    });

    it('typing filters the results from the server: "Web" finds Web 前端开发', async () => {
      const el = await mount();
      await typeQuery(el, 'Web');
      expect(optionNames(el)).to.deep.equal(['Web 前端开发']);
      expect(text(el)).to.contain('1+X 职业技能等级');
      expect(live(el)).to.equal('找到 1 个证书');
      expect(expanded(el)).to.equal(true);
      await expect(el).to.be.accessible();

      // typing on narrows or widens through the server again
      input(el).select();
      await sendKeys({ type: '电' });
      await until(() => optionNames(el).includes('电工'), 'the 电 results');
      expect(optionNames(el)).to.not.include('Web 前端开发');
    });

    it('debounces typing and aborts the previous request when the query changes', async () => {
      await fault({ route: 'GET /v1/catalog/certificates', delayMs: 1500, times: 1 });
      const signals: { url: string; signal: AbortSignal }[] = [];
      const original = window.fetch;
      window.fetch = (resource, init) => {
        const request = resource instanceof Request ? resource : null;
        const url = request?.url ?? String(resource);
        if (url.includes('/v1/catalog/certificates')) {
          signals.push({ url, signal: (init?.signal ?? request?.signal) as AbortSignal });
        }
        return original(resource, init);
      };
      try {
        const el = await mount();
        input(el).focus();
        await sendKeys({ type: '焊' });
        await until(() => signals.length === 1, 'the first request');
        expect(signals[0]?.url).to.contain('q=%E7%84%8A');
        await sendKeys({ type: '工' });
        await until(() => signals.length === 2, 'the second request');
        expect(signals[0]?.signal.aborted, 'the first request is aborted').to.equal(true);
        expect(signals[1]?.url).to.contain('q=%E7%84%8A%E5%B7%A5');
        await answered(el);
        expect(optionNames(el)).to.deep.equal(['焊工']);
        // the two keystrokes went out as two requests, never one per key in one burst
        const burst = signals.length;
        input(el).select();
        await sendKeys({ type: 'abc' });
        await answered(el);
        expect(signals.length - burst, 'one request for a burst of three keys').to.equal(1);
      } finally {
        window.fetch = original;
      }
    });

    it('shows the empty state in both locales', async () => {
      const zh = await mount();
      await typeQuery(zh, 'zzzz-none');
      expect(part(zh, 'empty')?.textContent?.trim()).to.equal('无匹配证书');
      expect(live(zh)).to.equal('无匹配证书');
      await expect(zh).to.be.accessible();
      const en = await mount({ locale: 'en' });
      await typeQuery(en, 'zzzz-none');
      expect(part(en, 'empty')?.textContent?.trim()).to.equal('No certificate matches');
      await expect(en).to.be.accessible();
    });

    it('shows a polite loading row while searching (fault delay)', async () => {
      await fault({ route: 'GET /v1/catalog/certificates', delayMs: 1500, times: 1 });
      const el = await mount();
      input(el).focus();
      await press('ArrowDown');
      await until(() => !!part(el, 'loading'), 'the loading row');
      expect(part(el, 'loading')?.textContent).to.contain('正在搜索证书');
      expect(part(el, 'listbox')?.getAttribute('aria-busy')).to.equal('true');
      // role=status: a polite, atomic live region
      expect(root(el).querySelectorAll('[role="status"]')).to.have.length(1);
      expect(live(el)).to.equal('正在搜索证书…');
      expectInputFocused(el);
      await expect(el).to.be.accessible();
      await answered(el);
      expect(options(el).length).to.be.greaterThan(10);
      expect(part(el, 'listbox')?.getAttribute('aria-busy')).to.equal('false');
      // ArrowDown asked for the first option: it is active once the results are in
      expect(activeId(el)).to.equal('opt-0');
    });

    it('an ArrowDown pressed while a typed search is on its way activates its first result', async () => {
      const el = await mount();
      await typeQuery(el, 'Web');
      await fault({ route: 'GET /v1/catalog/certificates', delayMs: 1200, times: 1 });
      await sendKeys({ type: ' 前端' });
      await until(() => !!part(el, 'loading'), 'the new search to start');
      await press('ArrowDown');
      await answered(el);
      await settle(el);
      expect(activeId(el)).to.equal('opt-0');
      expect(activeText(el)).to.contain('Web 前端开发');
      expectInputFocused(el);
    });

    it('shows an error with a retry that works (fault status 500), in English too', async () => {
      for (const locale of ['zh-CN', 'en']) {
        await fault({ route: 'GET /v1/catalog/certificates', status: 500, times: 1 });
        const el = await mount({ locale });
        input(el).focus();
        await press('ArrowDown');
        await until(() => !!part(el, 'error'), 'the error row');
        expect(text(el)).to.contain(
          locale === 'en' ? 'The service failed; try again later' : '服务出现错误，请稍后重试',
        );
        expect(live(el)).to.contain(locale === 'en' ? 'The service failed' : '服务出现错误');
        await expect(el).to.be.accessible();
        // the retry button is reachable by Tab and works from the keyboard
        await press('Tab');
        expect(root(el).activeElement).to.equal(part(el, 'retry'));
        expect(popupVisible(el)).to.equal(true);
        await press('Enter');
        await answered(el);
        expect(part(el, 'error')).to.equal(null);
        expect(options(el).length).to.be.greaterThan(10);
        expectInputFocused(el);
      }
    });

    it('announces the number of certificates the server found (not of options)', async () => {
      const catalog = await api.get<CertificatePage>('/v1/catalog/certificates?limit=200');
      const el = await mount({ withLevel: true });
      input(el).focus();
      await press('ArrowDown');
      await answered(el);
      const names = new Set(optionNames(el).map((n) => n.split(/ ?· /)[0]));
      expect(names.size).to.equal(catalog.items.length);
      expect(options(el).length).to.equal(
        catalog.items.reduce((sum, c) => sum + c.levels.length, 0),
      );
      expect(live(el)).to.equal(`找到 ${catalog.total} 个证书`);
    });
  });

  describe('filters', () => {
    it('category attribute: only 准入类职业资格', async () => {
      const el = await mount({ category: 'qualification-entry' });
      input(el).focus();
      await press('ArrowDown');
      await answered(el);
      expect(optionNames(el)).to.deep.equal(['电工', '焊工', '安全生产管理人员']);
      expect(text(el)).to.contain('准入类职业资格');
      await expect(el).to.be.accessible();
    });

    it('level attribute: only certificates that have the level', async () => {
      const el = await mount({ level: 'senior' });
      input(el).focus();
      await press('ArrowDown');
      await answered(el);
      const names = optionNames(el);
      expect(names).to.include('Web 前端开发');
      expect(names).to.include('跨境电子商务师（行业证书）');
      expect(names).to.not.include('电工');
      expect(names).to.not.include('项目管理专业培训证书');
    });

    it('with-level and level: one option per certificate at that level', async () => {
      const el = await mount({ level: 'senior', withLevel: true, category: 'skill-level' });
      input(el).focus();
      await press('ArrowDown');
      await answered(el);
      expect(optionNames(el)).to.have.length(6);
      // a space before the · except after a full-width bracket (joinDot)
      for (const name of optionNames(el)) expect(name).to.match(/(?:）|[^）] )· 高级$/);
    });

    it("names levels as the catalog does (the rule pack's levelNames), in both locales", async () => {
      const el = await mount({ withLevel: true, category: 'qualification-entry' });
      await typeQuery(el, '电工');
      // the catalog's 五级/初级工, not the widgets' built-in 五级
      expect(optionNames(el)).to.deep.equal([
        '电工 · 五级/初级工',
        '电工 · 四级/中级工',
        '电工 · 三级/高级工',
        '电工 · 二级/技师',
        '电工 · 一级/高级技师',
      ]);
      // the level stays on one line with its separator
      const level = options(el)[0]?.querySelector('.level') as HTMLElement;
      expect(getComputedStyle(level).whiteSpace).to.equal('nowrap');
      el.locale = 'en';
      await settle(el);
      expect(optionNames(el)[1]).to.equal('电工 · Level 4 (intermediate worker)');
      await press('ArrowDown');
      await press('ArrowDown');
      await press('Enter');
      await settle(el);
      expect(el.selected[0]?.levelName).to.deep.equal({
        'zh-CN': '四级/中级工',
        en: 'Level 4 (intermediate worker)',
      });
      expect(chipTexts(el)).to.deep.equal(['电工 · Level 4 (intermediate worker)']);
    });

    it('shows the category names of spec §2 per locale', async () => {
      const expected: Record<string, [string, string]> = {
        'qualification-entry': ['准入类职业资格', 'Licensing vocational qualification'],
        'qualification-level': ['水平评价类职业资格', 'Level-assessed vocational qualification'],
        'skill-level': ['1+X 职业技能等级', '1+X vocational skill level'],
        industry: ['行业证书', 'Industry certificate'],
        enterprise: ['企业证书', 'Enterprise certificate'],
        'professional-training': ['专业培训证书', 'Professional training certificate'],
        'co-branded': ['联合认证证书', 'Co-branded certificate'],
      };
      for (const [category, [zh, en]] of Object.entries(expected)) {
        for (const [locale, name] of [
          ['zh-CN', zh],
          ['en', en],
        ] as const) {
          const el = await mount({ category, locale });
          input(el).focus();
          await press('ArrowDown');
          await answered(el);
          const metas = Array.from(root(el).querySelectorAll('.meta'), (m) => m.textContent ?? '');
          expect(metas.length, `${category} has certificates`).to.be.greaterThan(0);
          for (const meta of metas) expect(meta.startsWith(name), meta).to.equal(true);
        }
      }
    });

    it('refuses a bad category with an error state and a warning naming it', async () => {
      const warnings: string[] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
      try {
        const el = await mount({ category: 'diploma' });
        expect(part(el, 'error')).to.not.equal(null);
        expect(text(el)).to.contain('category');
        expect(warnings.join('\n')).to.contain('category');
        expect(input(el)).to.equal(null);
        await expect(el).to.be.accessible();
      } finally {
        console.warn = warn;
      }
    });
  });

  describe('keyboard', () => {
    it('single with-level: focus and aria-activedescendant after each key', async () => {
      const wrap = await fixture<HTMLDivElement>(
        html`<div>
          <button type="button">before</button>
          <cb-certificate-picker
            base-url=${env.baseUrl}
            token=${token()}
            with-level
          ></cb-certificate-picker>
        </div>`,
      );
      const el = wrap.querySelector('cb-certificate-picker') as CbCertificatePicker;
      await el.updateComplete;
      (wrap.querySelector('button') as HTMLButtonElement).focus();

      await press('Tab');
      expectInputFocused(el);
      expect(activeId(el)).to.equal(null);
      expect(expanded(el)).to.equal(false);

      await sendKeys({ type: 'Web' });
      await answered(el);
      expectInputFocused(el);
      expect(optionNames(el)).to.deep.equal([
        'Web 前端开发 · 初级',
        'Web 前端开发 · 中级',
        'Web 前端开发 · 高级',
      ]);
      expect(activeId(el)).to.equal(null);

      await press('ArrowDown');
      await settle(el);
      expectInputFocused(el);
      expect(activeId(el)).to.equal('opt-0');
      expect(activeText(el)).to.equal('Web 前端开发 · 初级');

      await press('ArrowDown');
      await settle(el);
      expectInputFocused(el);
      expect(activeId(el)).to.equal('opt-1');

      await press('ArrowUp');
      await settle(el);
      expectInputFocused(el);
      expect(activeId(el)).to.equal('opt-0');

      await press('End');
      await settle(el);
      expectInputFocused(el);
      expect(activeId(el)).to.equal('opt-2');
      expect(activeText(el)).to.equal('Web 前端开发 · 高级');

      await press('Home');
      await settle(el);
      expectInputFocused(el);
      expect(activeId(el)).to.equal('opt-0');

      await press('ArrowDown');
      await settle(el);
      expect(activeId(el)).to.equal('opt-1');
      await expect(el).to.be.accessible();

      await press('Enter');
      await settle(el);
      expectInputFocused(el);
      expect(activeId(el)).to.equal(null);
      expect(expanded(el)).to.equal(false);
      expect(input(el).value).to.equal('');
      expect(chipTexts(el)).to.deep.equal(['Web 前端开发 · 中级']);
      expect(el.value).to.equal('1x-web:intermediate');
      expect(el.selected).to.deep.equal([
        {
          id: '1x-web',
          name: 'Web 前端开发',
          category: 'skill-level',
          level: 'intermediate',
          levelName: { 'zh-CN': '中级', en: 'Intermediate' },
        },
      ]);
      expect(live(el)).to.equal('已选择 Web 前端开发 · 中级');
      await expect(el).to.be.accessible();

      // Escape closes an open list, and clears the input when already closed
      await sendKeys({ type: '电' });
      await answered(el);
      await press('ArrowDown');
      await settle(el);
      expect(activeId(el)).to.equal('opt-0');
      await press('Escape');
      await settle(el);
      expectInputFocused(el);
      expect(expanded(el)).to.equal(false);
      expect(activeId(el)).to.equal(null);
      expect(input(el).value).to.equal('电');
      await press('Escape');
      await settle(el);
      expectInputFocused(el);
      expect(input(el).value).to.equal('');
      expect(el.value, 'Escape keeps the selection').to.equal('1x-web:intermediate');

      // ArrowUp on a closed list opens it on the last option
      await press('ArrowUp');
      await until(() => activeId(el) !== null, 'the last option');
      const last = options(el).length - 1;
      expect(activeId(el)).to.equal(`opt-${last}`);
      await press('Escape');
      await settle(el);

      // Backspace in the empty input removes the chip
      await press('Backspace');
      await settle(el);
      expectInputFocused(el);
      expect(chips(el)).to.have.length(0);
      expect(el.value).to.equal('');
      expect(live(el)).to.equal('已移除 Web 前端开发 · 中级');
    });

    it('multiple: chips are reachable and removable by keyboard', async () => {
      const el = await mount({ multiple: true });
      await typeQuery(el, '1x');
      expect(optionNames(el)).to.have.length(6);
      expect(part(el, 'listbox')?.getAttribute('aria-multiselectable')).to.equal('true');

      for (const index of [0, 1, 2]) {
        await press('ArrowDown');
        await settle(el);
        expect(activeId(el)).to.equal(`opt-${index}`);
        await press('Enter');
        await settle(el);
        expectInputFocused(el);
        // the list stays open on the chosen option, now selected
        expect(expanded(el)).to.equal(true);
        expect(activeId(el)).to.equal(`opt-${index}`);
        expect(options(el)[index]?.getAttribute('aria-selected')).to.equal('true');
      }
      expect(chipTexts(el)).to.deep.equal(['建筑信息模型（BIM）', 'Web 前端开发', '物流管理']);
      expect(el.value).to.equal('1x-bim,1x-web,1x-logistics');
      // the query is selected after a choice: typing starts a new search, not "1xWeb"
      expect([input(el).selectionStart, input(el).selectionEnd]).to.deep.equal([0, 2]);
      await expect(el).to.be.accessible();

      // Enter on a selected option deselects it
      await press('Enter');
      await settle(el);
      expect(el.value).to.equal('1x-bim,1x-web');
      await press('Enter');
      await settle(el);
      expect(el.value).to.equal('1x-bim,1x-web,1x-logistics');

      await press('Escape');
      await settle(el);
      expect(expanded(el)).to.equal(false);

      // Shift+Tab from the input reaches the last chip's remove button
      await sendKeys({ down: 'Shift' });
      await press('Tab');
      await sendKeys({ up: 'Shift' });
      expect(root(el).activeElement).to.equal(chipButtons(el)[2]);
      expect(chipButtons(el)[2]?.getAttribute('aria-label')).to.equal('移除 物流管理');
      await expect(el).to.be.accessible();

      // Backspace on a chip removes it and goes back to the previous chip
      await press('Backspace');
      await settle(el);
      expect(chipTexts(el)).to.deep.equal(['建筑信息模型（BIM）', 'Web 前端开发']);
      await until(() => root(el).activeElement === chipButtons(el)[1], 'focus on chip 2');
      expect(document.activeElement).to.equal(el);

      // Shift+Tab to the first chip; Delete removes it and stays on the next one
      await sendKeys({ down: 'Shift' });
      await press('Tab');
      await sendKeys({ up: 'Shift' });
      expect(root(el).activeElement).to.equal(chipButtons(el)[0]);
      await press('Delete');
      await settle(el);
      expect(chipTexts(el)).to.deep.equal(['Web 前端开发']);
      await until(() => root(el).activeElement === chipButtons(el)[0], 'focus on the next chip');

      // Enter on the remove button removes the last chip; focus goes back to the input
      await press('Enter');
      await settle(el);
      expect(chips(el)).to.have.length(0);
      await until(() => root(el).activeElement === input(el), 'focus back in the input');
      expect(el.value).to.equal('');

      // Backspace in the empty input removes the last chip
      await typeQuery(el, '焊');
      await press('ArrowDown');
      await press('Enter');
      await settle(el);
      input(el).select();
      await press('Backspace');
      await settle(el);
      expect(input(el).value).to.equal('');
      expect(chipTexts(el)).to.deep.equal(['焊工']);
      await press('Backspace');
      await settle(el);
      expectInputFocused(el);
      expect(chips(el)).to.have.length(0);
    });

    it('multiple: chips removed by a pointer click, options chosen by click', async () => {
      const el = await mount({ multiple: true });
      await typeQuery(el, '1x');
      await click(options(el)[1] as HTMLElement);
      await settle(el);
      await click(options(el)[3] as HTMLElement);
      await settle(el);
      expectInputFocused(el);
      expect(el.value).to.equal('1x-web,1x-eldercare');
      await click(chipButtons(el)[0] as HTMLButtonElement);
      await settle(el);
      expect(el.value).to.equal('1x-eldercare');
      expect(chipTexts(el)).to.deep.equal(['老年照护']);
      await until(() => root(el).activeElement === input(el), 'focus in the input');
    });
  });

  describe('events', () => {
    it('fires input, change (bubbling, composed) and a typed cb-certificates-changed', async () => {
      const wrap = await fixture<HTMLDivElement>(
        html`<div>
          <cb-certificate-picker
            base-url=${env.baseUrl}
            token=${token()}
            with-level
            multiple
          ></cb-certificate-picker>
        </div>`,
      );
      const el = wrap.querySelector('cb-certificate-picker') as CbCertificatePicker;
      const seen: string[] = [];
      let changeSelection: CertificateSelection[] = [];
      let detail: CertificatesChangedDetail | null = null;
      wrap.addEventListener('input', (e) => seen.push(`input:${e.composed}`));
      wrap.addEventListener('change', (e) => {
        seen.push(`change:${e.composed}`);
        changeSelection = (e.target as CbCertificatePicker).selected;
      });
      wrap.addEventListener('cb-certificates-changed', (e) => {
        seen.push('cb-certificates-changed');
        detail = e.detail;
      });
      await typeQuery(el, 'Web');
      expect(seen, 'typing a query is not a change of the value').to.deep.equal([]);
      await press('ArrowDown');
      await press('ArrowDown');
      await press('Enter');
      await settle(el);
      expect(seen).to.deep.equal(['input:true', 'change:true', 'cb-certificates-changed']);
      const expected: CertificateSelection = {
        id: '1x-web',
        name: 'Web 前端开发',
        category: 'skill-level',
        level: 'intermediate',
        levelName: { 'zh-CN': '中级', en: 'Intermediate' },
      };
      expect(changeSelection).to.deep.equal([expected]);
      const got = detail as CertificatesChangedDetail | null;
      expect(got?.selected).to.deep.equal([expected]);
      expect(got?.value).to.equal('1x-web:intermediate');
      expect(got?.added).to.deep.equal(expected);
      expect(got?.removed).to.equal(null);

      // another level of the same certificate replaces it
      await press('ArrowDown');
      await press('Enter');
      await settle(el);
      const replaced = detail as CertificatesChangedDetail | null;
      expect(replaced?.value).to.equal('1x-web:senior');
      expect(replaced?.removed?.level).to.equal('intermediate');
      expect(replaced?.added?.level).to.equal('senior');

      // setting the value from script fires nothing (as with native controls)
      seen.length = 0;
      el.value = '';
      await settle(el);
      expect(seen).to.deep.equal([]);
    });
  });

  describe('form', () => {
    it('submits name/value in a real form: one entry per selection with multiple', async () => {
      const form = await fixture<HTMLFormElement>(
        html`<form>
          <cb-certificate-picker
            base-url=${env.baseUrl}
            token=${token()}
            name="certs"
            multiple
            value="1x-web,electrician:level-3"
          ></cb-certificate-picker>
          <cb-certificate-picker
            base-url=${env.baseUrl}
            token=${token()}
            name="cert"
            value="welder"
          ></cb-certificate-picker>
          <input name="other" value="x" aria-label="other" />
        </form>`,
      );
      const [multi, single] = Array.from(form.querySelectorAll('cb-certificate-picker'));
      if (!multi || !single) throw new Error('pickers missing');
      expect(multi.form).to.equal(form);
      let data = new FormData(form);
      expect(data.getAll('certs')).to.deep.equal(['1x-web', 'electrician:level-3']);
      expect(data.get('cert')).to.equal('welder');
      expect(data.get('other')).to.equal('x');

      // the ids are looked up in the catalog for names
      await until(() => chipTexts(multi).includes('Web 前端开发'), 'the looked-up names');
      expect(chipTexts(multi)).to.deep.equal(['Web 前端开发', '电工 · 三级/高级工']);
      expect(multi.selected).to.deep.equal([
        { id: '1x-web', name: 'Web 前端开发', category: 'skill-level' },
        {
          id: 'electrician',
          name: '电工',
          category: 'qualification-entry',
          level: 'level-3',
          levelName: { 'zh-CN': '三级/高级工', en: 'Level 3 (senior worker)' },
        },
      ]);
      await expect(form).to.be.accessible();

      // the user adds one; the form sees it; reset goes back to the value attribute
      await typeQuery(multi, '焊');
      await press('ArrowDown');
      await press('Enter');
      await settle(multi);
      data = new FormData(form);
      expect(data.getAll('certs')).to.deep.equal(['1x-web', 'electrician:level-3', 'welder']);
      single.value = '';
      expect(new FormData(form).get('cert')).to.equal(null);

      form.reset();
      await settle(multi);
      data = new FormData(form);
      expect(data.getAll('certs')).to.deep.equal(['1x-web', 'electrician:level-3']);
      expect(data.get('cert')).to.equal('welder');
      expect(chipTexts(multi)).to.deep.equal(['Web 前端开发', '电工 · 三级/高级工']);
    });

    it('required blocks submit with a localized validation message', async () => {
      for (const [locale, message] of [
        ['zh-CN', '请选择证书'],
        ['en', 'Select a certificate'],
      ] as const) {
        const form = await fixture<HTMLFormElement>(
          html`<form>
            <cb-certificate-picker
              base-url=${env.baseUrl}
              token=${token()}
              locale=${locale}
              name="cert"
              required
            ></cb-certificate-picker>
            <button>submit</button>
          </form>`,
        );
        const el = form.querySelector('cb-certificate-picker') as CbCertificatePicker;
        await el.updateComplete;
        let submitted = 0;
        form.addEventListener('submit', (e) => {
          e.preventDefault();
          submitted++;
        });
        expect(el.willValidate).to.equal(true);
        expect(el.checkValidity()).to.equal(false);
        expect(el.validity?.valueMissing).to.equal(true);
        expect(el.validationMessage).to.equal(message);
        expect(form.reportValidity()).to.equal(false);
        expect(input(el).getAttribute('aria-required')).to.equal('true');
        form.requestSubmit();
        expect(submitted).to.equal(0);
        await expect(form).to.be.accessible();

        await typeQuery(el, 'Web');
        await press('ArrowDown');
        await press('Enter');
        await settle(el);
        expect(el.checkValidity()).to.equal(true);
        expect(el.validationMessage).to.equal('');
        form.requestSubmit();
        expect(submitted).to.equal(1);
        expect(new FormData(form).get('cert')).to.equal('1x-web');
      }
    });

    it('a disabled fieldset disables it; the disabled attribute too', async () => {
      const form = await fixture<HTMLFormElement>(
        html`<form>
          <fieldset disabled>
            <cb-certificate-picker
              base-url=${env.baseUrl}
              token=${token()}
              name="cert"
              value="welder"
              required
            ></cb-certificate-picker>
          </fieldset>
        </form>`,
      );
      const el = form.querySelector('cb-certificate-picker') as CbCertificatePicker;
      await until(() => chipTexts(el).includes('焊工'), 'the looked-up name');
      expect(el.matches(':disabled')).to.equal(true);
      expect(input(el).disabled).to.equal(true);
      expect(chipButtons(el)[0]?.disabled).to.equal(true);
      expect(new FormData(form).get('cert')).to.equal(null);
      await expect(form).to.be.accessible();

      (form.querySelector('fieldset') as HTMLFieldSetElement).disabled = false;
      await settle(el);
      expect(input(el).disabled).to.equal(false);
      expect(new FormData(form).get('cert')).to.equal('welder');

      el.disabled = true;
      await settle(el);
      expect(input(el).disabled).to.equal(true);
      expect(new FormData(form).get('cert')).to.equal(null);
      // a disabled picker cannot be opened from the keyboard
      input(el).focus();
      await press('ArrowDown');
      await settle(el);
      expect(expanded(el)).to.equal(false);
    });

    it('restores its state (formStateRestoreCallback) and takes a host <label>', async () => {
      const wrap = await fixture<HTMLDivElement>(
        html`<div>
          <label for="picker">证书名称</label>
          <form>
            <cb-certificate-picker
              id="picker"
              base-url=${env.baseUrl}
              token=${token()}
              name="cert"
              multiple
            ></cb-certificate-picker>
          </form>
        </div>`,
      );
      const el = wrap.querySelector('cb-certificate-picker') as CbCertificatePicker;
      await el.updateComplete;
      expect(input(el).getAttribute('aria-label')).to.equal('证书名称');
      (wrap.querySelector('label') as HTMLLabelElement).click();
      expectInputFocused(el);

      el.formStateRestoreCallback('welder,1x-web:senior');
      expect(el.value).to.equal('welder,1x-web:senior');
      await until(() => el.selected.length === 2, 'the restored names');
      expect(chipTexts(el)).to.deep.equal(['焊工', 'Web 前端开发 · 高级']);
      el.formStateRestoreCallback(null);
      expect(el.value).to.equal('welder,1x-web:senior');
    });

    it('drops unknown ids of value with a warning', async () => {
      const warnings: string[] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
      try {
        const el = await mount({ multiple: true, value: 'welder,no-such-cert' });
        await until(() => el.value === 'welder', 'the unknown id to go');
        expect(warnings.join('\n')).to.contain('no-such-cert');
        expect(el.selected.map((s) => s.id)).to.deep.equal(['welder']);
      } finally {
        console.warn = warn;
      }
    });

    it('single mode keeps one selection; selected can be set from script', async () => {
      const el = await mount({ value: 'welder,electrician' });
      await until(() => el.selected.length === 1, 'the single selection');
      expect(el.value).to.equal('welder');
      el.selected = [
        { id: '1x-web', name: 'Web 前端开发', category: 'skill-level', level: 'junior' },
      ];
      await settle(el);
      expect(chipTexts(el)).to.deep.equal(['Web 前端开发 · 初级']);
      expect(el.value).to.equal('1x-web:junior');
    });
  });

  describe('locales and themes', () => {
    it('speaks English: labels, levels, announcements', async () => {
      const el = await mount({ locale: 'en', withLevel: true });
      expect(input(el).getAttribute('aria-label')).to.equal('Certificate');
      expect(input(el).placeholder).to.equal('Search certificates by name or id');
      await typeQuery(el, 'Web');
      expect(optionNames(el)).to.deep.equal([
        'Web 前端开发 · Junior',
        'Web 前端开发 · Intermediate',
        'Web 前端开发 · Senior',
      ]);
      expect(live(el)).to.equal('1 certificate found');
      expect(text(el)).to.contain('1+X vocational skill level');
      await press('ArrowDown');
      await press('Enter');
      await settle(el);
      expect(live(el)).to.equal('Selected Web 前端开发 · Junior');
      expect(chipButtons(el)[0]?.getAttribute('aria-label')).to.equal(
        'Remove Web 前端开发 · Junior',
      );
      await expect(el).to.be.accessible();
      el.locale = 'zh-CN';
      await settle(el);
      expect(chipTexts(el)).to.deep.equal(['Web 前端开发 · 初级']);
    });

    it('has a dark theme, closed and open', async () => {
      const light = await mount({ theme: 'light' });
      const dark = await mount({ theme: 'dark' });
      const bg = (el: CbCertificatePicker, name: string) =>
        getComputedStyle(part(el, name) as Element).backgroundColor;
      expect(bg(light, 'field')).to.equal('rgb(255, 255, 255)');
      expect(bg(dark, 'field')).to.equal('rgb(20, 20, 20)');
      await expect(dark).to.be.accessible();
      await typeQuery(dark, 'Web');
      expect(bg(dark, 'popup')).to.equal('rgb(20, 20, 20)');
      await press('ArrowDown');
      await settle(dark);
      await expect(dark).to.be.accessible();
      await press('Enter');
      await settle(dark);
      await expect(dark).to.be.accessible();
      // dark loading and error states
      await fault({ route: 'GET /v1/catalog/certificates', delayMs: 1000, times: 1 });
      const loading = await mount({ theme: 'dark', locale: 'en' });
      input(loading).focus();
      await press('ArrowDown');
      await until(() => !!part(loading, 'loading'), 'the loading row');
      await expect(loading).to.be.accessible();
      await answered(loading);
      await fault({ route: 'GET /v1/catalog/certificates', status: 500, times: 1 });
      const failed = await mount({ theme: 'dark' });
      input(failed).focus();
      await press('ArrowDown');
      await until(() => !!part(failed, 'error'), 'the error row');
      await expect(failed).to.be.accessible();
    });
  });
});
