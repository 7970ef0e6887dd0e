/** Display titles of archive entries, when the depositor gives none. */
import type { Certificate, Outcome } from '@creditbank/core';

/** 非学历学习成果 categories (渝教发〔2018〕9号: 职业经历、职业培训、在线学习、实习实践…). */
export const NONFORMAL_LABELS: Record<string, string> = {
  'work-experience': '职业经历',
  training: '职业培训',
  'online-learning': '在线学习',
  internship: '实习实践',
  volunteering: '志愿服务',
  innovation: '创新创业',
  research: '科学研究',
};

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
    const levelName = certificate?.levelNames?.[level]?.['zh-CN'] ?? level;
    return `${certificate?.name ?? id}（${levelName}）`;
  }
  if (outcome.kind === 'nonformal') {
    const { category, hours } = (outcome as { nonformal: { category: string; hours: number } })
      .nonformal;
    return `${NONFORMAL_LABELS[category] ?? category} ${hours} 学时`;
  }
  return outcome.kind;
}
