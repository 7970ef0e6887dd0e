/**
 * LMS demo: a training organisation's course page (启航职业技能培训中心) with the learner's credit
 * balance and learning record in the sidebar, from the widgets' npm package.
 */
import '@creditbank/elements/all.js';
import { getLearner } from '@creditbank/client/endpoints';
import type { CbProvider } from '@creditbank/elements';
import {
  applyLook,
  devTokenProvider,
  initialLook,
  learnerParam,
  loadConfig,
  onLookSwitch,
  pageClient,
  showPageError,
  showSnippet,
  tenantOf,
  widgetMarkup,
  type Dictionary,
  type Look,
} from './host.js';

const dictionary: Dictionary = {
  'zh-CN': {
    pageTitle: 'Web 前端开发（中级）考证培训班 · 启航职业技能培训中心',
    skip: '跳到主要内容',
    brand: '启航职业技能培训中心 · 在线学习平台',
    navLabel: '主导航',
    navCourses: '课程中心',
    navMine: '我的学习',
    navExams: '考证报名',
    navBank: '学分银行',
    hello: '你好，',
    themeLabel: '主题',
    light: '浅色',
    dark: '深色',
    crumbsLabel: '面包屑',
    crumbX: '1+X 证书培训',
    courseShort: 'Web 前端开发（中级）',
    tagX: '1+X 职业技能等级证书',
    tagOnline: '线上 + 线下',
    courseTitle: 'Web 前端开发职业技能等级（中级）考证培训班',
    courseLead:
      '面向在职人员的 48 学时考证课程：完成学习并通过考核，证书可存入学分银行，转换为国家开放大学计算机网络技术（专科）的课程学分。',
    factHours: '学时',
    factTeacher: '讲师',
    teacher: '周老师（高级讲师）',
    factTerm: '开课时间',
    factProgress: '我的进度',
    progressLabel: '学习进度 75%',
    continue: '继续学习：第 7 章',
    chapters: '课程目录',
    ch1: '第 1 章　HTML5 语义化与无障碍',
    ch2: '第 2 章　CSS3 布局：Flex 与 Grid',
    ch3: '第 3 章　JavaScript 与 TypeScript 基础',
    ch4: '第 4 章　浏览器与网络：HTTP、缓存、CORS',
    ch5: '第 5 章　组件化开发与 Web Components',
    ch6: '第 6 章　前端工程化：构建、测试、部署',
    ch7: '第 7 章　性能优化与移动端适配',
    ch8: '第 8 章　综合项目与考前模拟',
    done: '已完成',
    current: '学习中',
    todo: '未开始',
    source: '查看源码：本页的嵌入代码',
    sourceNote: '侧边栏的两个组件就是下面这段标记（由页面实时生成，令牌除外）。',
    sidebar: '我的学分银行',
    footer: '© 2026 启航职业技能培训中心（演示页面，数据来自学分银行参考服务器）',
  },
  en: {
    pageTitle:
      'Web Front-End Development (Intermediate) exam course · Qihang Vocational Training Centre',
    skip: 'Skip to main content',
    brand: 'Qihang Vocational Training Centre · Online learning',
    navLabel: 'Main navigation',
    navCourses: 'Courses',
    navMine: 'My learning',
    navExams: 'Certificate exams',
    navBank: 'Credit bank',
    hello: 'Hello, ',
    themeLabel: 'Theme',
    light: 'Light',
    dark: 'Dark',
    crumbsLabel: 'Breadcrumbs',
    crumbX: '1+X certificate training',
    courseShort: 'Web Front-End (Intermediate)',
    tagX: '1+X vocational skill certificate',
    tagOnline: 'Online + on site',
    courseTitle: 'Web Front-End Development Skill Certificate (Intermediate) exam course',
    courseLead:
      'A 48-hour course for working adults: pass the assessment and the certificate goes into your credit bank account, where it converts into course credits of the Open University’s Computer Network Technology associate program.',
    factHours: 'Hours',
    factTeacher: 'Teacher',
    teacher: 'Ms Zhou (senior lecturer)',
    factTerm: 'Term',
    factProgress: 'My progress',
    progressLabel: 'Progress 75%',
    continue: 'Continue: chapter 7',
    chapters: 'Chapters',
    ch1: 'Chapter 1  Semantic HTML5 and accessibility',
    ch2: 'Chapter 2  CSS3 layout: Flex and Grid',
    ch3: 'Chapter 3  JavaScript and TypeScript basics',
    ch4: 'Chapter 4  Browsers and the network: HTTP, caching, CORS',
    ch5: 'Chapter 5  Components and Web Components',
    ch6: 'Chapter 6  Tooling: build, test, deploy',
    ch7: 'Chapter 7  Performance and mobile',
    ch8: 'Chapter 8  Capstone project and mock exam',
    done: 'Done',
    current: 'In progress',
    todo: 'Not started',
    source: 'View source: the embed code of this page',
    sourceNote:
      'The two widgets of the sidebar are this markup (generated from the live page; the token is left out).',
    sidebar: 'My credit bank',
    footer:
      '© 2026 Qihang Vocational Training Centre (demo page; data from the credit-bank reference server)',
  },
};

const learner = learnerParam('trn-0001');
const look = initialLook();
const provider = document.querySelector<CbProvider>('cb-provider') as CbProvider;

function render(current: Look): void {
  applyLook(current, dictionary);
  provider.setAttribute('locale', current.locale);
  provider.setAttribute('theme', current.theme);
  showSnippet(
    [
      '<script type="module">',
      "  import '@creditbank/elements/all.js';",
      '  // a token function: asked again when the API answers 401',
      "  document.querySelector('cb-provider').token = async ({ refresh }) => getLearnerToken({ refresh });",
      '</script>',
      widgetMarkup(provider),
    ].join('\n'),
  );
}

async function main(): Promise<void> {
  for (const widget of provider.querySelectorAll('cb-credit-balance, cb-learning-record')) {
    widget.setAttribute('learner', learner);
  }
  render(look);
  onLookSwitch(look, render);
  const { baseUrl } = await loadConfig();
  const token = devTokenProvider(baseUrl, { tenant: tenantOf(learner), role: 'learner', learner });
  provider.token = token;
  provider.setAttribute('base-url', baseUrl);
  render(look);
  const account = await pageClient(baseUrl, token).request(getLearner(learner));
  (document.querySelector('#user-name') as HTMLElement).textContent = account.displayName;
}

main().catch(showPageError);
