/**
 * Names people read for ids of the domain, in the two languages of the messages: certificate
 * levels (the catalog's `levelNames` first, then built-in names of the usual level ids) and
 * the non-formal learning categories. The explanation messages and the widgets both use them.
 */
import { dotGap, explain, joinDot, type Params } from './messages.js';

export { dotGap, joinDot };
import type {
  Certificate,
  CertificateOutcome,
  Course,
  CourseOutcome,
  DisplayName,
  Learner,
  Message,
  NonformalOutcome,
} from './schemas.js';

export type Language = keyof Message;

/** 非学历学习成果 categories (渝教发〔2018〕9号: 职业经历、职业培训、在线学习、实习实践…). */
export const NONFORMAL_NAMES: Readonly<Record<string, Message>> = {
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
function usualLevelName(level: string, language: Language): string | undefined {
  const en = language === 'en';
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
 * A certificate level's name in `language`: the data's name in that language (`names`, a
 * catalog certificate's `levelNames`), else the built-in name of a usual level id, else the
 * data's Chinese name, else the id itself.
 */
export function levelName(
  level: string,
  language: Language,
  names?: Readonly<Record<string, DisplayName>> | undefined,
): string {
  const named = names?.[level];
  return named?.[language] ?? usualLevelName(level, language) ?? named?.['zh-CN'] ?? level;
}

/** What the names of messages are looked up in. */
interface Lookup {
  readonly courses: ReadonlyMap<string, Course>;
  readonly certificates: ReadonlyMap<string, Certificate>;
}

/**
 * The explanation messages of a plan with names where the ids would be (spec §5 leaves the
 * wording open): courses as `title（code）`, outcomes as what they are (the course's title, the
 * certificate · level, the non-formal category and hours), levels and certificates by
 * name. The steps keep the ids in their `rule`, `outcome` and `course` fields.
 */
export function messageNamer(
  { courses, certificates }: Lookup,
  learner: Learner,
): (code: string, params: Params) => Message {
  const outcomes = new Map(learner.outcomes.map((o) => [o.id, o]));
  const named = (params: Params, language: Language): Params => {
    const en = language === 'en';
    const paren = (name: string, id: string) => (en ? `${name} (${id})` : `${name}（${id}）`);
    const course = (code: string) => {
      const title = courses.get(code)?.title;
      return title ? paren(title, code) : code;
    };
    const outcome = typeof params.outcome === 'string' ? outcomes.get(params.outcome) : undefined;
    const certificateId =
      typeof params.certificate === 'string'
        ? params.certificate
        : outcome?.kind === 'certificate'
          ? (outcome as CertificateOutcome).certificate.id
          : undefined;
    const certificate = certificateId === undefined ? undefined : certificates.get(certificateId);
    const level = (id: string) => levelName(id, language, certificate?.levelNames);
    const out: Record<string, string | number | undefined> = { ...params };
    if (typeof params.course === 'string') out.course = course(params.course);
    if (typeof params.courses === 'string' && params.courses) {
      out.courses = params.courses.split(', ').map(course).join(', ');
    }
    for (const key of ['level', 'minLevel'] as const) {
      const value = params[key];
      if (typeof value === 'string' && value) out[key] = level(value);
    }
    if (typeof params.certificate === 'string') {
      out.certificate = certificate?.name ?? params.certificate;
    }
    if (outcome?.kind === 'course') {
      const { code } = (outcome as CourseOutcome).course;
      out.outcome = courses.get(code)?.title ?? code;
    } else if (outcome?.kind === 'certificate') {
      const held = (outcome as CertificateOutcome).certificate;
      out.outcome = joinDot(certificate?.name ?? held.id, level(held.level));
    } else if (outcome?.kind === 'nonformal') {
      const { category, hours } = (outcome as NonformalOutcome).nonformal;
      const name = NONFORMAL_NAMES[category]?.[language] ?? category;
      out.outcome = en ? `${name}, ${hours} hours` : `${name} ${hours} 学时`;
    }
    return out;
  };
  return (code, params) => explain(code, named(params, 'zh-CN'), named(params, 'en'));
}
