/**
 * The seed rule pack (a core Ruleset): institutions, the certificate catalog, programs with their
 * courses, and transfer rules of every kind. Built from the source documents in `shared/seeds`:
 * the Open University's 助力计划 pilot (课程置换, 双证融通, 5 CNY a credit and 10 CNY an exam),
 * the six first-batch 1+X certificates (初级/中级/高级), the certificate categories of the pilot
 * (准入类 and 水平评价类 qualifications; industry, enterprise, professional-training and co-branded
 * certificates), and Chongqing's and Guangdong's non-formal outcomes (work experience, training,
 * online learning, internships, volunteering, innovation, research).
 *
 * Organisations here are institutions or invented; no person from the documents appears.
 */
import type {
  Certificate,
  Course,
  DisplayName,
  Institution,
  Program,
  Rule,
  Ruleset,
} from '@creditbank/core';

export const RULESET_ID = 'creditbank-demo';
export const RULESET_VERSION = '2026.11.0';

export const INSTITUTIONS: Institution[] = [
  { id: 'ouc', name: '国家开放大学', kind: 'open-university' },
  { id: 'gdou', name: '广东开放大学', kind: 'open-university' },
  { id: 'cqu', name: '重庆大学', kind: 'university' },
  { id: 'jcut', name: '江城理工大学', kind: 'university' },
  { id: 'bjvc', name: '滨江职业技术学院', kind: 'vocational-college' },
  { id: 'zikao', name: '广东省高等教育自学考试委员会', kind: 'self-study-exam' },
  { id: 'qihang', name: '启航职业技能培训中心', kind: 'training-org' },
  { id: 'anxin', name: '安信安全生产培训学校', kind: 'training-org' },
  { id: 'kangning', name: '康宁养老服务培训中心', kind: 'training-org' },
  { id: 'yunxue', name: '云学职业培训学院', kind: 'training-org' },
  { id: 'hga', name: '华工智造企业学院', kind: 'enterprise' },
  { id: 'shengda', name: '盛达物流企业学院', kind: 'enterprise' },
];

/** A catalog certificate plus the seed's own facts about it (certificate-number prefix). */
export interface SeedCertificate extends Certificate {
  numberPrefix: string;
  /** years a certificate stays valid (准入类 operation permits are reviewed every 6 years) */
  validYears?: number;
}

const X_LEVELS = ['junior', 'intermediate', 'senior'];
const X_VALUE = { junior: 4, intermediate: 6, senior: 8 };
const oneX = (id: string, name: string, prefix: string): SeedCertificate => ({
  id,
  name,
  category: 'skill-level',
  levels: X_LEVELS,
  issuer: `${name}职业技能等级证书培训评价组织`,
  creditValue: X_VALUE,
  numberPrefix: prefix,
});

export const CERTIFICATES: SeedCertificate[] = [
  // 1+X 职业技能等级证书: the six of the first batch (教职成〔2019〕6号).
  oneX('1x-bim', '建筑信息模型（BIM）', 'BIM'),
  oneX('1x-web', 'Web 前端开发', 'WEB'),
  oneX('1x-logistics', '物流管理', 'LOG'),
  oneX('1x-eldercare', '老年照护', 'ELD'),
  oneX('1x-auto', '汽车运用与维修', 'AUTO'),
  oneX('1x-nev', '智能新能源汽车', 'NEV'),
  // 准入类职业资格
  {
    id: 'electrician',
    name: '电工',
    category: 'qualification-entry',
    levels: ['level-5', 'level-4', 'level-3', 'level-2', 'level-1'],
    issuer: '职业技能鉴定中心',
    creditValue: { 'level-5': 2, 'level-4': 3, 'level-3': 5, 'level-2': 6, 'level-1': 8 },
    numberPrefix: 'ELEC',
    validYears: 6,
  },
  {
    id: 'welder',
    name: '焊工',
    category: 'qualification-entry',
    levels: ['level-5', 'level-4', 'level-3'],
    issuer: '职业技能鉴定中心',
    creditValue: { 'level-5': 2, 'level-4': 3, 'level-3': 5 },
    numberPrefix: 'WELD',
    validYears: 6,
  },
  {
    id: 'safety-officer',
    name: '安全生产管理人员',
    category: 'qualification-entry',
    levels: ['certified'],
    issuer: '应急管理部门',
    creditValue: { certified: 2 },
    numberPrefix: 'SAFE',
    validYears: 3,
  },
  // 水平评价类职业资格
  {
    id: 'hr-manager',
    name: '企业人力资源管理师',
    category: 'qualification-level',
    levels: ['level-4', 'level-3', 'level-2', 'level-1'],
    issuer: '职业技能鉴定中心',
    creditValue: { 'level-4': 3, 'level-3': 4, 'level-2': 6, 'level-1': 8 },
    numberPrefix: 'HRM',
  },
  {
    id: 'elder-care-worker',
    name: '养老护理员',
    category: 'qualification-level',
    levels: ['level-5', 'level-4', 'level-3', 'level-2', 'level-1'],
    issuer: '职业技能鉴定中心',
    creditValue: { 'level-5': 2, 'level-4': 3, 'level-3': 4 },
    numberPrefix: 'ECW',
  },
  {
    id: 'logistics-officer',
    name: '物流服务师',
    category: 'qualification-level',
    levels: ['level-4', 'level-3', 'level-2'],
    issuer: '职业技能鉴定中心',
    creditValue: { 'level-4': 3, 'level-3': 4, 'level-2': 6 },
    numberPrefix: 'LGO',
  },
  // 岗位技能培训证书: 行业证书
  {
    id: 'industry-ecommerce',
    name: '跨境电子商务师（行业证书）',
    category: 'industry',
    levels: X_LEVELS,
    issuer: '电子商务行业协会',
    creditValue: { junior: 2, intermediate: 3, senior: 4 },
    numberPrefix: 'IEC',
  },
  {
    id: 'industry-bim-modeler',
    name: 'BIM 应用技能（行业证书）',
    category: 'industry',
    levels: ['grade-1', 'grade-2', 'grade-3'],
    issuer: '建设行业协会',
    creditValue: { 'grade-1': 2, 'grade-2': 3, 'grade-3': 4 },
    numberPrefix: 'IBM',
  },
  // 企业证书
  {
    id: 'huagong-cnc',
    name: '华工智造数控操作员认证',
    category: 'enterprise',
    levels: ['L1', 'L2', 'L3'],
    issuer: '华工智造集团',
    creditValue: { L1: 1, L2: 2, L3: 4 },
    numberPrefix: 'HGCNC',
  },
  {
    id: 'shengda-warehouse',
    name: '盛达物流仓储主管认证',
    category: 'enterprise',
    levels: ['L1', 'L2'],
    issuer: '盛达物流',
    creditValue: { L1: 1, L2: 2 },
    numberPrefix: 'SDWH',
  },
  // 专业培训证书
  {
    id: 'pt-office',
    name: '办公软件应用专业培训证书',
    category: 'professional-training',
    levels: ['certified'],
    issuer: '启航职业技能培训中心',
    creditValue: { certified: 1 },
    numberPrefix: 'PTOF',
    validYears: 3,
  },
  {
    id: 'pt-quality',
    name: '质量管理专业培训证书',
    category: 'professional-training',
    levels: ['certified'],
    issuer: '华工智造企业学院',
    creditValue: { certified: 1.5 },
    numberPrefix: 'PTQM',
    validYears: 3,
  },
  {
    id: 'pt-project',
    name: '项目管理专业培训证书',
    category: 'professional-training',
    levels: ['junior', 'intermediate'],
    issuer: '云学职业培训学院',
    creditValue: { junior: 1, intermediate: 2 },
    numberPrefix: 'PTPM',
  },
  // 国家开放大学与行业或企业合作打造的证书
  {
    id: 'ouc-huagong-iot',
    name: '智能制造工程技术（国家开放大学—华工智造合作证书）',
    category: 'co-branded',
    levels: ['junior', 'intermediate'],
    issuer: '国家开放大学、华工智造集团',
    creditValue: { junior: 3, intermediate: 5 },
    numberPrefix: 'OHIOT',
  },
  {
    id: 'ouc-elder-coop',
    name: '社区养老服务（国家开放大学—康宁合作证书）',
    category: 'co-branded',
    levels: ['certified'],
    issuer: '国家开放大学、康宁养老服务培训中心',
    creditValue: { certified: 2 },
    numberPrefix: 'OECO',
  },
];

/** Display names of the seed's level ids (core `Certificate.levelNames`). */
const LEVEL_NAMES: Record<string, DisplayName> = {
  junior: { 'zh-CN': '初级', en: 'Junior' },
  intermediate: { 'zh-CN': '中级', en: 'Intermediate' },
  senior: { 'zh-CN': '高级', en: 'Senior' },
  // 国家职业资格五级…一级 (初级工, 中级工, 高级工, 技师, 高级技师)
  'level-5': { 'zh-CN': '五级/初级工', en: 'Level 5 (junior worker)' },
  'level-4': { 'zh-CN': '四级/中级工', en: 'Level 4 (intermediate worker)' },
  'level-3': { 'zh-CN': '三级/高级工', en: 'Level 3 (senior worker)' },
  'level-2': { 'zh-CN': '二级/技师', en: 'Level 2 (technician)' },
  'level-1': { 'zh-CN': '一级/高级技师', en: 'Level 1 (senior technician)' },
  'grade-1': { 'zh-CN': '一级', en: 'Grade 1' },
  'grade-2': { 'zh-CN': '二级', en: 'Grade 2' },
  'grade-3': { 'zh-CN': '三级', en: 'Grade 3' },
  L1: { 'zh-CN': '一级', en: 'Level 1' },
  L2: { 'zh-CN': '二级', en: 'Level 2' },
  L3: { 'zh-CN': '三级', en: 'Level 3' },
  certified: { 'zh-CN': '合格', en: 'Certified' },
};

type CourseRow = [code: string, title: string, credits: number, frameworkLevel: number];

const c = (institution: string, rows: CourseRow[]): Course[] =>
  rows.map(([code, title, credits, frameworkLevel]) => ({
    code,
    institution,
    title,
    credits,
    frameworkLevel,
  }));

/** Courses of the rule pack (programs' courses and the external courses rules recognise). */
export const RULEPACK_COURSES: Course[] = [
  ...c('ouc', [
    ['OUC-CS1', '计算机应用基础', 3, 4],
    ['OUC-ENG1', '理工英语1', 3, 4],
    ['OUC-ENG2', '理工英语2', 3, 5],
    ['OUC-MATH', '高等数学基础', 4, 5],
    ['OUC-PC', '思想道德与法治', 3, 4],
    ['OUC-WEB1', '网页设计与制作', 4, 5],
    ['OUC-WEB2', 'JavaScript 程序设计', 4, 5],
    ['OUC-WEB3', '前端框架应用开发', 4, 5],
    ['OUC-DB', '数据库基础与应用', 4, 5],
    ['OUC-NET', '计算机网络', 4, 5],
    ['OUC-NET2', '网络操作系统管理', 4, 5],
    ['OUC-SEC', '网络安全技术', 3, 5],
    ['OUC-LINUX', 'Linux 系统管理', 3, 5],
    ['OUC-PY', 'Python 程序设计', 4, 5],
    ['OUC-CLOUD', '云计算技术基础', 3, 5],
    ['OUC-SAFE', '安全用电', 2, 4],
    ['OUC-PRJ', '毕业设计', 5, 5],
    ['OUC-CON-DRAW', '建筑制图与识图', 4, 5],
    ['OUC-CON-STRUCT', '建筑构造', 4, 5],
    ['OUC-CON-MAT', '建筑材料', 3, 5],
    ['OUC-CON-COST', '建筑工程计量与计价', 4, 5],
    ['OUC-CON-TECH', '建筑施工技术', 4, 5],
    ['OUC-CON-PM', '工程项目管理', 4, 5],
    ['OUC-CON-LAW', '建设法规', 3, 5],
    ['OUC-CON-BIM1', 'BIM 建模技术', 4, 5],
    ['OUC-CON-BIM2', 'BIM 施工应用', 3, 5],
    ['OUC-CON-SURV', '工程测量', 3, 5],
    ['OUC-CON-ECON', '工程经济', 3, 5],
    ['OUC-CON-SAFE', '安全生产管理', 2, 5],
    ['OUC-CON-PRAC', '综合实践', 5, 5],
    ['OUC-LOG-INTRO', '物流学概论', 3, 5],
    ['OUC-LOG-WH', '仓储管理实务', 4, 5],
    ['OUC-LOG-TRANS', '运输管理实务', 4, 5],
    ['OUC-LOG-SCM', '供应链管理', 4, 5],
    ['OUC-LOG-PROC', '采购管理', 3, 5],
    ['OUC-LOG-IT', '物流信息技术', 3, 5],
    ['OUC-LOG-DC', '配送中心运营', 3, 5],
    ['OUC-LOG-FWD', '国际货运代理', 3, 5],
    ['OUC-LOG-COST', '物流成本管理', 3, 5],
    ['OUC-EC', '电子商务概论', 3, 5],
    ['OUC-MGMT', '管理学基础', 3, 5],
    ['OUC-LOG-PRAC', '毕业实践（物流）', 5, 5],
    ['OUC-ELD-PSY', '老年人生理与心理', 3, 5],
    ['OUC-ELD-CARE', '老年照护技术', 4, 5],
    ['OUC-ELD-NUTR', '老年营养与膳食', 3, 5],
    ['OUC-ELD-REHAB', '老年康复训练', 3, 5],
    ['OUC-ELD-COMM', '社区养老服务', 3, 5],
    ['OUC-ELD-MGMT', '养老机构管理', 3, 5],
    ['OUC-ELD-SW', '老年社会工作', 3, 5],
    ['OUC-ELD-NURSE', '护理学基础', 4, 5],
    ['OUC-ELD-AID', '急救技术', 2, 5],
    ['OUC-ELD-HEALTH', '健康管理概论', 3, 5],
    ['OUC-ELD-PRAC', '毕业实践（养老）', 5, 5],
    ['OUC-AUTO-STRUCT', '汽车构造', 4, 5],
    ['OUC-AUTO-ELEC', '汽车电气设备', 3, 5],
    ['OUC-AUTO-ENG', '汽车发动机维修', 4, 5],
    ['OUC-AUTO-CHAS', '汽车底盘维修', 4, 5],
    ['OUC-AUTO-DIAG', '汽车故障诊断', 3, 5],
    ['OUC-NEV-INTRO', '新能源汽车概论', 3, 5],
    ['OUC-NEV-BAT', '动力电池技术', 3, 5],
    ['OUC-NEV-MOTOR', '电机与控制', 3, 5],
    ['OUC-AUTO-SALES', '汽车营销', 2, 5],
    ['OUC-AUTO-USED', '二手车鉴定与评估', 2, 5],
    ['OUC-MECH-BASE', '机械基础', 3, 5],
    ['OUC-EE', '电工电子技术', 3, 5],
    ['OUC-AUTO-PRAC', '毕业实践（汽车）', 5, 5],
    ['OUC-MEC-DRAW', '机械制图', 4, 6],
    ['OUC-MEC-MECH', '工程力学', 4, 6],
    ['OUC-MEC-DESIGN', '机械设计基础', 4, 6],
    ['OUC-MEC-CNC', '数控编程技术', 4, 6],
    ['OUC-MEC-MT', '数控机床', 3, 6],
    ['OUC-MEC-HYD', '液压与气压传动', 3, 6],
    ['OUC-MEC-MECHA', '机电一体化系统设计', 4, 6],
    ['OUC-MEC-PLC', '可编程控制器应用', 3, 6],
    ['OUC-MEC-ROBOT', '工业机器人技术', 3, 6],
    ['OUC-MEC-QM', '质量管理', 2, 6],
    ['OUC-MEC-IM', '智能制造概论', 2, 6],
    ['OUC-MEC-THESIS', '毕业设计（本科）', 6, 6],
    ['OUC-PSY', '管理心理学', 3, 5],
  ]),
  ...c('bjvc', [
    ['BJVC-PC', '思想政治理论', 3, 5],
    ['BJVC-ENG', '大学英语', 4, 5],
    ['BJVC-MATH', '高等数学', 4, 5],
    ['BJVC-C', '程序设计基础', 4, 5],
    ['BJVC-WEB', '网页设计基础', 4, 5],
    ['BJVC-JS', 'JavaScript 交互设计', 4, 5],
    ['BJVC-VUE', 'Vue.js 前端框架', 4, 5],
    ['BJVC-WEBADV', '前端工程化实践', 3, 5],
    ['BJVC-JAVA', 'Java 程序设计', 4, 5],
    ['BJVC-DB', 'MySQL 数据库', 3, 5],
    ['BJVC-TEST', '软件测试技术', 3, 5],
    ['BJVC-INTERN', '顶岗实习', 6, 5],
    ['BJVC-CAD', '建筑 CAD', 3, 5],
  ]),
  ...c('cqu', [
    ['CQU-CS101', '大学计算机基础', 3, 6],
    ['CQU-PC', '马克思主义基本原理', 3, 6],
    ['CQU-ENG', '大学英语（三）', 3, 6],
    ['CQU-MATH', '线性代数', 3, 6],
    ['CQU-DS', '数据结构', 4, 6],
    ['CQU-OS', '操作系统', 4, 6],
    ['CQU-DB', '数据库系统原理', 4, 6],
    ['CQU-NET', '计算机网络原理', 4, 6],
    ['CQU-SE', '软件工程', 3, 6],
    ['CQU-WEB', 'Web 应用开发', 3, 6],
    ['CQU-AI', '人工智能导论', 3, 6],
    ['CQU-THESIS', '毕业论文', 6, 6],
  ]),
  ...c('zikao', [
    ['ZK-00015', '英语（二）', 6, 6],
    ['ZK-03708', '中国近现代史纲要', 2, 6],
    ['ZK-04184', '线性代数（经管类）', 3, 6],
    ['ZK-00147', '人力资源管理（一）', 6, 6],
    ['ZK-00163', '管理心理学', 4, 6],
    ['ZK-00167', '劳动法', 4, 6],
    ['ZK-05963', '绩效管理', 4, 6],
    ['ZK-06090', '人员素质测评理论与方法', 5, 6],
    ['ZK-06093', '人力资源开发与管理', 5, 6],
    ['ZK-00151', '企业经营战略', 4, 6],
    ['ZK-06999', '毕业论文（人力资源管理）', 5, 6],
  ]),
  ...c('gdou', [['GDOU-LAW', '劳动与社会保障法', 3, 5]]),
  ...c('hga', [
    ['HGA-PLC', 'PLC 编程与调试（企业课程）', 2, 4],
    ['HGA-HYD', '液压系统维护（企业课程）', 2, 4],
    ['HGA-CNC', '数控设备操作规范（企业课程）', 2, 4],
  ]),
  ...c('shengda', [['SD-OPS', '仓配一体化运营（企业课程）', 3, 4]]),
  ...c('kangning', [['KN-AID', '养老急救实训', 2, 3]]),
];

interface ProgramSpec {
  id: string;
  institution: string;
  name: string;
  totalCredits: number;
  courses: string[];
  requiredCourses: string[];
  nonTransferable: string[];
  minCertificates?: number;
  certificateOptions?: string[];
  maxTransferShare?: number;
  maxNonformalCredits?: number;
}

const program = (spec: ProgramSpec): Program => ({ ...spec });

export const PROGRAMS: Program[] = [
  program({
    id: 'ouc-cnt-assoc',
    institution: 'ouc',
    name: '计算机网络技术（专科）',
    totalCredits: 56,
    courses: [
      'OUC-CS1',
      'OUC-ENG1',
      'OUC-ENG2',
      'OUC-MATH',
      'OUC-PC',
      'OUC-WEB1',
      'OUC-WEB2',
      'OUC-WEB3',
      'OUC-DB',
      'OUC-NET',
      'OUC-NET2',
      'OUC-SEC',
      'OUC-LINUX',
      'OUC-PY',
      'OUC-CLOUD',
      'OUC-SAFE',
      'OUC-PRJ',
    ],
    requiredCourses: ['OUC-ENG1', 'OUC-PC', 'OUC-PRJ'],
    nonTransferable: ['OUC-PRJ'],
    minCertificates: 1,
    certificateOptions: ['1x-web', 'electrician', 'pt-office'],
    maxTransferShare: 0.5,
    maxNonformalCredits: 6,
  }),
  program({
    id: 'ouc-construction-assoc',
    institution: 'ouc',
    name: '建设工程管理（专科）',
    totalCredits: 50,
    courses: [
      'OUC-ENG1',
      'OUC-PC',
      'OUC-CS1',
      'OUC-CON-DRAW',
      'OUC-CON-STRUCT',
      'OUC-CON-MAT',
      'OUC-CON-COST',
      'OUC-CON-TECH',
      'OUC-CON-PM',
      'OUC-CON-LAW',
      'OUC-CON-BIM1',
      'OUC-CON-BIM2',
      'OUC-CON-SURV',
      'OUC-CON-ECON',
      'OUC-CON-SAFE',
      'OUC-CON-PRAC',
    ],
    requiredCourses: ['OUC-ENG1', 'OUC-PC', 'OUC-CON-TECH', 'OUC-CON-PRAC'],
    nonTransferable: ['OUC-CON-PRAC'],
    maxTransferShare: 0.4,
    maxNonformalCredits: 4,
  }),
  program({
    id: 'ouc-logistics-assoc',
    institution: 'ouc',
    name: '物流管理（专科）',
    totalCredits: 45,
    courses: [
      'OUC-ENG1',
      'OUC-PC',
      'OUC-CS1',
      'OUC-LOG-INTRO',
      'OUC-LOG-WH',
      'OUC-LOG-TRANS',
      'OUC-LOG-SCM',
      'OUC-LOG-PROC',
      'OUC-LOG-IT',
      'OUC-LOG-DC',
      'OUC-LOG-FWD',
      'OUC-LOG-COST',
      'OUC-EC',
      'OUC-MGMT',
      'OUC-LOG-PRAC',
    ],
    requiredCourses: ['OUC-ENG1', 'OUC-PC', 'OUC-LOG-PRAC'],
    nonTransferable: ['OUC-LOG-PRAC'],
    minCertificates: 1,
    certificateOptions: ['1x-logistics', 'logistics-officer', 'shengda-warehouse'],
    maxTransferShare: 0.5,
    maxNonformalCredits: 6,
  }),
  program({
    id: 'ouc-eldercare-assoc',
    institution: 'ouc',
    name: '老年服务与管理（专科）',
    totalCredits: 40,
    courses: [
      'OUC-ENG1',
      'OUC-PC',
      'OUC-CS1',
      'OUC-ELD-PSY',
      'OUC-ELD-CARE',
      'OUC-ELD-NUTR',
      'OUC-ELD-REHAB',
      'OUC-ELD-COMM',
      'OUC-ELD-MGMT',
      'OUC-ELD-SW',
      'OUC-ELD-NURSE',
      'OUC-ELD-AID',
      'OUC-ELD-HEALTH',
      'OUC-ELD-PRAC',
    ],
    requiredCourses: ['OUC-ENG1', 'OUC-PC', 'OUC-ELD-CARE', 'OUC-ELD-PRAC'],
    nonTransferable: ['OUC-ELD-PRAC'],
    minCertificates: 1,
    certificateOptions: ['1x-eldercare', 'elder-care-worker', 'ouc-elder-coop'],
    maxTransferShare: 0.5,
    maxNonformalCredits: 3,
  }),
  program({
    id: 'ouc-auto-assoc',
    institution: 'ouc',
    name: '汽车运用与维修技术（专科）',
    totalCredits: 44,
    courses: [
      'OUC-ENG1',
      'OUC-PC',
      'OUC-AUTO-STRUCT',
      'OUC-AUTO-ELEC',
      'OUC-AUTO-ENG',
      'OUC-AUTO-CHAS',
      'OUC-AUTO-DIAG',
      'OUC-NEV-INTRO',
      'OUC-NEV-BAT',
      'OUC-NEV-MOTOR',
      'OUC-AUTO-SALES',
      'OUC-AUTO-USED',
      'OUC-MECH-BASE',
      'OUC-EE',
      'OUC-AUTO-PRAC',
    ],
    requiredCourses: ['OUC-ENG1', 'OUC-PC', 'OUC-AUTO-DIAG', 'OUC-AUTO-PRAC'],
    nonTransferable: ['OUC-AUTO-PRAC'],
    minCertificates: 1,
    certificateOptions: ['1x-auto', '1x-nev', 'electrician'],
    maxTransferShare: 0.5,
    maxNonformalCredits: 4,
  }),
  program({
    id: 'ouc-mech-bachelor',
    institution: 'ouc',
    name: '机械设计制造及其自动化（本科）',
    totalCredits: 44,
    courses: [
      'OUC-ENG2',
      'OUC-PC',
      'OUC-MEC-DRAW',
      'OUC-MEC-MECH',
      'OUC-MEC-DESIGN',
      'OUC-MEC-CNC',
      'OUC-MEC-MT',
      'OUC-MEC-HYD',
      'OUC-MEC-MECHA',
      'OUC-MEC-PLC',
      'OUC-MEC-ROBOT',
      'OUC-MEC-QM',
      'OUC-MEC-IM',
      'OUC-MEC-THESIS',
    ],
    requiredCourses: ['OUC-ENG2', 'OUC-PC', 'OUC-MEC-DESIGN', 'OUC-MEC-THESIS'],
    nonTransferable: ['OUC-MEC-THESIS'],
    minCertificates: 1,
    certificateOptions: ['huagong-cnc', 'ouc-huagong-iot', 'electrician', 'welder'],
    maxTransferShare: 0.6,
    maxNonformalCredits: 8,
  }),
  program({
    id: 'bjvc-software-assoc',
    institution: 'bjvc',
    name: '软件技术（专科）',
    totalCredits: 42,
    courses: [
      'BJVC-PC',
      'BJVC-ENG',
      'BJVC-MATH',
      'BJVC-C',
      'BJVC-WEB',
      'BJVC-JS',
      'BJVC-VUE',
      'BJVC-WEBADV',
      'BJVC-JAVA',
      'BJVC-DB',
      'BJVC-TEST',
      'BJVC-INTERN',
    ],
    requiredCourses: ['BJVC-PC', 'BJVC-ENG', 'BJVC-INTERN'],
    nonTransferable: ['BJVC-INTERN'],
    minCertificates: 1,
    certificateOptions: ['1x-web'],
    maxTransferShare: 0.3,
    maxNonformalCredits: 2,
  }),
  program({
    id: 'cqu-cs-bachelor',
    institution: 'cqu',
    name: '计算机科学与技术（继续教育本科）',
    totalCredits: 40,
    courses: [
      'CQU-CS101',
      'CQU-PC',
      'CQU-ENG',
      'CQU-MATH',
      'CQU-DS',
      'CQU-OS',
      'CQU-DB',
      'CQU-NET',
      'CQU-SE',
      'CQU-WEB',
      'CQU-AI',
      'CQU-THESIS',
    ],
    requiredCourses: ['CQU-PC', 'CQU-ENG', 'CQU-DS', 'CQU-THESIS'],
    nonTransferable: ['CQU-THESIS'],
    maxTransferShare: 0.25,
    maxNonformalCredits: 2,
  }),
  program({
    id: 'zikao-hr-bachelor',
    institution: 'zikao',
    name: '人力资源管理（自学考试本科）',
    totalCredits: 45,
    courses: [
      'ZK-00015',
      'ZK-03708',
      'ZK-04184',
      'ZK-00147',
      'ZK-00163',
      'ZK-00167',
      'ZK-05963',
      'ZK-06090',
      'ZK-06093',
      'ZK-00151',
      'ZK-06999',
    ],
    requiredCourses: ['ZK-00015', 'ZK-03708', 'ZK-06999'],
    nonTransferable: ['ZK-06999'],
    maxTransferShare: 0.5,
    maxNonformalCredits: 4,
  }),
];

const sub = (
  id: string,
  prog: string,
  certificate: string,
  minLevel: string,
  courses: string[],
  extra: { group?: string; priority?: number } = {},
): Rule => ({ id, kind: 'substitution', program: prog, certificate, minLevel, courses, ...extra });

const rec = (
  id: string,
  prog: string,
  from: [institution: string, course: string],
  to: string,
  extra: { minScore?: number; minCredits?: number; group?: string } = {},
): Rule => ({
  id,
  kind: 'recognition',
  program: prog,
  from: { institution: from[0], course: from[1] },
  to,
  ...extra,
});

const nf = (
  id: string,
  prog: string,
  category: string,
  hoursPerCredit: number,
  extra: { minHours?: number; maxCredits?: number; to?: string } = {},
): Rule => ({ id, kind: 'nonformal', program: prog, category, hoursPerCredit, ...extra });

/** 转换规则: 课程置换, 学分互认/自考免考, 非学历成果转换, 双证融通. */
export const RULES: Rule[] = [
  // 计算机网络技术（专科）
  sub('R-CNT-SUB-WEB-J', 'ouc-cnt-assoc', '1x-web', 'junior', ['OUC-WEB1'], { group: 'web' }),
  sub('R-CNT-SUB-WEB-I', 'ouc-cnt-assoc', '1x-web', 'intermediate', ['OUC-WEB1', 'OUC-WEB2'], {
    group: 'web',
  }),
  sub(
    'R-CNT-SUB-WEB-S',
    'ouc-cnt-assoc',
    '1x-web',
    'senior',
    ['OUC-WEB1', 'OUC-WEB2', 'OUC-WEB3'],
    { group: 'web', priority: 1 },
  ),
  sub('R-CNT-SUB-ELEC', 'ouc-cnt-assoc', 'electrician', 'level-4', ['OUC-SAFE']),
  rec('R-CNT-REC-CQU-CS', 'ouc-cnt-assoc', ['cqu', 'CQU-CS101'], 'OUC-CS1', { minScore: 70 }),
  rec('R-CNT-REC-ZK-ENG', 'ouc-cnt-assoc', ['zikao', 'ZK-00015'], 'OUC-ENG2', { minScore: 60 }),
  nf('R-CNT-NF-WORK', 'ouc-cnt-assoc', 'work-experience', 36, { minHours: 360, maxCredits: 4 }),
  nf('R-CNT-NF-ONLINE', 'ouc-cnt-assoc', 'online-learning', 18, { minHours: 40, to: 'OUC-CLOUD' }),
  {
    id: 'R-CNT-DUAL-WEB',
    kind: 'dual-certificate',
    program: 'ouc-cnt-assoc',
    certificate: '1x-web',
    level: 'junior',
    courses: ['OUC-WEB1', 'OUC-WEB2'],
    minScore: 60,
  },
  // 建设工程管理（专科）
  sub('R-CON-SUB-BIM-J', 'ouc-construction-assoc', '1x-bim', 'junior', ['OUC-CON-BIM1'], {
    group: 'bim',
  }),
  sub(
    'R-CON-SUB-BIM-I',
    'ouc-construction-assoc',
    '1x-bim',
    'intermediate',
    ['OUC-CON-BIM1', 'OUC-CON-BIM2'],
    { group: 'bim' },
  ),
  sub(
    'R-CON-SUB-IND-BIM',
    'ouc-construction-assoc',
    'industry-bim-modeler',
    'grade-2',
    ['OUC-CON-BIM1'],
    { group: 'bim', priority: -1 },
  ),
  sub('R-CON-SUB-SAFE', 'ouc-construction-assoc', 'safety-officer', 'certified', ['OUC-CON-SAFE']),
  rec('R-CON-REC-BJVC-CAD', 'ouc-construction-assoc', ['bjvc', 'BJVC-CAD'], 'OUC-CON-DRAW', {
    minScore: 70,
    minCredits: 3,
  }),
  nf('R-CON-NF-WORK', 'ouc-construction-assoc', 'work-experience', 40, {
    minHours: 400,
    maxCredits: 4,
  }),
  // 物流管理（专科）
  sub('R-LOG-SUB-1X-J', 'ouc-logistics-assoc', '1x-logistics', 'junior', ['OUC-LOG-WH'], {
    group: 'log1x',
  }),
  sub(
    'R-LOG-SUB-1X-I',
    'ouc-logistics-assoc',
    '1x-logistics',
    'intermediate',
    ['OUC-LOG-WH', 'OUC-LOG-TRANS'],
    { group: 'log1x' },
  ),
  sub(
    'R-LOG-SUB-1X-S',
    'ouc-logistics-assoc',
    '1x-logistics',
    'senior',
    ['OUC-LOG-WH', 'OUC-LOG-TRANS', 'OUC-LOG-SCM'],
    { group: 'log1x' },
  ),
  sub('R-LOG-SUB-OFFICER', 'ouc-logistics-assoc', 'logistics-officer', 'level-4', ['OUC-LOG-DC']),
  sub('R-LOG-SUB-SHENGDA', 'ouc-logistics-assoc', 'shengda-warehouse', 'L2', ['OUC-LOG-WH']),
  rec('R-LOG-REC-SHENGDA', 'ouc-logistics-assoc', ['shengda', 'SD-OPS'], 'OUC-LOG-DC', {
    minScore: 75,
  }),
  nf('R-LOG-NF-INTERN', 'ouc-logistics-assoc', 'internship', 30, { maxCredits: 4 }),
  nf('R-LOG-NF-TRAIN', 'ouc-logistics-assoc', 'training', 16, { minHours: 32, to: 'OUC-LOG-IT' }),
  // 老年服务与管理（专科）
  sub('R-ELD-SUB-1X-J', 'ouc-eldercare-assoc', '1x-eldercare', 'junior', ['OUC-ELD-CARE'], {
    group: 'eld1x',
  }),
  sub(
    'R-ELD-SUB-1X-I',
    'ouc-eldercare-assoc',
    '1x-eldercare',
    'intermediate',
    ['OUC-ELD-CARE', 'OUC-ELD-REHAB'],
    { group: 'eld1x' },
  ),
  sub('R-ELD-SUB-WORKER', 'ouc-eldercare-assoc', 'elder-care-worker', 'level-4', ['OUC-ELD-NURSE']),
  sub('R-ELD-SUB-COOP', 'ouc-eldercare-assoc', 'ouc-elder-coop', 'certified', ['OUC-ELD-COMM']),
  rec('R-ELD-REC-KN-AID', 'ouc-eldercare-assoc', ['kangning', 'KN-AID'], 'OUC-ELD-AID', {
    minScore: 60,
  }),
  nf('R-ELD-NF-VOL', 'ouc-eldercare-assoc', 'volunteering', 40, { maxCredits: 2 }),
  {
    id: 'R-ELD-DUAL',
    kind: 'dual-certificate',
    program: 'ouc-eldercare-assoc',
    certificate: '1x-eldercare',
    level: 'junior',
    courses: ['OUC-ELD-CARE', 'OUC-ELD-NUTR'],
    minScore: 70,
  },
  // 汽车运用与维修技术（专科）
  sub('R-AUTO-SUB-1X-J', 'ouc-auto-assoc', '1x-auto', 'junior', ['OUC-AUTO-ENG'], {
    group: 'auto1x',
  }),
  sub(
    'R-AUTO-SUB-1X-I',
    'ouc-auto-assoc',
    '1x-auto',
    'intermediate',
    ['OUC-AUTO-ENG', 'OUC-AUTO-CHAS'],
    { group: 'auto1x' },
  ),
  sub('R-AUTO-SUB-NEV-J', 'ouc-auto-assoc', '1x-nev', 'junior', ['OUC-NEV-INTRO'], {
    group: 'nev1x',
  }),
  sub(
    'R-AUTO-SUB-NEV-I',
    'ouc-auto-assoc',
    '1x-nev',
    'intermediate',
    ['OUC-NEV-INTRO', 'OUC-NEV-BAT'],
    { group: 'nev1x' },
  ),
  sub('R-AUTO-SUB-ELEC', 'ouc-auto-assoc', 'electrician', 'level-4', ['OUC-EE']),
  nf('R-AUTO-NF-WORK', 'ouc-auto-assoc', 'work-experience', 50, {
    minHours: 500,
    maxCredits: 4,
  }),
  // 机械设计制造及其自动化（本科）
  sub('R-MEC-SUB-CNC-2', 'ouc-mech-bachelor', 'huagong-cnc', 'L2', ['OUC-MEC-CNC'], {
    group: 'cnc',
  }),
  sub('R-MEC-SUB-CNC-3', 'ouc-mech-bachelor', 'huagong-cnc', 'L3', ['OUC-MEC-CNC', 'OUC-MEC-MT'], {
    group: 'cnc',
    priority: 1,
  }),
  sub('R-MEC-SUB-IOT', 'ouc-mech-bachelor', 'ouc-huagong-iot', 'junior', [
    'OUC-MEC-IM',
    'OUC-MEC-ROBOT',
  ]),
  sub('R-MEC-SUB-QUAL', 'ouc-mech-bachelor', 'pt-quality', 'certified', ['OUC-MEC-QM']),
  rec('R-MEC-REC-HGA-PLC', 'ouc-mech-bachelor', ['hga', 'HGA-PLC'], 'OUC-MEC-PLC', {
    minScore: 75,
    minCredits: 2,
  }),
  rec('R-MEC-REC-HGA-HYD', 'ouc-mech-bachelor', ['hga', 'HGA-HYD'], 'OUC-MEC-HYD', {
    minScore: 70,
  }),
  nf('R-MEC-NF-WORK', 'ouc-mech-bachelor', 'work-experience', 60, {
    minHours: 1000,
    maxCredits: 6,
  }),
  nf('R-MEC-NF-INNOV', 'ouc-mech-bachelor', 'innovation', 30, {
    minHours: 60,
    to: 'OUC-MEC-MECHA',
  }),
  {
    id: 'R-MEC-DUAL-IOT',
    kind: 'dual-certificate',
    program: 'ouc-mech-bachelor',
    certificate: 'ouc-huagong-iot',
    level: 'junior',
    courses: ['OUC-MEC-IM', 'OUC-MEC-ROBOT', 'OUC-MEC-PLC'],
    minScore: 65,
  },
  // 软件技术（专科）
  sub(
    'R-BJVC-SUB-WEB-I',
    'bjvc-software-assoc',
    '1x-web',
    'intermediate',
    ['BJVC-WEB', 'BJVC-JS'],
    { group: 'web' },
  ),
  rec('R-BJVC-REC-OUC-DB', 'bjvc-software-assoc', ['ouc', 'OUC-DB'], 'BJVC-DB', { minScore: 60 }),
  nf('R-BJVC-NF-ONLINE', 'bjvc-software-assoc', 'online-learning', 24, { maxCredits: 2 }),
  {
    id: 'R-BJVC-DUAL-WEB-J',
    kind: 'dual-certificate',
    program: 'bjvc-software-assoc',
    certificate: '1x-web',
    level: 'junior',
    courses: ['BJVC-WEB', 'BJVC-JS'],
  },
  // 计算机科学与技术（继续教育本科）
  rec('R-CQU-REC-OUC-DB', 'cqu-cs-bachelor', ['ouc', 'OUC-DB'], 'CQU-DB', {
    minScore: 75,
    minCredits: 4,
  }),
  rec('R-CQU-REC-OUC-NET', 'cqu-cs-bachelor', ['ouc', 'OUC-NET'], 'CQU-NET', { minScore: 75 }),
  rec('R-CQU-REC-ZK-MATH', 'cqu-cs-bachelor', ['zikao', 'ZK-04184'], 'CQU-MATH', {
    minScore: 60,
  }),
  sub('R-CQU-SUB-WEB-S', 'cqu-cs-bachelor', '1x-web', 'senior', ['CQU-WEB']),
  nf('R-CQU-NF-RESEARCH', 'cqu-cs-bachelor', 'research', 45, { maxCredits: 2 }),
  // 人力资源管理（自学考试本科）: 自考免考
  sub('R-ZK-SUB-HR-3', 'zikao-hr-bachelor', 'hr-manager', 'level-3', ['ZK-00147', 'ZK-06093'], {
    group: 'hrcert',
  }),
  sub('R-ZK-SUB-HR-4', 'zikao-hr-bachelor', 'hr-manager', 'level-4', ['ZK-00147'], {
    group: 'hrcert',
  }),
  rec('R-ZK-REC-OUC-PSY', 'zikao-hr-bachelor', ['ouc', 'OUC-PSY'], 'ZK-00163', { minScore: 60 }),
  rec('R-ZK-REC-CQU-ENG', 'zikao-hr-bachelor', ['cqu', 'CQU-ENG'], 'ZK-00015', { minScore: 70 }),
  rec('R-ZK-REC-GDOU-LAW', 'zikao-hr-bachelor', ['gdou', 'GDOU-LAW'], 'ZK-00167', {
    minScore: 60,
  }),
  nf('R-ZK-NF-TRAIN', 'zikao-hr-bachelor', 'training', 20, { minHours: 40, maxCredits: 4 }),
  // 双证融通 of no program: the college's advanced front-end courses earn 1+X Web 中级.
  {
    id: 'R-DUAL-WEB-I',
    kind: 'dual-certificate',
    certificate: '1x-web',
    level: 'intermediate',
    courses: ['BJVC-VUE', 'BJVC-WEBADV'],
    minScore: 70,
  },
];

export const FEES = { perCredit: 5, perExam: 10, currency: 'CNY' };

export const POINTS = {
  perCredit: 1,
  hoursPerCredit: 18,
  tiers: [
    { name: 'bronze', minPoints: 10 },
    { name: 'silver', minPoints: 30 },
    { name: 'gold', minPoints: 60 },
    { name: 'platinum', minPoints: 120 },
  ],
};

/** The certificate catalog as core certificates (without the seed-only fields). */
export function coreCertificates(): Certificate[] {
  return CERTIFICATES.map((cert) => {
    const { numberPrefix: _prefix, validYears: _years, ...rest } = cert;
    const levelNames = Object.fromEntries(
      cert.levels.flatMap((level) => (LEVEL_NAMES[level] ? [[level, LEVEL_NAMES[level]]] : [])),
    );
    return { ...rest, levelNames };
  });
}

/** The rule pack with the given course catalog. */
export function rulesetWith(courses: Course[]): Ruleset {
  return {
    id: RULESET_ID,
    version: RULESET_VERSION,
    fees: FEES,
    points: POINTS,
    institutions: INSTITUTIONS,
    certificates: coreCertificates(),
    courses,
    programs: PROGRAMS,
    rules: RULES,
  };
}
