/**
 * Rule-kind plugin: national exam scores (全国统考成绩). A learner's score in a national
 * exam substitutes a course, e.g. CET-4 (大学英语四级) >= 425 replaces the Open University's
 * English course, its most common conversion. Exam scores use the exam's own scale (CET: 0–710).
 *
 * ```ts
 * import { plan } from '@creditbank/core';
 * import { examScore } from '@creditbank/core/exam-score';
 * plan(ruleset, learner, 'ouc-cnt-assoc', '2026-11-21', { kinds: [examScore] });
 * ```
 */
import * as z from 'zod/mini';
import { defineRuleKind, type RuleProposal } from '../kinds.js';
import { Id, NonNegative, OutcomeBase, RuleBase } from '../schemas.js';

/** An exam result in the learning archive: `{ kind: 'exam', exam: { id: 'cet4', score: 480 } }`. */
export const ExamOutcome = z.extend(OutcomeBase, {
  kind: z.literal('exam'),
  exam: z.object({ id: Id, score: NonNegative, number: z.optional(z.string()) }),
});
export type ExamOutcome = z.infer<typeof ExamOutcome>;

/** `{ kind: 'exam-score', exam: 'cet4', minScore: 425, to: 'OUC-ENG' }` */
export const ExamScoreRule = z.extend(RuleBase, {
  kind: z.literal('exam-score'),
  program: Id,
  exam: Id,
  minScore: NonNegative,
  to: Id,
});
export type ExamScoreRule = z.infer<typeof ExamScoreRule>;

export const examScore = defineRuleKind<ExamScoreRule>({
  kind: 'exam-score',
  schema: ExamScoreRule,
  outcome: { kind: 'exam', schema: ExamOutcome as never },
  references: (rule) => [{ path: ['to'], type: 'course', code: rule.to, target: true }],
  candidates(rule, ctx) {
    const out: RuleProposal[] = [];
    for (const o of ctx.usable) {
      if (o.kind !== 'exam') continue;
      const { exam } = o as ExamOutcome;
      if (exam.id !== rule.exam) continue;
      if (exam.score < rule.minScore) {
        out.push({
          miss: {
            code: 'rule-score-too-low',
            outcome: o.id,
            params: { score: exam.score, minScore: rule.minScore },
          },
        });
      } else if (ctx.isConsumed(o.id)) {
        out.push({ miss: { code: 'rule-outcome-consumed', outcome: o.id } });
      } else {
        out.push({ application: { outcomes: [o], courses: [rule.to] } });
      }
    }
    return out;
  },
});
