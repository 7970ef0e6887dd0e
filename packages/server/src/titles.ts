/** Display titles of archive entries, when the depositor gives none. */
import { levelName, NONFORMAL_NAMES, type Certificate, type Outcome } from '@creditbank/core';

export interface TitleLookup {
  courseTitle(code: string): string | undefined;
  certificate(id: string): Certificate | undefined;
}

/** `网页设计与制作`, `Web 前端开发（中级）`, `职业经历 400 学时`. */
export function archiveTitle(outcome: Outcome, lookup: TitleLookup): string {
  if (outcome.kind === 'course') {
    const { code } = (outcome as { course: { code: string } }).course;
    return lookup.courseTitle(code) ?? code;
  }
  if (outcome.kind === 'certificate') {
    const { id, level } = (outcome as { certificate: { id: string; level: string } }).certificate;
    const certificate = lookup.certificate(id);
    return `${certificate?.name ?? id}（${levelName(level, 'zh-CN', certificate?.levelNames)}）`;
  }
  if (outcome.kind === 'nonformal') {
    const { category, hours } = (outcome as { nonformal: { category: string; hours: number } })
      .nonformal;
    return `${NONFORMAL_NAMES[category]?.['zh-CN'] ?? category} ${hours} 学时`;
  }
  return outcome.kind;
}
