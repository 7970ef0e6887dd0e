import type { Locale, Messages } from '../shared/i18n.js';

export const messages: Messages<
  | 'title'
  | 'search'
  | 'searchPlaceholder'
  | 'sort'
  | 'filters'
  | 'provider'
  | 'credits'
  | 'level'
  | 'mode'
  | 'fee'
  | 'all'
  | 'clear'
  | 'option'
  | 'total'
  | 'results'
  | 'noMatch'
  | 'loadingMore'
  | 'moreFailed'
  | 'add'
  | 'creditsValue'
  | 'levelValue'
  | 'free'
  | 'feeFrom'
  | 'relevance'
  | 'sortTitle'
  | 'credits-asc'
  | 'credits-desc'
  | 'fee-asc'
  | 'fee-desc'
> = {
  'zh-CN': {
    title: '课程超市',
    search: '搜索课程',
    searchPlaceholder: '输入课程名称关键词',
    sort: '排序',
    filters: '筛选课程',
    provider: '开课机构',
    credits: '学分',
    level: '资历框架等级',
    mode: '学习方式',
    fee: '费用',
    all: '全部',
    clear: '清除筛选',
    option: (p) => `${p.label}（${p.count}）`,
    total: (p) => `共 ${p.count} 门课程`,
    results: '课程列表',
    noMatch: '没有符合条件的课程，请换个关键词或清除筛选',
    loadingMore: '正在加载更多课程…',
    moreFailed: '更多课程加载失败',
    add: '加入',
    creditsValue: (p) => `${p.credits} 学分`,
    levelValue: (p) => `资历框架 ${p.level} 级`,
    free: '免费',
    feeFrom: (p) => `${p.min} 以上`,
    relevance: '综合排序',
    sortTitle: '课程名称',
    'credits-asc': '学分从低到高',
    'credits-desc': '学分从高到低',
    'fee-asc': '费用从低到高',
    'fee-desc': '费用从高到低',
  },
  en: {
    title: 'Course supermarket',
    search: 'Search courses',
    searchPlaceholder: 'Words of a course title',
    sort: 'Sort by',
    filters: 'Filter courses',
    provider: 'Provider',
    credits: 'Credits',
    level: 'Framework level',
    mode: 'Mode',
    fee: 'Fee',
    all: 'All',
    clear: 'Clear filters',
    option: (p) => `${p.label} (${p.count})`,
    total: (p) => `${p.count} courses`,
    results: 'Courses',
    noMatch: 'No course matches; try other words or clear the filters',
    loadingMore: 'Loading more courses…',
    moreFailed: 'Could not load more courses',
    add: 'Add',
    creditsValue: (p) => `${p.credits} ${p.credits === '1' ? 'credit' : 'credits'}`,
    levelValue: (p) => `Framework level ${p.level}`,
    free: 'Free',
    feeFrom: (p) => `${p.min} and up`,
    relevance: 'Relevance',
    sortTitle: 'Title',
    'credits-asc': 'Credits: low to high',
    'credits-desc': 'Credits: high to low',
    'fee-asc': 'Fee: low to high',
    'fee-desc': 'Fee: high to low',
  },
};

/** 学习方式 study modes: the seed's codes; other values (often Chinese already) show as they are. */
export const modeNames: Record<string, Record<Locale, string>> = {
  online: { 'zh-CN': '线上', en: 'Online' },
  blended: { 'zh-CN': '线上线下混合', en: 'Blended' },
  offline: { 'zh-CN': '线下面授', en: 'In person' },
};
