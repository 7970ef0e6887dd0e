/** The zh-CN and English text of each explanation code (spec §5). */
import type { Message } from './schemas.js';

export type Params = Readonly<Record<string, string | number | undefined>>;

/** The space before a `·` after `name`: none after a full-width closing bracket, which has its own. */
export const dotGap = (name: string): string => (/[）】」』]$/.test(name) ? '' : ' ');

/**
 * `name · detail`: a name and what qualifies it (a level, a score), with no space after a
 * full-width closing bracket (`建筑信息模型（BIM）· 初级`).
 */
export const joinDot = (name: string, detail: string): string =>
  `${name}${dotGap(name)}· ${detail}`;

type Template = (p: Params) => [zh: string, en: string];

const TEMPLATES: Record<string, Template> = {
  'outcome-unverified': (p) => [
    `成果“${p.outcome}”尚未核验，暂不可用`,
    `Outcome ${p.outcome} is not verified yet`,
  ],
  'outcome-revoked': (p) => [`成果“${p.outcome}”已被撤销`, `Outcome ${p.outcome} was revoked`],
  'outcome-expired': (p) => [
    `成果“${p.outcome}”已于 ${p.date} 过期`,
    `Outcome ${p.outcome} expired on ${p.date}`,
  ],
  'outcome-future': (p) => [
    `成果“${p.outcome}”的取得日期 ${p.date} 晚于评估日期`,
    `Outcome ${p.outcome} is dated ${p.date}, after the evaluation date`,
  ],
  'rule-level-too-low': (p) => [
    `规则 ${p.rule}：证书等级“${p.level}”低于要求的“${p.minLevel}”`,
    `Rule ${p.rule}: the certificate is at ${p.level}, below the required ${p.minLevel}`,
  ],
  'rule-score-too-low': (p) => [
    `规则 ${p.rule}：成绩 ${p.score} 未达到 ${p.minScore} 分`,
    `Rule ${p.rule}: score ${p.score} is below ${p.minScore}`,
  ],
  'rule-credits-too-low': (p) => [
    `规则 ${p.rule}：课程学分 ${p.credits} 少于要求的 ${p.minCredits}`,
    `Rule ${p.rule}: course credits ${p.credits} are below the required ${p.minCredits}`,
  ],
  'rule-hours-too-low': (p) => [
    `规则 ${p.rule}：累计 ${p.hours} 学时，不足 ${p.minHours} 学时`,
    `Rule ${p.rule}: ${p.hours} hours in all, fewer than the ${p.minHours} needed`,
  ],
  'rule-course-earned': (p) => [
    `规则 ${p.rule}：课程“${p.course}”已修得，无需转换`,
    `Rule ${p.rule}: course ${p.course} is already earned`,
  ],
  // the message of `rule-course-earned` when an applied grant holds the course
  'course-granted-by-applied': (p) => [
    `规则 ${p.rule}：课程“${p.course}”已由已入账的转换取得`,
    `Rule ${p.rule}: course ${p.course} was already granted by an applied transfer`,
  ],
  'rule-course-non-transferable': (p) => [
    `规则 ${p.rule}：课程“${p.course}”为实践环节，不可转换`,
    `Rule ${p.rule}: course ${p.course} is a practical component and cannot be transferred`,
  ],
  'rule-outcome-consumed': (p) => [
    `规则 ${p.rule}：成果“${p.outcome}”已用于已入账的转换`,
    `Rule ${p.rule}: outcome ${p.outcome} was already used by an applied transfer`,
  ],
  'not-chosen-cap': (p) => [
    `规则 ${p.rule} 未采用：超出转换学分上限`,
    `Rule ${p.rule} not chosen: it would exceed the transfer cap`,
  ],
  // `other` may be the rule itself, chosen for another of the learner's outcomes
  'not-chosen-outcome-conflict': (p) =>
    p.other === p.rule
      ? [
          `规则 ${p.rule} 未采用：成果“${p.outcome}”已在本规则的另一项转换中使用`,
          `Rule ${p.rule} not chosen: outcome ${p.outcome} is used by another grant of this rule`,
        ]
      : [
          `规则 ${p.rule} 未采用：成果“${p.outcome}”已用于规则 ${p.other}`,
          `Rule ${p.rule} not chosen: outcome ${p.outcome} is used by rule ${p.other}`,
        ],
  'not-chosen-course-conflict': (p) =>
    p.other === p.rule
      ? [
          `规则 ${p.rule} 未采用：课程“${p.course}”已由本规则以另一项成果转换`,
          `Rule ${p.rule} not chosen: course ${p.course} is already granted by this rule for another outcome`,
        ]
      : [
          `规则 ${p.rule} 未采用：课程“${p.course}”已由规则 ${p.other} 转换`,
          `Rule ${p.rule} not chosen: course ${p.course} is granted by rule ${p.other}`,
        ],
  'not-chosen-group': (p) => [
    `规则 ${p.rule} 未采用：同组（${p.group}）只认定一项，已采用规则 ${p.other}`,
    `Rule ${p.rule} not chosen: only one grant per group ${p.group}, rule ${p.other} is used`,
  ],
  'not-chosen-tie': (p) => [
    `规则 ${p.rule} 未采用：同等学分下另一组合更优（占用成果更少、优先级更高或规则编号更小）`,
    `Rule ${p.rule} not chosen: another combination with equal credits wins the tie-break`,
  ],
  granted: (p) => [
    `规则 ${p.rule}：转换 ${p.credits} 学分${
      p.courses
        ? `，对应课程${String(p.courses)
            .split(', ')
            .map((c) => `“${c}”`)
            .join('、')}`
        : ''
    }`,
    `Rule ${p.rule}: ${p.credits} credits transferred${p.courses ? ` for ${p.courses}` : ''}`,
  ],
  'elective-cut': (p) => [
    `规则 ${p.rule}：可转换 ${p.converted} 学分，受上限限制只计 ${p.credits} 学分`,
    `Rule ${p.rule}: ${p.converted} credits convertible, cut to ${p.credits} by a cap`,
  ],
  applied: (p) => [
    `规则 ${p.rule}：已入账 ${p.credits} 学分`,
    `Rule ${p.rule}: ${p.credits} credits already applied`,
  ],
  'certificate-earned': (p) => [
    `规则 ${p.rule}：课程全部通过，取得证书“${joinDot(String(p.certificate), String(p.level))}”`,
    `Rule ${p.rule}: all courses passed, certificate ${p.certificate} (${p.level}) earned`,
  ],
  'graduation-eligible': () => ['满足毕业条件', 'Eligible to graduate'],
  'graduation-missing-credits': (p) => [
    `还差 ${p.credits} 学分`,
    `${p.credits} more credits needed`,
  ],
  'graduation-missing-course': (p) => [
    `必修课程“${p.course}”尚未修得`,
    `Required course ${p.course} is not yet earned`,
  ],
  'graduation-missing-certificates': (p) => [
    `还需 ${p.needed} 本证书`,
    `${p.needed} more certificate${p.needed === 1 ? '' : 's'} needed`,
  ],
};

/**
 * The message of an explanation code; unknown codes fall back to the code itself. `en` gives
 * the English text other parameters (names in English) than the Chinese one.
 */
export function explain(code: string, params: Params, en: Params = params): Message {
  const template = TEMPLATES[code];
  if (!template) return { 'zh-CN': code, en: code };
  return { 'zh-CN': template(params)[0], en: template(en)[1] };
}
