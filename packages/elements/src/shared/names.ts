/**
 * Names people read for the ids of the domain (spec §2): certificate categories, non-formal
 * learning categories and certificate levels. One table each, for every widget.
 *
 * Level names come first from the data: a catalog certificate's `levelNames` (the rule pack
 * names its own levels). The built-in names below cover the usual level ids when the data
 * gives none, or gives no English.
 */
import type { CertificateCategory, DisplayName } from '@creditbank/core';
import type { Locale } from './i18n.js';

export type Names = Record<string, Record<Locale, string>>;

/** The name of `id` in `table` in `locale`; an id the table does not know shows as it is. */
export const nameOf = (table: Names, id: string, locale: Locale): string =>
  table[id]?.[locale] ?? id;

/** 证书类别 (spec §2 `category`). */
export const certificateCategoryNames: Record<CertificateCategory, Record<Locale, string>> = {
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

/** 非学历学习成果 categories (渝教发〔2018〕9号: 职业经历、职业培训、在线学习、实习实践…). */
export const nonformalNames: Names = {
  'work-experience': { 'zh-CN': '职业经历', en: 'Work experience' },
  training: { 'zh-CN': '职业培训', en: 'Vocational training' },
  'online-learning': { 'zh-CN': '在线学习', en: 'Online learning' },
  internship: { 'zh-CN': '实习实践', en: 'Internship' },
  volunteering: { 'zh-CN': '志愿服务', en: 'Volunteering' },
  innovation: { 'zh-CN': '创新创业', en: 'Innovation and entrepreneurship' },
  research: { 'zh-CN': '科学研究', en: 'Research' },
};

const ZH_DIGITS = '一二三四五';
const X_LEVELS = ['junior', 'intermediate', 'senior'];

/**
 * Built-in names of the usual level ids: 1+X `junior`/`intermediate`/`senior` (初级/中级/高级),
 * 职业资格 `level-5`…`level-1` (五级…一级), `grade-N` and enterprise `LN`, `certified` (合格).
 */
function usualLevelName(level: string, locale: Locale): string | undefined {
  const en = locale === 'en';
  const x = X_LEVELS.indexOf(level);
  if (x >= 0) return en ? level[0]?.toUpperCase() + level.slice(1) : `${'初中高'[x]}级`;
  const grade = /^(level-|grade-|L)([1-5])$/.exec(level);
  if (grade) {
    return en
      ? `${grade[1] === 'grade-' ? 'Grade' : 'Level'} ${grade[2]}`
      : `${ZH_DIGITS[Number(grade[2]) - 1]}级`;
  }
  if (level === 'certified') return en ? 'Certified' : '合格';
  return undefined;
}

/**
 * A certificate level's name in `locale`: the data's name in that locale (`names`, a catalog
 * certificate's `levelNames`), else the built-in name of a usual level id, else the data's
 * Chinese name, else the id itself.
 */
export function levelName(
  level: string,
  locale: Locale,
  names?: Readonly<Record<string, DisplayName>> | undefined,
): string {
  const named = names?.[level];
  return named?.[locale] ?? usualLevelName(level, locale) ?? named?.['zh-CN'] ?? level;
}
