/** 认证 certification: is an outcome usable on a date (spec §3)? */
import type { Outcome, Rejection, RejectionReason } from './schemas.js';

/** The first failed check of an outcome on `asOf`, or null when it is usable. */
export function certify(outcome: Outcome, asOf: string): RejectionReason | null {
  if (outcome.status === 'revoked') return 'revoked';
  if (outcome.status === 'pending') return 'unverified';
  if (outcome.earnedOn > asOf) return 'future';
  if (outcome.expiresOn !== undefined && outcome.expiresOn < asOf) return 'expired';
  return null;
}

/** Splits outcomes into usable ones and rejections, both in input order. */
export function certifyAll(
  outcomes: readonly Outcome[],
  asOf: string,
): { usable: Outcome[]; rejected: Rejection[] } {
  const usable: Outcome[] = [];
  const rejected: Rejection[] = [];
  for (const outcome of outcomes) {
    const reason = certify(outcome, asOf);
    if (reason === null) usable.push(outcome);
    else rejected.push({ outcome: outcome.id, reason });
  }
  return { usable, rejected };
}
