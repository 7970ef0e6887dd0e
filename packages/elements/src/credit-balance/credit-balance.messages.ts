import type { Messages } from '../shared/i18n.js';

export const messages: Messages<
  | 'title'
  | 'total'
  | 'credits'
  | 'course'
  | 'certificate'
  | 'nonformal'
  | 'points'
  | 'tier'
  | 'noTier'
  | 'toNext'
  | 'topTier'
  | 'usable'
  | 'rejected'
  | 'ledger'
  | 'noLedger'
  | 'grant'
  | 'reversal'
  | 'electives'
  | 'reasonCount'
  | 'asOf'
  | 'revoked'
  | 'unverified'
  | 'expired'
  | 'future'
  | 'progress'
> = {
  'zh-CN': {
    title: '学分银行账户',
    total: '累计学分',
    credits: '学分',
    course: '课程学分',
    certificate: '证书学分',
    nonformal: '非学历学习学分',
    points: '终身学习积分',
    tier: '等级',
    noTier: '暂无等级',
    toNext: (p) => `距${p.tier}还差 ${p.points} 分`,
    topTier: '已达最高等级',
    usable: (p) => `可用成果 ${p.count} 项`,
    rejected: '不可用：',
    reasonCount: (p) => `${p.reason} ${p.count} 项`,
    electives: '选修学分',
    ledger: '最近学分变动',
    noLedger: '暂无学分转换记录',
    grant: '转换入账',
    reversal: '冲正',
    asOf: (p) => `截至 ${p.date}`,
    revoked: '已撤销',
    unverified: '待核验',
    expired: '已过期',
    future: '未生效',
    progress: (p) => `积分进度：${p.points} / ${p.target}`,
  },
  en: {
    title: 'Credit bank account',
    total: 'Banked credits',
    credits: 'credits',
    course: 'Course credits',
    certificate: 'Certificate credits',
    nonformal: 'Non-formal learning credits',
    points: 'Lifelong learning points',
    tier: 'Tier',
    noTier: 'No tier yet',
    toNext: (p) => `${p.points} points to ${p.tier}`,
    topTier: 'Highest tier reached',
    usable: (p) => `${p.count} usable outcome${p.count === 1 ? '' : 's'}`,
    rejected: 'Not usable: ',
    reasonCount: (p) => `${p.count} ${p.reason}`,
    electives: 'Elective credits',
    ledger: 'Latest credit movements',
    noLedger: 'No credit transfers yet',
    grant: 'Transfer',
    reversal: 'Reversal',
    asOf: (p) => `As of ${p.date}`,
    revoked: 'revoked',
    unverified: 'pending verification',
    expired: 'expired',
    future: 'not yet valid',
    progress: (p) => `Points progress: ${p.points} of ${p.target}`,
  },
};

/** Names of the usual tiers; other names show as they are. */
export const tierNames: Record<string, Record<'zh-CN' | 'en', string>> = {
  bronze: { 'zh-CN': '铜卡', en: 'Bronze' },
  silver: { 'zh-CN': '银卡', en: 'Silver' },
  gold: { 'zh-CN': '金卡', en: 'Gold' },
  platinum: { 'zh-CN': '白金卡', en: 'Platinum' },
  diamond: { 'zh-CN': '钻石卡', en: 'Diamond' },
};
