/**
 * Course-platform demo (云学终身学习平台): the course supermarket, an enrolment form with a
 * certificate picker, and the transfer calculator. A small host script feeds the picker's
 * selection to the calculator: a certificate the learner's archive already holds (verified, at
 * that level) is counted by the plan as it is; any other becomes a what-if certificate.
 */
import '@creditbank/elements/all.js';
import { getLearner, getOutcomes, getPrograms } from '@creditbank/client/endpoints';
import type { BaseClient } from '@creditbank/client';
import type { ArchiveEntry } from '@creditbank/core/api';
import type {
  CbCertificatePicker,
  CbCourseBrowser,
  CbProvider,
  CbTransferCalculator,
  CertificateSelection,
  WhatIfOutcome,
} from '@creditbank/elements';
import {
  applyLook,
  devTokenProvider,
  initialLook,
  learnerParam,
  certificateText,
  loadConfig,
  onLookSwitch,
  pageClient,
  param,
  showPageError,
  showSnippet,
  tenantOf,
  widgetMarkup,
  type Dictionary,
  type Look,
} from './host.js';

const dictionary: Dictionary = {
  'zh-CN': {
    pageTitle: '课程超市与学分转换 · 云学终身学习平台',
    skip: '跳到主要内容',
    brand: '云学终身学习平台',
    navLabel: '主导航',
    navMarket: '课程超市',
    navEnrol: '报名与学分转换',
    navMine: '我的课程',
    hello: '你好，',
    themeLabel: '主题',
    light: '浅色',
    dark: '深色',
    title: '课程超市 · 学分转换',
    lead: '挑选课程，报读学历专业：把你已有的职业技能等级证书、课程成绩和工作经历换算成学分，少修课、少缴费。',
    courses: '课程超市',
    enrolTitle: '报名与学分转换',
    formTitle: '报名表',
    student: '学员',
    program: '报读专业',
    certificates: '已持有的证书（选择证书和等级）',
    certHelp: '档案里已认证的证书直接计入右侧方案；其余证书作为“假设取得”试算。',
    picked: '从课程超市加入的课程',
    noCourses: '在课程超市中点击“加入”添加课程。',
    remove: '移除',
    removeCourse: '移除课程“{title}”',
    submit: '提交报名',
    held: '✓ “{name}”已在学分银行档案中（已认证），已计入转换方案',
    whatIf: '{name}：档案中没有，按“假设取得”试算',
    submitted:
      '已提交：{program}；证书：{certificates}；课程 {courses} 门。学分转换请在右侧计算器中确认申请。',
    none: '无',
    source: '查看源码：本页的嵌入代码',
    sourceNote:
      '课程超市、证书选择器和学分转换计算器就是下面这段标记；一小段页面脚本把报名表里选择的证书交给计算器做“假设”试算。',
    footer: '© 2026 云学终身学习平台（演示页面，数据来自学分银行参考服务器）',
  },
  en: {
    pageTitle: 'Course supermarket and credit transfer · Yunxue lifelong learning',
    skip: 'Skip to main content',
    brand: 'Yunxue lifelong learning platform',
    navLabel: 'Main navigation',
    navMarket: 'Course supermarket',
    navEnrol: 'Enrolment and credit transfer',
    navMine: 'My courses',
    hello: 'Hello, ',
    themeLabel: 'Theme',
    light: 'Light',
    dark: 'Dark',
    title: 'Course supermarket · credit transfer',
    lead: 'Choose courses and enrol in a degree program: your vocational skill certificates, course results and work experience turn into credits, so you study and pay less.',
    courses: 'Course supermarket',
    enrolTitle: 'Enrolment and credit transfer',
    formTitle: 'Enrolment form',
    student: 'Student',
    program: 'Program',
    certificates: 'Certificates you hold (certificate and level)',
    certHelp:
      'Verified certificates of your archive count in the plan as they are; any other is tried as a what-if.',
    picked: 'Courses added from the supermarket',
    noCourses: 'Choose “Add” in the course supermarket to add a course.',
    remove: 'Remove',
    removeCourse: 'Remove course {title}',
    submit: 'Submit enrolment',
    held: '✓ {name} is in your credit-bank archive (verified) and counts in the plan',
    whatIf: '{name}: not in your archive, tried as a what-if',
    submitted:
      'Submitted: {program}; certificates: {certificates}; courses: {courses}. Confirm the credit transfer in the calculator.',
    none: 'none',
    source: 'View source: the embed code of this page',
    sourceNote:
      'The course supermarket, the certificate picker and the transfer calculator are this markup; a small page script hands the certificates chosen in the enrolment form to the calculator as what-ifs.',
    footer:
      '© 2026 Yunxue lifelong learning platform (demo page; data from the credit-bank reference server)',
  },
};

const learner = learnerParam('trn-0001');
const PROGRAM_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;
const programParam = param('program');
let program = programParam && PROGRAM_ID.test(programParam) ? programParam : 'ouc-cnt-assoc';
const look = initialLook();

const provider = document.querySelector<CbProvider>('cb-provider') as CbProvider;
const browser = document.querySelector<CbCourseBrowser>('cb-course-browser') as CbCourseBrowser;
const picker = document.querySelector<CbCertificatePicker>('#certificates') as CbCertificatePicker;
const calculator = document.querySelector<CbTransferCalculator>(
  'cb-transfer-calculator',
) as CbTransferCalculator;
const form = document.querySelector<HTMLFormElement>('#enrol-form') as HTMLFormElement;
const programSelect = document.querySelector<HTMLSelectElement>('#program') as HTMLSelectElement;
const heldList = document.querySelector('#held') as HTMLUListElement;
const pickedList = document.querySelector('#picked-courses') as HTMLUListElement;

/** Verified certificates of the learner's archive, as `id:level`. */
let held = new Set<string>();
/** Courses added from the supermarket: code → title. */
const picked = new Map<string, string>();

const word = (key: string, params: Record<string, string | number> = {}) =>
  (dictionary[look.locale][key] ?? key).replace(/\{(\w+)\}/g, (_, k: string) =>
    String(params[k] ?? ''),
  );

const keyOf = (s: { id: string; level?: string }) => `${s.id}:${s.level ?? ''}`;
const label = (s: CertificateSelection) => certificateText(s, look.locale);

function heldCertificates(entries: readonly ArchiveEntry[]): Set<string> {
  const out = new Set<string>();
  for (const { outcome } of entries) {
    const certificate = (outcome as { certificate?: { id: string; level: string } }).certificate;
    if (outcome.kind === 'certificate' && outcome.status === 'verified' && certificate) {
      out.add(keyOf(certificate));
    }
  }
  return out;
}

// ---- feeding the calculator ----

/** What-ifs this script added to the calculator: selection key → what-if outcome id. */
const fed = new Map<string, string>();
let feeding: Promise<void> = Promise.resolve();

/** Resolves once the calculator shows a plan (its what-if form exists only then). */
function planShown(): Promise<void> {
  if (calculator.currentPlan) return Promise.resolve();
  return new Promise((resolve) =>
    calculator.addEventListener('cb-transfer-calculated', () => resolve(), { once: true }),
  );
}

/** Makes the calculator's host-fed what-ifs (its `whatIf` property) match `wanted`. */
async function feedWhatIfs(wanted: readonly CertificateSelection[]): Promise<void> {
  await planShown();
  const others = calculator.whatIf.filter((o) => ![...fed.values()].includes(o.id));
  const outcomes: WhatIfOutcome[] = wanted.map((s, i) => ({
    id: `host-what-if-${i + 1}`,
    kind: 'certificate',
    status: 'verified',
    earnedOn: calculator.currentPlan?.asOf ?? new Date().toISOString().slice(0, 10),
    certificate: { id: s.id, level: s.level ?? '' },
  }));
  fed.clear();
  wanted.forEach((s, i) => fed.set(keyOf(s), `host-what-if-${i + 1}`));
  calculator.whatIf = [...others, ...outcomes];
}

function onSelection(): void {
  const selected = picker.selected;
  const mine = selected.filter((s) => s.level && held.has(keyOf(s)));
  const whatIfs = selected.filter((s) => s.level && !held.has(keyOf(s)));
  heldList.replaceChildren(
    ...mine.map((s) => {
      const li = document.createElement('li');
      li.dataset.held = keyOf(s);
      li.textContent = word('held', { name: label(s) });
      return li;
    }),
    ...whatIfs.map((s) => {
      const li = document.createElement('li');
      li.className = 'muted';
      li.dataset.whatIf = keyOf(s);
      li.textContent = word('whatIf', { name: label(s) });
      return li;
    }),
  );
  feeding = feeding.then(() => feedWhatIfs(whatIfs)).catch(showPageError);
}

// ---- courses from the supermarket ----

function renderPicked(): void {
  pickedList.replaceChildren(
    ...[...picked].map(([code, title]) => {
      const li = document.createElement('li');
      li.dataset.course = code;
      const text = document.createElement('span');
      text.textContent = `${title}（${code}）`;
      const input = document.createElement('input');
      input.type = 'hidden';
      input.name = 'courses';
      input.value = code;
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'btn link';
      remove.textContent = word('remove');
      remove.setAttribute('aria-label', word('removeCourse', { title }));
      remove.addEventListener('click', () => removeCourse(code));
      li.append(text, input, remove);
      return li;
    }),
  );
  (document.querySelector('#no-courses') as HTMLElement).hidden = picked.size > 0;
}

/**
 * Removes a picked course; focus goes to the next course's Remove button, else the previous
 * one's, else the list itself (its fieldset, named by its legend).
 */
function removeCourse(code: string): void {
  const codes = [...picked.keys()];
  const at = codes.indexOf(code);
  const neighbour = codes[at + 1] ?? codes[at - 1];
  picked.delete(code);
  renderPicked();
  const next = Array.from(pickedList.querySelectorAll<HTMLElement>('li')).find(
    (li) => li.dataset.course === neighbour,
  );
  (next?.querySelector('button') ?? (document.querySelector('#picked') as HTMLElement)).focus();
}

/** The form's program is the calculator's (both ways): the select, the URL and the snippet. */
function setProgram(id: string, from: 'form' | 'calculator'): void {
  if (!id) return;
  program = id;
  if (from === 'calculator' && programSelect.value !== id) {
    if (![...programSelect.options].some((o) => o.value === id)) return;
    programSelect.value = id;
  }
  // the attribute too, so that the snippet shows it (the calculator's own choice equals it)
  if (calculator.getAttribute('program') !== id) calculator.setAttribute('program', id);
  const url = new URL(location.href);
  url.searchParams.set('program', id);
  history.replaceState(history.state, '', url);
  renderSnippet();
}

function renderSnippet(): void {
  showSnippet(
    [
      '<script type="module">',
      "  import '@creditbank/elements/all.js';",
      "  const provider = document.querySelector('cb-provider');",
      '  provider.token = async ({ refresh }) => getLearnerToken({ refresh }); // can-write: may apply',
      "  // the enrolment form's picker feeds the calculator's what-if certificates",
      "  const calculator = document.querySelector('cb-transfer-calculator');",
      "  document.querySelector('#certificates').addEventListener('cb-certificates-changed', (e) =>",
      '    feedWhatIfs(calculator, e.detail.selected.filter((c) => !inMyArchive(c))),',
      '  );',
      '</script>',
      widgetMarkup(provider),
    ].join('\n'),
  );
}

function render(current: Look): void {
  applyLook(current, dictionary);
  provider.setAttribute('locale', current.locale);
  provider.setAttribute('theme', current.theme);
  renderPicked();
  if (picker.selected.length) onSelection();
  renderSnippet();
}

async function loadPrograms(client: BaseClient): Promise<void> {
  const { items } = await client.request(getPrograms());
  programSelect.replaceChildren(
    ...items.map((p) => {
      const option = document.createElement('option');
      option.value = p.id;
      option.textContent = p.name;
      option.selected = p.id === program;
      return option;
    }),
  );
  if (!items.some((p) => p.id === program) && items[0]) program = items[0].id;
  programSelect.value = program;
}

async function main(): Promise<void> {
  calculator.setAttribute('learner', learner);
  calculator.setAttribute('program', program);
  render(look);
  onLookSwitch(look, render);

  picker.addEventListener('cb-certificates-changed', onSelection);
  programSelect.addEventListener('change', () => setProgram(programSelect.value, 'form'));
  // the calculator's own "Target program" select: it reports its program with every plan
  calculator.addEventListener('cb-transfer-calculated', (event) => {
    if (event.detail.program !== program) setProgram(event.detail.program, 'calculator');
  });
  browser.addEventListener('cb-course-select', (event) => {
    const { course, action } = event.detail;
    if (action !== 'add') return;
    picked.set(course.code, course.title);
    renderPicked();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const certificates =
      picker.selected.map(label).join(document.documentElement.lang === 'en' ? ', ' : '、') ||
      word('none');
    (document.querySelector('#enrol-status') as HTMLElement).textContent = word('submitted', {
      program: programSelect.selectedOptions[0]?.textContent ?? program,
      certificates,
      courses: data.getAll('courses').length,
    });
  });

  const { baseUrl } = await loadConfig();
  const token = devTokenProvider(baseUrl, { tenant: tenantOf(learner), role: 'learner', learner });
  provider.token = token;
  provider.setAttribute('base-url', baseUrl);
  renderSnippet();
  const client = pageClient(baseUrl, token);
  const [account, archive] = await Promise.all([
    client.request(getLearner(learner)),
    client.request(getOutcomes(learner)),
    loadPrograms(client),
  ]);
  (document.querySelector('#user-name') as HTMLElement).textContent = account.displayName;
  (document.querySelector('#student') as HTMLInputElement).value =
    `${account.displayName}（${account.id}）`;
  held = heldCertificates(archive.items);
  if (picker.selected.length) onSelection();
}

main().catch(showPageError);
