/**
 * HR portal demo (华工智造集团): the enterprise's employees with their banked credits, points
 * tier and certificates (`GET /v1/learners` with a staff token), a certificate filter
 * (`<cb-certificate-picker>`), and a drill-down to one employee's balance and learning record.
 * The widgets get a token function through `<cb-provider>`.
 */
import '@creditbank/elements/all.js';
import { getLearners } from '@creditbank/client/endpoints';
import type { BaseClient } from '@creditbank/client';
import type { LearnerSummary } from '@creditbank/core/api';
import type { CbCertificatePicker, CbProvider } from '@creditbank/elements';
import {
  applyLook,
  credits,
  devTokenProvider,
  initialLook,
  certificateText,
  loadConfig,
  nameIn,
  onLookSwitch,
  pageClient,
  param,
  showPageError,
  showSnippet,
  TIER_NAMES,
  widgetMarkup,
  type Dictionary,
  type Look,
} from './host.js';

const TENANT = 'enterprise';
const PAGE_SIZE = 20;

const dictionary: Dictionary = {
  'zh-CN': {
    pageTitle: '员工学分与证书 · 华工智造集团人力资源门户',
    skip: '跳到主要内容',
    brand: '华工智造集团 · 人力资源门户',
    navLabel: '主导航',
    navPeople: '员工档案',
    navSkills: '技能与学分',
    navTraining: '培训发展',
    navReports: '报表中心',
    role: '人力资源部 · 管理员',
    themeLabel: '主题',
    light: '浅色',
    dark: '深色',
    title: '员工学分与证书',
    lead: '学分银行（终身学习账户）中本集团员工的已存学分、终身学习积分等级与持有证书。点击姓名查看个人学习档案。',
    filterTitle: '筛选员工',
    q: '姓名',
    qPlaceholder: '输入姓名的一部分',
    certificate: '持有证书',
    search: '查询',
    reset: '重置',
    tableTitle: '员工列表',
    colName: '姓名',
    colRef: '工号',
    colCredits: '已存学分',
    colPoints: '终身学习积分',
    colTier: '积分等级',
    colCerts: '持有证书',
    more: '加载更多',
    close: '关闭',
    source: '查看源码：本页的嵌入代码',
    sourceNote:
      '筛选器和员工详情是下面这段标记；员工表格是门户自己的页面，数据来自 GET /v1/learners。',
    footer: '© 2026 华工智造集团 人力资源部（演示页面，数据来自学分银行参考服务器）',
    loading: '正在加载…',
    count: '已显示 {shown} 名员工（共 {total} 名）',
    none: '没有符合条件的员工',
    noCerts: '无',
    detailTitle: '{name}的学分银行账户',
    open: '查看{name}的学分与学习档案',
    failed: '员工列表加载失败：{message}',
  },
  en: {
    pageTitle: 'Employee credits and certificates · Huagong HR portal',
    skip: 'Skip to main content',
    brand: 'Huagong Intelligent Manufacturing · HR portal',
    navLabel: 'Main navigation',
    navPeople: 'Employees',
    navSkills: 'Skills and credits',
    navTraining: 'Training',
    navReports: 'Reports',
    role: 'HR department · administrator',
    themeLabel: 'Theme',
    light: 'Light',
    dark: 'Dark',
    title: 'Employee credits and certificates',
    lead: 'Banked credits, lifelong-learning points tier and certificates of our employees in the credit bank (lifelong learning accounts). Choose a name to see the learning record.',
    filterTitle: 'Filter employees',
    q: 'Name',
    qPlaceholder: 'Part of a name',
    certificate: 'Holds certificate',
    search: 'Search',
    reset: 'Reset',
    tableTitle: 'Employees',
    colName: 'Name',
    colRef: 'Staff no.',
    colCredits: 'Banked credits',
    colPoints: 'Points',
    colTier: 'Tier',
    colCerts: 'Certificates',
    more: 'Load more',
    close: 'Close',
    source: 'View source: the embed code of this page',
    sourceNote:
      'The filter and the employee detail are this markup; the table is the portal’s own, from GET /v1/learners.',
    footer: '© 2026 Huagong HR department (demo page; data from the credit-bank reference server)',
    loading: 'Loading…',
    count: 'Showing {shown} of {total} employees',
    none: 'No employee matches',
    noCerts: 'None',
    detailTitle: 'Credit bank account of {name}',
    open: 'Credits and learning record of {name}',
    failed: 'The employee list failed to load: {message}',
  },
};

const look = initialLook();
const provider = document.querySelector<CbProvider>('cb-provider') as CbProvider;
const picker = document.querySelector<CbCertificatePicker>('#cert-filter') as CbCertificatePicker;
const form = document.querySelector<HTMLFormElement>('#filters') as HTMLFormElement;
const tbody = document.querySelector('#employees tbody') as HTMLTableSectionElement;
const status = document.querySelector('#table-status') as HTMLElement;
const more = document.querySelector('#more') as HTMLButtonElement;
const detail = document.querySelector('#employee') as HTMLElement;
const detailTitle = document.querySelector('#employee-title') as HTMLElement;
const detailWidgets = document.querySelector('#employee-widgets') as HTMLElement;
const detailTemplate = document.querySelector('#employee-template') as HTMLTemplateElement;
const DRILL_DOWN = 'cb-credit-balance, cb-learning-record';

let client: BaseClient | null = null;
let rows: LearnerSummary[] = [];
let total: number | null = null;
let cursor: string | null = null;
let selected: string | null = param('employee') ?? param('learner');
let loading: AbortController | null = null;

const word = (key: string, params: Record<string, string | number> = {}) =>
  (dictionary[look.locale][key] ?? key).replace(/\{(\w+)\}/g, (_, k: string) =>
    String(params[k] ?? ''),
  );

function renderRows(): void {
  const locale = look.locale;
  tbody.replaceChildren(
    ...rows.map((learner) => {
      const tr = document.createElement('tr');
      tr.dataset.learner = learner.id;
      if (learner.id === selected) tr.setAttribute('aria-current', 'true');
      const name = document.createElement('th');
      name.scope = 'row';
      const open = document.createElement('button');
      open.type = 'button';
      open.className = 'btn link';
      open.textContent = learner.displayName;
      open.setAttribute('aria-label', word('open', { name: learner.displayName }));
      open.addEventListener('click', () => showEmployee(learner.id, true));
      name.append(open);
      const cell = (text: string, className = '') => {
        const td = document.createElement('td');
        td.textContent = text;
        if (className) td.className = className;
        return td;
      };
      const certs = document.createElement('td');
      const list = document.createElement('div');
      list.className = 'certs';
      for (const c of learner.certificates) {
        const tag = document.createElement('span');
        tag.className = 'tag';
        tag.dataset.certificate = c.id;
        tag.textContent = certificateText(c, locale);
        list.append(tag);
      }
      if (!learner.certificates.length) list.textContent = word('noCerts');
      certs.append(list);
      tr.append(
        name,
        cell(learner.externalRef ?? '—'),
        cell(credits(learner.bankedCredits, locale), 'num credits'),
        cell(new Intl.NumberFormat(locale).format(learner.points), 'num points'),
        cell(learner.tier ? nameIn(TIER_NAMES, learner.tier, locale) : '—', 'tier'),
        certs,
      );
      return tr;
    }),
  );
  if (loading) status.textContent = word('loading');
  else if (!rows.length) status.textContent = word('none');
  else status.textContent = word('count', { shown: rows.length, total: total ?? rows.length });
  more.hidden = cursor === null;
}

/** The name button of an employee's row, if the table lists them. */
const nameButton = (id: string) =>
  Array.from(tbody.querySelectorAll<HTMLElement>('tr'))
    .find((tr) => tr.dataset.learner === id)
    ?.querySelector<HTMLButtonElement>('th button') ?? null;

/**
 * Loads the first page of the current filter (or, with `next`, the following page; nothing when
 * the list is complete). After "Load more" focus stays on the button while more remain, else it
 * goes to the first new row's name.
 */
async function load(next = false): Promise<void> {
  if (!client) return;
  if (next && cursor === null) return;
  loading?.abort();
  const controller = new AbortController();
  loading = controller;
  const data = new FormData(form);
  const q = String(data.get('q') ?? '').trim();
  const certificate = picker.value.split(':')[0] || undefined;
  if (!next) renderRows();
  try {
    const page = await client.request(
      getLearners({
        q: q || undefined,
        certificate,
        cursor: next ? (cursor ?? undefined) : undefined,
        limit: PAGE_SIZE,
      }),
      { signal: controller.signal },
    );
    if (loading !== controller) return;
    const firstNew = next ? rows.length : 0;
    const focusWasOnMore = document.activeElement === more;
    rows = next ? [...rows, ...page.items] : page.items;
    total = page.total ?? null;
    cursor = page.nextCursor;
    loading = null;
    renderRows();
    const added = rows[firstNew];
    if (next && focusWasOnMore && more.hidden && added) nameButton(added.id)?.focus();
  } catch (error) {
    if (loading !== controller) return;
    loading = null;
    status.textContent = word('failed', {
      message: error instanceof Error ? error.message : String(error),
    });
    console.error('[demo] GET /v1/learners failed', error);
  }
}

/**
 * Shows an employee's balance and learning record (`id`), or closes the panel (null). The
 * drill-down widgets exist only while an employee is shown, always with their learner. `focus`:
 * on open, the panel's title; on close, the name button of the employee it showed.
 */
function showEmployee(id: string | null, focus: boolean): void {
  const previous = selected;
  selected = id;
  const url = new URL(location.href);
  if (id) url.searchParams.set('employee', id);
  else url.searchParams.delete('employee');
  history.replaceState(history.state, '', url);
  for (const tr of tbody.querySelectorAll<HTMLElement>('tr')) {
    if (tr.dataset.learner === id) tr.setAttribute('aria-current', 'true');
    else tr.removeAttribute('aria-current');
  }
  if (!id) {
    detail.hidden = true;
    detailWidgets.replaceChildren();
    renderSnippet();
    if (focus) {
      const opener = previous ? nameButton(previous) : null;
      (opener ?? (document.querySelector('#table-title') as HTMLElement)).focus();
    }
    return;
  }
  const widgets = detailWidgets.querySelectorAll(DRILL_DOWN);
  if (widgets.length) {
    for (const widget of widgets) widget.setAttribute('learner', id);
  } else {
    // set the learner before the widgets connect: they never render (or warn) without one
    const fresh = document.importNode(detailTemplate.content, true);
    for (const widget of fresh.querySelectorAll(DRILL_DOWN)) widget.setAttribute('learner', id);
    detailWidgets.append(fresh);
  }
  const name = rows.find((r) => r.id === id)?.displayName ?? id;
  detailTitle.dataset.name = name;
  detailTitle.textContent = word('detailTitle', { name });
  detail.hidden = false;
  renderSnippet();
  if (focus) {
    detailTitle.focus();
    detail.scrollIntoView({ block: 'start' });
  }
}

/**
 * The drill-down widgets as the snippet shows them while no employee is chosen: the template's,
 * with an employee of the list as an example learner.
 */
function drillDownExample(): string[] {
  const example = rows[0]?.id ?? 'ent-0001';
  const inert = detailTemplate.content.cloneNode(true) as DocumentFragment;
  return [
    "  <!-- the drill-down, added when an employee is chosen (learner: the employee's id) -->",
    ...Array.from(inert.querySelectorAll(DRILL_DOWN), (widget) => {
      widget.setAttribute('learner', example);
      return widgetMarkup(widget, 'cb-', '  ');
    }),
  ];
}

function renderSnippet(): void {
  const markup = widgetMarkup(provider).split('\n');
  if (!detailWidgets.querySelector(DRILL_DOWN)) markup.splice(-1, 0, ...drillDownExample());
  showSnippet(
    [
      '<script type="module">',
      "  import '@creditbank/elements/all.js';",
      "  const provider = document.querySelector('cb-provider');",
      '  // the portal asks its own backend for a staff token; called again on 401',
      '  provider.token = async ({ refresh }) => (await portalBackend.creditBankToken({ refresh })).token;',
      '</script>',
      ...markup,
    ].join('\n'),
  );
}

function render(current: Look): void {
  applyLook(current, dictionary);
  provider.setAttribute('locale', current.locale);
  provider.setAttribute('theme', current.theme);
  renderRows();
  if (selected && !detail.hidden) {
    detailTitle.textContent = word('detailTitle', {
      name: detailTitle.dataset.name ?? selected,
    });
  }
  renderSnippet();
}

async function main(): Promise<void> {
  render(look);
  onLookSwitch(look, render);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void load();
  });
  form.addEventListener('reset', () => setTimeout(() => void load()));
  picker.addEventListener('change', () => void load());
  more.addEventListener('click', () => void load(true));
  document
    .querySelector('#close-employee')
    ?.addEventListener('click', () => showEmployee(null, true));

  const { baseUrl } = await loadConfig();
  const token = devTokenProvider(baseUrl, { tenant: TENANT, role: 'staff' });
  provider.token = token;
  provider.setAttribute('base-url', baseUrl);
  client = pageClient(baseUrl, token, TENANT);
  await load();
  if (selected) showEmployee(selected, false);
  renderSnippet();
}

main().catch(showPageError);
