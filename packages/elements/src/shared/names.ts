/**
 * Names people read for the ids of the domain (spec §2): certificate categories, non-formal
 * learning categories and certificate levels. One table each, for every widget; the level and
 * non-formal names are the core's, which its explanation messages use too.
 *
 * Level names come first from the data: a catalog certificate's `levelNames` (the rule pack
 * names its own levels); built-in names cover the usual level ids when the data gives none.
 */
import {
  dotGap,
  joinDot,
  levelName,
  NONFORMAL_NAMES,
  type CertificateCategory,
} from '@creditbank/core';
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

/** The rule kinds of spec §4, as the seed documents name them; a plugin's kind shows as it is. */
export const kindNames: Names = {
  substitution: { 'zh-CN': '课程置换', en: 'Course substitution' },
  recognition: { 'zh-CN': '学分互认', en: 'Credit recognition' },
  nonformal: { 'zh-CN': '非学历成果转换', en: 'Non-formal learning conversion' },
  'dual-certificate': { 'zh-CN': '双证融通', en: 'Dual certificate' },
};

/** 非学历学习成果 categories (the core's `NONFORMAL_NAMES`). */
export const nonformalNames: Names = NONFORMAL_NAMES;

/** A certificate level's name (the core's `levelName`: the catalog's names, then built-in ones). */
export { levelName };

/** `name · detail`, no space after a full-width bracket (the core's `joinDot`). */
export { dotGap, joinDot };
