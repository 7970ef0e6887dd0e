/** 转换 the transfer plan of a learner for a program (spec §5). */
import { certifyAll } from './certify.js';
import {
  dualCertificateEarned,
  passes,
  type CandidateContext,
  type RuleApplication,
  type RuleKind,
  type RuleMiss,
} from './kinds.js';
import { type Params } from './messages.js';
import { messageNamer } from './names.js';
import {
  compareIds,
  compareLists,
  fromHalves,
  halvesRatio,
  mulRatio,
  ratio,
  roundMoney,
  addRatio,
  floorHalves,
  scaleToIntegers,
  toHalves,
} from './numbers.js';
import { chooseGrants, rankIds, type OptCandidate } from './optimize.js';
import type {
  AppliedGrant,
  CourseOutcome,
  DualCertificateRule,
  ExplanationStep,
  Grant,
  Learner,
  MissingItem,
  PlanResult,
  Rule,
  Ruleset,
  CertificateOutcome,
} from './schemas.js';
import { kindTable, type EngineOptions } from './registry.js';
import { catalogOf } from './catalog.js';

interface Candidate {
  rule: Rule;
  application: RuleApplication;
  positions: number[];
  halves: number;
  elective: boolean;
}

/**
 * The plan of `learner` for program `programId` on `asOf`: earned and transferred credits,
 * the chosen grants (the exact optimum, spec §5 step 3), certificates, the graduation audit,
 * savings and the explanation. Expects a ruleset and learner that passed validation.
 */
export function plan(
  ruleset: Ruleset,
  learner: Learner,
  programId: string,
  asOf: string,
  options: EngineOptions = {},
): PlanResult {
  const kinds = kindTable(options.kinds);
  const catalog = catalogOf(ruleset);
  const program = catalog.programs.get(programId);
  if (!program) throw new RangeError(`unknown program "${programId}"`);
  const { courses, certificates, rules: rulesById, ruleOrder } = catalog;
  const position = new Map(learner.outcomes.map((o, i) => [o.id, i]));
  const courseHalves = (code: string): number => toHalves(courses.get(code)?.credits ?? 0);
  const explanation: ExplanationStep[] = [];
  const message = messageNamer(catalog, learner);
  const step = (
    code: string,
    params: Params & { rule?: string; outcome?: string; course?: string },
  ) => {
    const entry: ExplanationStep = { code, message: message(code, params) };
    if (params.rule !== undefined) entry.rule = params.rule;
    if (params.outcome !== undefined) entry.outcome = params.outcome;
    if (params.course !== undefined) entry.course = params.course;
    explanation.push(entry);
  };

  // §3: certification.
  const { usable, rejected } = certifyAll(learner.outcomes, asOf);
  for (const r of rejected) {
    const outcome = learner.outcomes[position.get(r.outcome) ?? -1];
    const date = r.reason === 'expired' ? outcome?.expiresOn : outcome?.earnedOn;
    step(`outcome-${r.reason}`, { outcome: r.outcome, date });
  }

  // §5 step 0: applied grants of this program.
  const applied = (learner.applied ?? []).filter((g) => g.program === programId);
  const grantedByApplied = new Set<string>();
  const consumed = new Set<string>();
  const appliedGroups = new Map<string, string>();
  let appliedHalves = 0;
  let appliedElectiveHalves = 0;
  for (const g of applied) {
    for (const c of g.courses) grantedByApplied.add(c);
    for (const o of g.outcomes) consumed.add(o);
    appliedHalves += toHalves(g.credits);
    if (g.courses.length === 0) appliedElectiveHalves += toHalves(g.credits);
    const group = rulesById.get(g.rule)?.group;
    if (group !== undefined && !appliedGroups.has(group)) appliedGroups.set(group, g.rule);
  }

  // §5 step 1: earned credits.
  const programCourses = new Set(program.courses);
  const earned = new Set<string>();
  for (const o of usable) {
    if (o.kind !== 'course') continue;
    const { course } = o as CourseOutcome;
    if (
      course.institution === program.institution &&
      programCourses.has(course.code) &&
      passes(course)
    ) {
      earned.add(course.code);
    }
  }
  let earnedHalves = 0;
  for (const code of earned) earnedHalves += courseHalves(code);

  // §5 step 2: candidates.
  const nonTransferable = new Set(program.nonTransferable ?? []);
  const context: CandidateContext = {
    ruleset,
    program,
    asOf,
    usable,
    isConsumed: (id) => consumed.has(id),
    course: (code) => courses.get(code),
    levelRank: (certificate, level) => certificates.get(certificate)?.levels.indexOf(level) ?? -1,
  };
  const candidates: Candidate[] = [];
  const notChosenGroup: Array<{ candidate: Candidate; other: string }> = [];
  const missStep = (rule: Rule, miss: RuleMiss) => {
    const params = { ...miss.params, rule: rule.id, outcome: miss.outcome, course: miss.course };
    if (miss.message) {
      const entry: ExplanationStep = { code: miss.code, rule: rule.id, message: miss.message };
      if (miss.outcome !== undefined) entry.outcome = miss.outcome;
      if (miss.course !== undefined) entry.course = miss.course;
      explanation.push(entry);
    } else step(miss.code, params);
  };
  for (const rule of catalog.rulesByProgram.get(programId) ?? []) {
    const kind = kinds.get(rule.kind) as RuleKind<Rule> | undefined;
    if (!kind || kind.grants === false) continue;
    // a rule's misses are explained only when the rule yields no candidate at all (spec §5)
    const misses: RuleMiss[] = [];
    let yielded = false;
    for (const proposal of kind.candidates(rule, context)) {
      if ('miss' in proposal) {
        misses.push(proposal.miss);
        continue;
      }
      const { application } = proposal;
      const outcomeIds = application.outcomes.map((o) => o.id);
      const used = outcomeIds.find((id) => consumed.has(id));
      if (used !== undefined || outcomeIds.length === 0) {
        misses.push({ code: 'rule-outcome-consumed', outcome: used ?? '' });
        continue;
      }
      const blocked = firstBlockedCourse(application.courses);
      if (blocked) {
        const miss: RuleMiss = {
          code: blocked.code,
          course: blocked.course,
          outcome: outcomeIds[0],
        };
        misses.push(
          blocked.text
            ? { ...miss, message: message(blocked.text, { rule: rule.id, course: blocked.course }) }
            : miss,
        );
        continue;
      }
      const elective = application.courses.length === 0;
      const candidate: Candidate = {
        rule,
        application,
        positions: outcomeIds.map((id) => position.get(id) ?? -1).sort((a, b) => a - b),
        halves: elective
          ? toHalves(application.electiveCredits ?? 0)
          : application.courses.reduce((sum, c) => sum + courseHalves(c), 0),
        elective,
      };
      if (elective && candidate.halves === 0) continue;
      yielded = true;
      const other = rule.group === undefined ? undefined : appliedGroups.get(rule.group);
      if (other !== undefined) notChosenGroup.push({ candidate, other });
      else candidates.push(candidate);
    }
    if (!yielded) for (const miss of misses) missStep(rule, miss);
  }

  /**
   * The first course that keeps an application from being a candidate. A course an applied
   * grant holds is "already earned or granted" (spec §5.2): code `rule-course-earned`, with a
   * message saying which.
   */
  function firstBlockedCourse(
    list: readonly string[],
  ): { code: string; course: string; text?: string } | null {
    for (const course of list) {
      if (earned.has(course)) return { code: 'rule-course-earned', course };
      if (grantedByApplied.has(course)) {
        return { code: 'rule-course-earned', course, text: 'course-granted-by-applied' };
      }
      if (nonTransferable.has(course)) return { code: 'rule-course-non-transferable', course };
    }
    return null;
  }

  // §5 step 3: choose.
  const transferCapHalves =
    program.maxTransferShare === undefined
      ? null
      : floorHalves(
          mulRatio(ratio(program.maxTransferShare), halvesRatio(toHalves(program.totalCredits))),
        );
  const nonformalCapHalves =
    program.maxNonformalCredits === undefined ? null : toHalves(program.maxNonformalCredits);
  const ranks = rankIds(candidates.map((c) => c.rule.id));
  const groupIndex = new Map<string, number>();
  const courseIndex = new Map(program.courses.map((code, i) => [code, i]));
  // summed priorities compare exactly: 0.1 + 0.2 ties with 0.3
  const priorities = scaleToIntegers(candidates.map((c) => c.rule.priority ?? 0));
  const optCandidates: OptCandidate[] = candidates.map((c, index) => {
    let group = -1;
    if (c.rule.group !== undefined) {
      if (!groupIndex.has(c.rule.group)) groupIndex.set(c.rule.group, groupIndex.size);
      group = groupIndex.get(c.rule.group) as number;
    }
    return {
      rank: ranks.get(c.rule.id) as number,
      outcomes: c.positions,
      courses: c.application.courses.map((code) => courseIndex.get(code) as number),
      group,
      priority: priorities[index] as number,
      halves: c.halves,
      elective: c.elective,
    };
  });
  const solution = chooseGrants(
    {
      candidates: optCandidates,
      roomTransfer:
        transferCapHalves === null ? Infinity : Math.max(0, transferCapHalves - appliedHalves),
      roomNonformal:
        nonformalCapHalves === null
          ? Infinity
          : Math.max(0, nonformalCapHalves - appliedElectiveHalves),
      outcomeCount: learner.outcomes.length,
      courseCount: program.courses.length,
      groupCount: groupIndex.size,
    },
    program.courses.map(courseHalves),
  );
  const chosen = new Set(solution.chosen);

  // Explain the candidates not chosen.
  const chosenList = solution.chosen.map((i) => candidates[i] as Candidate);
  const usedOutcomes = new Map<string, string>();
  const usedCourses = new Map<string, string>();
  const usedGroups = new Map<string, string>(appliedGroups);
  let chosenCourseHalves = 0;
  let chosenElectiveHalves = 0;
  for (const i of solution.chosen) {
    const c = candidates[i] as Candidate;
    for (const o of c.application.outcomes) usedOutcomes.set(o.id, c.rule.id);
    for (const code of c.application.courses) usedCourses.set(code, c.rule.id);
    if (c.rule.group !== undefined && !usedGroups.has(c.rule.group))
      usedGroups.set(c.rule.group, c.rule.id);
    if (c.elective) chosenElectiveHalves += solution.halves.get(i) ?? 0;
    else chosenCourseHalves += c.halves;
  }
  const notChosen: Array<{ candidate: Candidate; index: number }> = [];
  candidates.forEach((candidate, index) => {
    if (!chosen.has(index)) notChosen.push({ candidate, index });
  });
  for (const { candidate: c } of notChosenGroup) notChosen.push({ candidate: c, index: -1 });
  const orderOf = (c: Candidate) => ruleOrder.get(c.rule.id) ?? 0;
  notChosen.sort((a, b) => orderOf(a.candidate) - orderOf(b.candidate) || a.index - b.index);
  function explainNotChosen(c: Candidate) {
    const base = { rule: c.rule.id, outcome: c.application.outcomes[0]?.id };
    const outcome = c.application.outcomes.find((o) => usedOutcomes.has(o.id));
    if (outcome) {
      step('not-chosen-outcome-conflict', {
        ...base,
        outcome: outcome.id,
        other: usedOutcomes.get(outcome.id),
      });
      return;
    }
    const course = c.application.courses.find((code) => usedCourses.has(code));
    if (course !== undefined) {
      step('not-chosen-course-conflict', { ...base, course, other: usedCourses.get(course) });
      return;
    }
    if (c.rule.group !== undefined && usedGroups.has(c.rule.group)) {
      step('not-chosen-group', {
        ...base,
        group: c.rule.group,
        other: usedGroups.get(c.rule.group),
      });
      return;
    }
    const transferRoom =
      transferCapHalves === null
        ? Infinity
        : transferCapHalves - appliedHalves - chosenCourseHalves - chosenElectiveHalves;
    const nonformalRoom =
      nonformalCapHalves === null
        ? Infinity
        : nonformalCapHalves - appliedElectiveHalves - chosenElectiveHalves;
    const fits = c.elective ? Math.min(transferRoom, nonformalRoom) > 0 : c.halves <= transferRoom;
    step(fits ? 'not-chosen-tie' : 'not-chosen-cap', base);
  }
  for (const { candidate } of notChosen) explainNotChosen(candidate);

  // Grants: applied and new, sorted by rule id, applied first on equal ids.
  const grants: Array<Grant & { order: number[] }> = [];
  for (const g of applied) grants.push(appliedGrant(g));
  function appliedGrant(g: AppliedGrant): Grant & { order: number[] } {
    return {
      rule: g.rule,
      kind: rulesById.get(g.rule)?.kind ?? 'unknown',
      outcomes: [...g.outcomes],
      courses: [...g.courses],
      credits: g.credits,
      applied: true,
      order: [-1],
    };
  }
  let newHalves = 0;
  for (const c of chosenList) {
    const index = candidates.indexOf(c);
    const halves = solution.halves.get(index) ?? c.halves;
    newHalves += halves;
    grants.push({
      rule: c.rule.id,
      kind: c.rule.kind,
      outcomes: c.positions.map((p) => learner.outcomes[p]?.id as string),
      courses: [...c.application.courses],
      credits: fromHalves(halves),
      applied: false,
      order: c.positions,
    });
  }
  grants.sort(
    (a, b) =>
      compareIds(a.rule, b.rule) ||
      Number(b.applied) - Number(a.applied) ||
      compareLists(a.order, b.order, (x, y) => x - y),
  );

  for (const g of grants) {
    if (!g.applied) continue;
    step('applied', {
      rule: g.rule,
      outcome: g.outcomes[0],
      course: g.courses[0],
      credits: g.credits,
    });
  }
  for (const g of grants) {
    if (g.applied) continue;
    step('granted', {
      rule: g.rule,
      outcome: g.outcomes[0],
      course: g.courses[0],
      credits: g.credits,
      courses: g.courses.join(', '),
    });
    const c = chosenList.find((x) => x.rule.id === g.rule && x.positions.join() === g.order.join());
    const converted = c?.elective ? toHalves(c.application.convertedCredits ?? 0) : 0;
    if (toHalves(g.credits) < converted) {
      step('elective-cut', { rule: g.rule, credits: g.credits, converted: fromHalves(converted) });
    }
  }

  // §5 step 4: certificates.
  const certificatesHeld = usable
    .filter((o): o is CertificateOutcome => o.kind === 'certificate')
    .map((o) => ({ certificate: o.certificate.id, level: o.certificate.level, outcome: o.id }));
  const certificatesEarned: PlanResult['certificatesEarned'] = [];
  const dualRules = [
    ...(catalog.rulesByProgram.get(programId) ?? []),
    ...(catalog.rulesByProgram.get('') ?? []),
  ]
    .filter((rule) => rule.kind === 'dual-certificate')
    .sort((a, b) => (ruleOrder.get(a.id) ?? 0) - (ruleOrder.get(b.id) ?? 0));
  for (const rule of dualRules) {
    const dual = rule as DualCertificateRule;
    if (!dualCertificateEarned(dual, context)) continue;
    certificatesEarned.push({ certificate: dual.certificate, level: dual.level, rule: dual.id });
    step('certificate-earned', { rule: dual.id, certificate: dual.certificate, level: dual.level });
  }

  // §5 step 5: graduation audit.
  const transferredHalves = appliedHalves + newHalves;
  const totalHalves = earnedHalves + transferredHalves;
  const requiredHalves = toHalves(program.totalCredits);
  const remainingHalves = Math.max(0, requiredHalves - totalHalves);
  const granted = new Set<string>();
  for (const g of grants) for (const c of g.courses) granted.add(c);
  const missing: MissingItem[] = [];
  if (remainingHalves > 0)
    missing.push({ reason: 'credits', credits: fromHalves(remainingHalves) });
  for (const course of program.requiredCourses) {
    if (!earned.has(course) && !granted.has(course)) missing.push({ reason: 'course', course });
  }
  const accepted = program.certificateOptions ? new Set(program.certificateOptions) : null;
  const counted = new Set<string>();
  for (const c of [...certificatesHeld, ...certificatesEarned]) {
    if (!accepted || accepted.has(c.certificate)) counted.add(c.certificate);
  }
  const needed = (program.minCertificates ?? 0) - counted.size;
  if (needed > 0) missing.push({ reason: 'certificates', needed });
  if (missing.length === 0) step('graduation-eligible', {});
  for (const m of missing) {
    if (m.reason === 'credits') step('graduation-missing-credits', { credits: m.credits });
    else if (m.reason === 'course') step('graduation-missing-course', { course: m.course });
    else step('graduation-missing-certificates', { needed: m.needed });
  }

  // §5 step 6: savings.
  const fees = ruleset.fees;
  const exams = grants.reduce((n, g) => n + g.courses.length, 0);
  const amount = roundMoney(
    addRatio(
      mulRatio(ratio(fees?.perCredit ?? 0), halvesRatio(transferredHalves)),
      mulRatio(ratio(fees?.perExam ?? 0), { n: BigInt(exams), d: 1n }),
    ),
  );

  return {
    program: programId,
    asOf,
    earnedCredits: fromHalves(earnedHalves),
    transferredCredits: fromHalves(transferredHalves),
    transferCap: transferCapHalves === null ? null : fromHalves(transferCapHalves),
    totalCredits: fromHalves(totalHalves),
    remainingCredits: fromHalves(remainingHalves),
    grants: grants.map(({ order: _order, ...g }) => g),
    certificatesHeld,
    certificatesEarned,
    graduation: { eligible: missing.length === 0, missing },
    rejected,
    savings: {
      credits: fromHalves(transferredHalves),
      exams,
      amount,
      currency: fees?.currency ?? 'CNY',
    },
    explanation,
  };
}
