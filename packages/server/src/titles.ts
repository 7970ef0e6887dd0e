/** Display titles of archive entries, when the depositor gives none. */
import {
  joinDot,
  levelName,
  NONFORMAL_NAMES,
  type Certificate,
  type DisplayName,
  type Outcome,
} from '@creditbank/core';

export interface TitleLookup {
  courseTitle(code: string): string | undefined;
  certificate(id: string): Certificate | undefined;
}

/**
 * `网页设计与制作` (a course: its catalog title, in the catalog's language only),
 * `Web 前端开发 · 中级` / `Web 前端开发 · Intermediate`, `职业经历 · 3,200 学时` /
 * `Work experience · 3,200 hours`. The level follows a `·` as in the widgets, so that a name with
 * brackets of its own (`建筑信息模型（BIM）`) never nests them.
 */
export function archiveTitle(outcome: Outcome, lookup: TitleLookup): DisplayName {
  if (outcome.kind === 'course') {
    const { code } = (outcome as { course: { code: string } }).course;
    return { 'zh-CN': lookup.courseTitle(code) ?? code };
  }
  if (outcome.kind === 'certificate') {
    const { id, level } = (outcome as { certificate: { id: string; level: string } }).certificate;
    const certificate = lookup.certificate(id);
    const name = certificate?.name ?? id;
    const named = (language: 'zh-CN' | 'en') =>
      joinDot(name, levelName(level, language, certificate?.levelNames));
    return { 'zh-CN': named('zh-CN'), en: named('en') };
  }
  if (outcome.kind === 'nonformal') {
    const { category, hours } = (outcome as { nonformal: { category: string; hours: number } })
      .nonformal;
    const names = NONFORMAL_NAMES[category];
    // as the widgets write an outcome: `职业经历 · 3,200 学时`
    const count = new Intl.NumberFormat('en-US').format(hours);
    return {
      'zh-CN': joinDot(names?.['zh-CN'] ?? category, `${count} 学时`),
      en: joinDot(names?.en ?? category, `${count} hours`),
    };
  }
  return { 'zh-CN': outcome.kind };
}
