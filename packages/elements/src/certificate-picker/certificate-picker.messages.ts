import type { CertificateCategory } from '@creditbank/core';
import type { Locale, Messages } from '../shared/i18n.js';

export const messages: Messages<
  | 'label'
  | 'placeholder'
  | 'searching'
  | 'noMatch'
  | 'found'
  | 'selected'
  | 'remove'
  | 'added'
  | 'removed'
  | 'required'
> = {
  'zh-CN': {
    label: '证书',
    placeholder: '输入证书名称或编号搜索',
    searching: '正在搜索证书…',
    noMatch: '无匹配证书',
    found: (p) => `找到 ${p.count} 个证书`,
    selected: '已选证书',
    remove: (p) => `移除 ${p.name}`,
    added: (p) => `已选择 ${p.name}`,
    removed: (p) => `已移除 ${p.name}`,
    required: '请选择证书',
  },
  en: {
    label: 'Certificate',
    placeholder: 'Search certificates by name or id',
    searching: 'Searching certificates…',
    noMatch: 'No certificate matches',
    found: (p) => `${p.count} certificate(s) found`,
    selected: 'Selected certificates',
    remove: (p) => `Remove ${p.name}`,
    added: (p) => `Selected ${p.name}`,
    removed: (p) => `Removed ${p.name}`,
    required: 'Select a certificate',
  },
};

/** Names of the certificate categories (spec §2). */
export const categoryNames: Record<CertificateCategory, Record<Locale, string>> = {
  'qualification-entry': { 'zh-CN': '准入类职业资格', en: 'Licensing vocational qualification' },
  'qualification-level': {
    'zh-CN': '水平评价类职业资格',
    en: 'Level-assessed vocational qualification',
  },
  'skill-level': { 'zh-CN': '1+X 职业技能等级', en: '1+X vocational skill level' },
  industry: { 'zh-CN': '行业证书', en: 'Industry certificate' },
  enterprise: { 'zh-CN': '企业证书', en: 'Enterprise certificate' },
  'professional-training': { 'zh-CN': '专业培训证书', en: 'Professional training certificate' },
  'co-branded': { 'zh-CN': '联合认证证书', en: 'Co-branded certificate' },
};

/** Names of the usual levels; other level ids show as they are. */
export const levelNames: Record<string, Record<Locale, string>> = {
  junior: { 'zh-CN': '初级', en: 'Junior' },
  intermediate: { 'zh-CN': '中级', en: 'Intermediate' },
  senior: { 'zh-CN': '高级', en: 'Senior' },
};
