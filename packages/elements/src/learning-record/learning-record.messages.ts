import type { Messages } from '../shared/i18n.js';

export const messages: Messages<
  | 'title'
  | 'count'
  | 'asOf'
  | 'empty'
  | 'noMatch'
  | 'status'
  | 'kind'
  | 'all'
  | 'year'
  | 'verified'
  | 'pending'
  | 'revoked'
  | 'expired'
  | 'future'
  | 'course'
  | 'certificate'
  | 'nonformal'
  | 'credits'
  | 'score'
  | 'passed'
  | 'failed'
  | 'number'
  | 'hours'
  | 'expiresOn'
  | 'revokedOn'
  | 'revokedReason'
  | 'evidence'
  | 'newTab'
> = {
  'zh-CN': {
    title: '学习档案',
    count: (p) => `共 ${p.count} 项成果`,
    asOf: (p) => `截至 ${p.date}`,
    empty: '暂无学习成果',
    noMatch: '没有符合筛选条件的成果',
    status: '状态',
    kind: '类型',
    all: '全部',
    year: (p) => `${p.year} 年`,
    verified: '已认证',
    pending: '待核验',
    revoked: '已撤销',
    expired: '已过期',
    future: '未生效',
    course: '课程',
    certificate: '证书',
    nonformal: '非学历学习',
    credits: (p) => `${p.credits} 学分`,
    score: (p) => `成绩 ${p.score}`,
    passed: '合格',
    failed: '不合格',
    number: '证书编号',
    hours: (p) => `${p.hours} 学时`,
    expiresOn: (p) => `有效期至 ${p.date}`,
    revokedOn: (p) => `${p.date} 撤销`,
    revokedReason: (p) => `原因：${p.reason}`,
    evidence: '佐证材料',
    newTab: '（在新标签页打开）',
  },
  en: {
    title: 'Learning record',
    count: (p) => `${p.count} outcome${p.count === 1 ? '' : 's'}`,
    asOf: (p) => `As of ${p.date}`,
    empty: 'No learning outcomes yet',
    noMatch: 'No outcome matches the filter',
    status: 'Status',
    kind: 'Kind',
    all: 'All',
    year: (p) => `${p.year}`,
    verified: 'Verified',
    pending: 'Pending verification',
    revoked: 'Revoked',
    expired: 'Expired',
    future: 'Not yet valid',
    course: 'Course',
    certificate: 'Certificate',
    nonformal: 'Non-formal learning',
    credits: (p) => `${p.credits} credits`,
    score: (p) => `score ${p.score}`,
    passed: 'passed',
    failed: 'not passed',
    number: 'Certificate no.',
    hours: (p) => `${p.hours} hours`,
    expiresOn: (p) => `valid until ${p.date}`,
    revokedOn: (p) => `revoked on ${p.date}`,
    revokedReason: (p) => `reason: ${p.reason}`,
    evidence: 'Evidence',
    newTab: ' (opens in a new tab)',
  },
};
