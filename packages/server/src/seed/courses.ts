/**
 * The course supermarket (课程超市): the rule pack's own courses plus generated offers of many
 * providers — open universities and their industry colleges, universities, a vocational college,
 * training organisations, enterprise academies and a course platform's studios.
 */
import type { Course } from '@creditbank/core';
import type { Random } from './random.js';
import { INSTITUTIONS, RULEPACK_COURSES } from './rulepack.js';

/** A supermarket course: a core course with its offer. */
export interface CatalogCourseRow extends Course {
  fee: number;
  providerName: string;
}

interface Provider {
  id: string;
  name: string;
  institution: string;
}

export const PROVIDERS: Provider[] = [
  ...INSTITUTIONS.map((i) => ({ id: i.id, name: i.name, institution: i.id })),
  { id: 'ouc-auto', name: '国家开放大学汽车学院', institution: 'ouc' },
  { id: 'ouc-logistics', name: '国家开放大学物流学院', institution: 'ouc' },
  { id: 'ouc-elder', name: '国家开放大学养老服务学院', institution: 'ouc' },
  { id: 'gdou-ce', name: '广东开放大学继续教育学院', institution: 'gdou' },
  { id: 'cqu-ce', name: '重庆大学继续教育学院', institution: 'cqu' },
  { id: 'jcut-ce', name: '江城理工大学继续教育学院', institution: 'jcut' },
  { id: 'zikao-tutor', name: '自学考试社会助学中心', institution: 'zikao' },
  { id: 'qihang-online', name: '启航在线学堂', institution: 'qihang' },
  { id: 'hga-digital', name: '华工智造数字化学习中心', institution: 'hga' },
  { id: 'yunxue-ai', name: '云学·人工智能工作室', institution: 'yunxue' },
  { id: 'yunxue-design', name: '云学·设计工作室', institution: 'yunxue' },
  { id: 'yunxue-lang', name: '云学·语言学堂', institution: 'yunxue' },
  { id: 'yunxue-culture', name: '云学·传统文化学堂', institution: 'yunxue' },
  { id: 'yunxue-finance', name: '云学·财会学堂', institution: 'yunxue' },
  { id: 'yunxue-health', name: '云学·健康生活学堂', institution: 'yunxue' },
];

const providerById = new Map(PROVIDERS.map((p) => [p.id, p]));

interface Domain {
  tags: string[];
  providers: string[];
  stems: string[];
  /** framework levels (资历框架) the domain's offers span */
  levels: [number, number];
}

const DOMAINS: Domain[] = [
  {
    tags: ['建筑', 'BIM', '1+X'],
    providers: ['ouc', 'gdou', 'jcut-ce', 'bjvc', 'qihang', 'yunxue-design'],
    stems: [
      'BIM 建模基础',
      'Revit 建筑建模',
      'BIM 机电综合',
      'BIM 施工管理',
      '建筑识图',
      '建筑 CAD 绘图',
      '装配式建筑概论',
      '工程造价软件应用',
      '施工组织设计',
      '建筑工程测量',
      '绿色建筑技术',
      'BIM 项目协同',
    ],
    levels: [3, 6],
  },
  {
    tags: ['信息技术', 'Web 前端', '1+X'],
    providers: ['ouc', 'gdou-ce', 'bjvc', 'cqu-ce', 'qihang-online', 'yunxue-ai'],
    stems: [
      'HTML5 与 CSS3',
      'JavaScript 基础',
      'Vue.js 组件开发',
      'React 应用开发',
      'TypeScript 编程',
      'Node.js 服务端开发',
      '前端工程化',
      '响应式网页设计',
      '小程序开发',
      'Web 安全基础',
      'Python 编程入门',
      '数据库 SQL 基础',
      'Linux 运维基础',
      '云计算入门',
      'Git 协作开发',
    ],
    levels: [3, 6],
  },
  {
    tags: ['物流', '供应链', '1+X'],
    providers: ['ouc-logistics', 'shengda', 'gdou-ce', 'qihang'],
    stems: [
      '仓储管理',
      '运输组织',
      '供应链管理',
      '冷链物流',
      '物流信息系统',
      '采购与库存控制',
      '配送中心规划',
      '跨境物流',
      '智慧物流',
      '快递运营管理',
    ],
    levels: [2, 5],
  },
  {
    tags: ['养老', '健康照护', '1+X'],
    providers: ['ouc-elder', 'kangning', 'gdou', 'yunxue-health'],
    stems: [
      '老年照护基础',
      '失能老人照护',
      '老年康复训练',
      '老年营养配餐',
      '认知症照护',
      '安宁疗护',
      '居家养老服务',
      '社区养老服务',
      '健康管理',
      '心理疏导技巧',
    ],
    levels: [2, 5],
  },
  {
    tags: ['汽车', '1+X'],
    providers: ['ouc-auto', 'bjvc', 'qihang', 'jcut-ce'],
    stems: [
      '汽车发动机检修',
      '汽车底盘检修',
      '汽车电气系统',
      '汽车故障诊断',
      '汽车保养与维护',
      '钣金与喷涂',
      '汽车营销实务',
      '二手车评估',
    ],
    levels: [2, 5],
  },
  {
    tags: ['新能源汽车', '1+X'],
    providers: ['ouc-auto', 'jcut', 'hga-digital', 'qihang-online'],
    stems: [
      '新能源汽车概论',
      '动力电池检测与维修',
      '驱动电机技术',
      '充电设施运维',
      '智能网联汽车',
      '高压安全防护',
      '整车控制系统',
    ],
    levels: [3, 6],
  },
  {
    tags: ['电工', '安全生产'],
    providers: ['anxin', 'qihang', 'hga', 'ouc'],
    stems: [
      '低压电工作业',
      '高压电工作业',
      '电工基础',
      'PLC 编程入门',
      '安全用电',
      '特种作业安全',
      '消防设施操作',
      '安全生产法规',
      '应急救援',
      '焊接工艺基础',
    ],
    levels: [2, 4],
  },
  {
    tags: ['智能制造'],
    providers: ['hga', 'hga-digital', 'jcut', 'ouc'],
    stems: [
      '数控车床编程',
      '数控铣削加工',
      '工业机器人操作',
      '机械制图',
      '液压与气动',
      '智能制造概论',
      '精益生产',
      '质量管理体系',
      '6S 现场管理',
      '设备维护与保养',
    ],
    levels: [3, 6],
  },
  {
    tags: ['人力资源', '管理'],
    providers: ['zikao-tutor', 'gdou-ce', 'cqu-ce', 'yunxue-finance', 'qihang-online'],
    stems: [
      '人力资源管理基础',
      '招聘与配置',
      '培训与开发',
      '绩效管理',
      '薪酬管理',
      '劳动关系管理',
      '组织行为学',
      '领导力提升',
      '项目管理实务',
      '团队沟通',
    ],
    levels: [4, 7],
  },
  {
    tags: ['财会', '电子商务'],
    providers: ['yunxue-finance', 'gdou', 'zikao-tutor', 'qihang-online'],
    stems: [
      '会计基础',
      '财务报表分析',
      '个人所得税实务',
      '出纳实务',
      '电子商务运营',
      '直播电商',
      '跨境电商实务',
      '新媒体营销',
      '数据分析与可视化',
      'Excel 高效办公',
    ],
    levels: [3, 6],
  },
  {
    tags: ['数字技能', '人工智能'],
    providers: ['yunxue-ai', 'cqu-ce', 'jcut-ce', 'ouc'],
    stems: [
      '人工智能导论',
      '机器学习入门',
      '大数据基础',
      '数字素养',
      '生成式人工智能应用',
      '数据标注实务',
      '信息安全意识',
      '办公软件应用',
    ],
    levels: [3, 7],
  },
  {
    tags: ['通识', '语言与文化'],
    providers: ['yunxue-lang', 'yunxue-culture', 'gdou', 'ouc'],
    stems: [
      '商务英语',
      '职场英语口语',
      '大学语文',
      '中华优秀传统文化',
      '书法艺术',
      '茶文化与茶艺',
      '摄影基础',
      '普通话水平提升',
      '家庭教育指导',
      '法律常识',
    ],
    levels: [1, 5],
  },
];

const VARIANTS: [suffix: string, level: number | null, tag: string | null][] = [
  ['', null, null],
  ['（初级）', 3, null],
  ['（中级）', 4, null],
  ['（高级）', 5, null],
  ['实战', null, '实训'],
  ['入门', null, null],
  ['进阶', null, null],
  ['案例精讲', null, null],
  ['专题研修', null, null],
  ['考证辅导', null, '考证'],
  ['微课', null, '微课程'],
  ['实训', null, '实训'],
];

const EDITIONS = ['', '（2024 版）', '（2025 版）', '（2026 版）'];

const MODES: [string, number][] = [
  ['online', 55],
  ['blended', 25],
  ['offline', 20],
];

const CREDITS: [number, number][] = [
  [0.5, 10],
  [1, 25],
  [1.5, 10],
  [2, 25],
  [2.5, 5],
  [3, 15],
  [4, 8],
  [5, 2],
];

function fee(random: Random, credits: number): number {
  const band = random.weighted<number>([
    [0, 25],
    [1, 40],
    [2, 25],
    [3, 10],
  ]);
  if (band === 0) return 0;
  if (band === 1) return random.pick([19, 29, 49, 59, 79, 99, 128, 149, 168, 199]);
  if (band === 2) return random.pick([219, 249, 280, 299, 320, 360, 399, 450, 480, 499]);
  return Math.min(2000, 500 + credits * random.pick([120, 180, 240, 300]) + random.pick([0, 99]));
}

/**
 * The whole course catalog: the rule pack's courses first, then generated offers up to `total`
 * courses in all (at least the rule pack's).
 */
export function buildCourses(random: Random, total: number): CatalogCourseRow[] {
  const own: CatalogCourseRow[] = RULEPACK_COURSES.map((course) => {
    const provider = providerById.get(course.institution);
    return {
      ...course,
      provider: course.institution,
      providerName: provider?.name ?? course.institution,
      mode: course.institution === 'ouc' || course.institution === 'gdou' ? 'blended' : 'offline',
      tags: ['学历课程'],
      // 学分费 5 元/学分 (国开教〔2014〕8号)
      fee: course.credits * 5,
    };
  });
  const out = own;
  const generated = Math.max(0, total - own.length);
  for (let i = 0; i < generated; i++) {
    const domain = random.pick(DOMAINS);
    const stem = random.pick(domain.stems);
    const [suffix, variantLevel, variantTag] = random.pick(VARIANTS);
    const edition = random.chance(0.3) ? random.pick(EDITIONS) : '';
    const providerId = random.pick(domain.providers);
    const provider = providerById.get(providerId) as Provider;
    const credits = random.weighted(CREDITS);
    const amount = fee(random, credits);
    const tags = [...random.sample(domain.tags, random.int(1, domain.tags.length))];
    if (variantTag) tags.push(variantTag);
    if (amount === 0) tags.push('免费');
    out.push({
      code: `KC${String(i + 1).padStart(6, '0')}`,
      institution: provider.institution,
      title: `${stem}${suffix}${edition}`,
      credits,
      frameworkLevel: variantLevel ?? random.int(domain.levels[0], domain.levels[1]),
      provider: provider.id,
      providerName: provider.name,
      mode: random.weighted(MODES),
      tags,
      fee: amount,
    });
  }
  return out;
}
