/** 积累 accumulation: banked credits and lifelong points (spec §6). */
import { certifyAll } from './certify.js';
import { hoursToHalves, passes, sumHours } from './kinds.js';
import { floorInt, fromHalves, mulRatio, ratio, toHalves } from './numbers.js';
import type {
  BalanceResult,
  CertificateOutcome,
  CourseOutcome,
  Learner,
  NonformalOutcome,
  Ruleset,
} from './schemas.js';

const DEFAULT_HOURS_PER_CREDIT = 18;

/** minPoints − points, exactly (a decimal minPoints such as 10.3 leaves 5.3, not 5.300…01). */
function pointsToGo(minPoints: number, points: number): number {
  const min = ratio(minPoints);
  return Number(min.n - BigInt(points) * min.d) / Number(min.d);
}

/** The learner's banked credits and points on `asOf`. Expects a validated ruleset and learner. */
export function balance(ruleset: Ruleset, learner: Learner, asOf: string): BalanceResult {
  const { usable, rejected } = certifyAll(learner.outcomes, asOf);
  const byKind = { course: 0, certificate: 0, nonformal: 0 };

  const bestCourse = new Map<string, number>();
  const bestCertificate = new Map<string, number>();
  const nonformal: NonformalOutcome[] = [];
  const certificates = new Map(ruleset.certificates.map((c) => [c.id, c]));

  for (const outcome of usable) {
    if (outcome.kind === 'course') {
      byKind.course++;
      const { course } = outcome as CourseOutcome;
      if (!passes(course)) continue;
      const key = JSON.stringify([course.institution, course.code]);
      bestCourse.set(key, Math.max(bestCourse.get(key) ?? 0, toHalves(course.credits)));
    } else if (outcome.kind === 'certificate') {
      byKind.certificate++;
      const { certificate } = outcome as CertificateOutcome;
      const rank = certificates.get(certificate.id)?.levels.indexOf(certificate.level) ?? -1;
      bestCertificate.set(
        certificate.id,
        Math.max(bestCertificate.get(certificate.id) ?? -1, rank),
      );
    } else if (outcome.kind === 'nonformal') {
      byKind.nonformal++;
      nonformal.push(outcome as NonformalOutcome);
    }
  }

  let courseHalves = 0;
  for (const halves of bestCourse.values()) courseHalves += halves;

  let certificateHalves = 0;
  for (const [id, rank] of bestCertificate) {
    const certificate = certificates.get(id);
    const level = certificate?.levels[rank];
    const value = level === undefined ? undefined : certificate?.creditValue?.[level];
    certificateHalves += value === undefined ? 0 : toHalves(value);
  }

  const nonformalHalves = nonformal.length
    ? hoursToHalves(sumHours(nonformal), ruleset.points?.hoursPerCredit ?? DEFAULT_HOURS_PER_CREDIT)
    : 0;

  const totalHalves = courseHalves + certificateHalves + nonformalHalves;
  const perCredit = ratio(ruleset.points?.perCredit ?? 1);
  const points = floorInt(mulRatio(perCredit, { n: BigInt(totalHalves), d: 2n }));

  const tiers = [...(ruleset.points?.tiers ?? [])].sort((a, b) => a.minPoints - b.minPoints);
  const reached = tiers.filter((t) => points >= t.minPoints);
  const next = tiers.find((t) => points < t.minPoints);

  return {
    asOf,
    usableOutcomes: usable.length,
    rejected,
    credits: {
      course: fromHalves(courseHalves),
      certificate: fromHalves(certificateHalves),
      nonformal: fromHalves(nonformalHalves),
      total: fromHalves(totalHalves),
    },
    byKind,
    points: {
      total: points,
      tier: reached.length ? (reached[reached.length - 1]?.name ?? null) : null,
      nextTier: next?.name ?? null,
      toNextTier: next ? pointsToGo(next.minPoints, points) : null,
    },
  };
}
