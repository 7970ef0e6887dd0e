/**
 * Seed learners of the three tenants with varied histories: certificates (valid, expired,
 * revoked, pending), course results, non-formal hours, and transfers applied to the ledger —
 * computed with the core `plan`, written through the same row builders as the API's apply, some
 * later reversed because an outcome they consumed was revoked.
 *
 * A handful of fixtures come first and never change (README.md lists them); the rest is drawn
 * by the seeded PRNG. Every person is synthetic.
 */
import { plan, type Outcome, type Ruleset } from '@creditbank/core';
import type { Evidence } from '@creditbank/core/api';
import {
  activeGrants,
  outcomeRow,
  reversalRow,
  transferRows,
  type ClaimRow,
  type LearnerRow,
  type LedgerRow,
  type OutcomeRow,
  type TenantRow,
  type TransferRow,
} from '../db/rows.js';
import { archiveTitle, type TitleLookup } from '../titles.js';
import type { CatalogCourseRow } from './courses.js';
import { drawName } from './people.js';
import { addDays, addYears, dateBetween, type Random } from './random.js';
import { CERTIFICATES, INSTITUTIONS, PROGRAMS, RULEPACK_COURSES } from './rulepack.js';

/** The day the seeded history ends: every seeded outcome was earned by then. */
export const SEED_DATE = '2026-06-30';

export const TENANTS: TenantRow[] = [
  { id: 'training', name: '启航职业技能培训中心', kind: 'training-org' },
  { id: 'enterprise', name: '华工智造集团', kind: 'enterprise' },
  { id: 'platform', name: '云学终身学习平台', kind: 'course-platform' },
];

export interface LearnerSeed {
  learners: LearnerRow[];
  outcomes: OutcomeRow[];
  transfers: TransferRow[];
  ledger: LedgerRow[];
  claims: ClaimRow[];
}

const certificateById = new Map(CERTIFICATES.map((c) => [c.id, c]));
const institutionName = new Map(INSTITUTIONS.map((i) => [i.id, i.name]));
const programById = new Map(PROGRAMS.map((p) => [p.id, p]));

const REVOKE_REASONS = [
  '发证机构通报撤销该证书',
  '证书信息与发证机构记录不符',
  '成绩记录经核查有误，已撤销',
  '重复提交的成果，予以撤销',
];

/** One outcome as the seed describes it, before statuses and archive fields. */
interface Draft {
  outcome: Outcome;
  issuer: string;
  evidence: Evidence[];
  /** pending until the end, revoked on a day, or verified */
  fate?: { status: 'pending' } | { status: 'revoked'; on: string; reason: string };
}

class LearnerBuilder {
  readonly drafts: Draft[] = [];
  private count = 0;

  constructor(
    readonly tenantId: string,
    readonly id: string,
    private readonly serials: { next: number },
  ) {}

  private nextId(): string {
    this.count++;
    return `${this.id}-o${this.count}`;
  }

  certificate(
    certificate: string,
    level: string,
    earnedOn: string,
    options: { number?: string; fate?: Draft['fate']; expires?: boolean } = {},
  ): Draft {
    const cert = certificateById.get(certificate);
    if (!cert) throw new RangeError(`seed: unknown certificate ${certificate}`);
    const number =
      options.number ??
      `${cert.numberPrefix}-${earnedOn.slice(0, 4)}-${String(this.serials.next++).padStart(6, '0')}`;
    const outcome: Outcome = {
      id: this.nextId(),
      kind: 'certificate',
      status: 'verified',
      earnedOn,
      certificate: { id: certificate, level, number },
    };
    if (cert.validYears && options.expires !== false) {
      outcome.expiresOn = addYears(earnedOn, cert.validYears);
    }
    return this.add({
      outcome,
      issuer: cert.issuer ?? cert.name,
      evidence: [{ kind: 'record', label: '发证机构证书查询记录' }],
      ...(options.fate ? { fate: options.fate } : {}),
    });
  }

  course(
    institution: string,
    code: string,
    credits: number,
    earnedOn: string,
    result: { score: number } | { passed: boolean },
    fate?: Draft['fate'],
  ): Draft {
    return this.add({
      outcome: {
        id: this.nextId(),
        kind: 'course',
        status: 'verified',
        earnedOn,
        course: { institution, code, credits, ...result },
      },
      issuer: institutionName.get(institution) ?? institution,
      evidence: [{ kind: 'document', label: '成绩单' }],
      ...(fate ? { fate } : {}),
    });
  }

  nonformal(category: string, hours: number, earnedOn: string, issuer: string): Draft {
    return this.add({
      outcome: {
        id: this.nextId(),
        kind: 'nonformal',
        status: 'verified',
        earnedOn,
        nonformal: { category, hours },
      } as Outcome,
      issuer,
      evidence: [{ kind: 'document', label: '证明材料' }],
    });
  }

  private add(draft: Draft): Draft {
    this.drafts.push(draft);
    return draft;
  }
}

const at = (date: string, minutes: number): string =>
  new Date(Date.parse(`${date}T08:00:00Z`) + minutes * 60_000).toISOString();

const minDate = (a: string, b: string): string => (a < b ? a : b);

/** Archive timestamps of a draft: deposited after it was earned, verified some days later. */
function timeline(random: Random, draft: Draft, openedOn: string) {
  const earned = draft.outcome.earnedOn;
  const start = earned > openedOn ? earned : openedOn;
  const depositedOn = minDate(addDays(start, random.int(1, 30)), SEED_DATE);
  const verifiedOn = minDate(addDays(depositedOn, random.int(1, 14)), SEED_DATE);
  return {
    depositedAt: at(depositedOn, random.int(0, 540)),
    verifiedAt: at(verifiedOn, random.int(0, 540)),
  };
}

interface Transfers {
  transfers: TransferRow[];
  ledger: LedgerRow[];
  claims: ClaimRow[];
}

/**
 * Applies a plan on `asOf` as the API would: the learner's outcomes with their status of that
 * day, the grants still applied, the new grants written. Returns how many were written.
 */
function applyOn(
  ruleset: Ruleset,
  learner: { tenantId: string; id: string; rows: OutcomeRow[] },
  programId: string,
  asOf: string,
  out: Transfers,
): number {
  const createdAt = at(asOf, 150);
  const outcomes: Outcome[] = learner.rows
    .filter((r) => r.depositedAt <= createdAt)
    .map((r) => {
      const verified =
        r.verifiedAt !== null &&
        r.verifiedAt <= createdAt &&
        (r.revokedAt === null || r.revokedAt > createdAt);
      const status = verified
        ? 'verified'
        : r.revokedAt !== null && r.revokedAt <= createdAt
          ? 'revoked'
          : 'pending';
      return { ...(r.record as Omit<Outcome, 'status'>), status } as Outcome;
    });
  const mine = out.ledger.filter(
    (e) => e.tenantId === learner.tenantId && e.learnerId === learner.id,
  );
  const applied = activeGrants(mine).filter((g) => g.program === programId);
  const result = plan(ruleset, { id: learner.id, outcomes, applied }, programId, asOf);
  const grants = result.grants.filter((g) => !g.applied);
  if (grants.length === 0) return 0;
  const n =
    out.transfers.filter((t) => t.learnerId === learner.id && t.tenantId === learner.tenantId)
      .length + 1;
  const rows = transferRows({
    transferId: `tr-${learner.id}-${n}`,
    tenantId: learner.tenantId,
    learnerId: learner.id,
    programId,
    asOf,
    createdAt,
    grants,
    ledgerId: (i) => `le-${learner.id}-${n}-${i + 1}`,
  });
  out.transfers.push(rows.transfer);
  out.ledger.push(...rows.ledger);
  out.claims.push(...rows.claims);
  return grants.length;
}

/** Writes the reversals a revocation causes: every active grant that consumed the outcome. */
function reverseFor(
  learner: { tenantId: string; id: string },
  outcomeId: string,
  revokedAt: string,
  out: Transfers,
): void {
  const active = out.claims.filter(
    (c) =>
      c.tenantId === learner.tenantId &&
      c.learnerId === learner.id &&
      c.kind === 'outcome' &&
      c.ref === outcomeId &&
      c.releasedBy === null,
  );
  for (const claim of active) {
    const grant = out.ledger.find((e) => e.id === claim.ledgerId) as LedgerRow;
    const reversal = reversalRow(grant, `${grant.id}-r`, revokedAt);
    out.ledger.push(reversal);
    for (const c of out.claims) if (c.ledgerId === grant.id) c.releasedBy = reversal.id;
  }
}

interface Persona {
  program?: string;
}

type PersonaBuilder = (b: LearnerBuilder, random: Random, catalog: CatalogCourseRow[]) => Persona;

const score = (random: Random, low = 45): { score: number } => ({ score: random.int(low, 98) });

function programCourses(programId: string, random: Random, b: LearnerBuilder, count: number) {
  const prog = programById.get(programId);
  if (!prog) return;
  const eligible = prog.courses.filter((code) => !(prog.nonTransferable ?? []).includes(code));
  for (const code of random.sample(eligible, count)) {
    const course = RULEPACK_COURSES.find((x) => x.code === code);
    if (!course) continue;
    b.course(
      course.institution,
      code,
      course.credits,
      dateBetween(random, '2019-03-01', SEED_DATE),
      score(random),
    );
  }
}

const X_LEVEL: [string, number][] = [
  ['junior', 40],
  ['intermediate', 40],
  ['senior', 20],
];

const training: PersonaBuilder = (b, random) => {
  const focus = random.pick(['web', 'bim', 'logistics', 'eldercare'] as const);
  const target = {
    web: { cert: '1x-web', program: 'ouc-cnt-assoc' },
    bim: { cert: '1x-bim', program: 'ouc-construction-assoc' },
    logistics: { cert: '1x-logistics', program: 'ouc-logistics-assoc' },
    eldercare: { cert: '1x-eldercare', program: 'ouc-eldercare-assoc' },
  }[focus];
  b.certificate(
    target.cert,
    random.weighted(X_LEVEL),
    dateBetween(random, '2020-06-01', SEED_DATE),
  );
  if (random.chance(0.25)) {
    const other = random.pick(
      ['1x-web', '1x-bim', '1x-logistics', '1x-eldercare'].filter((c) => c !== target.cert),
    );
    b.certificate(other, 'junior', dateBetween(random, '2020-06-01', SEED_DATE));
  }
  if (random.chance(0.4))
    b.certificate('pt-office', 'certified', dateBetween(random, '2018-01-01', SEED_DATE));
  if (random.chance(0.5))
    b.nonformal(
      'training',
      random.int(3, 30) * 8,
      dateBetween(random, '2019-01-01', SEED_DATE),
      '启航职业技能培训中心',
    );
  if (random.chance(0.3))
    b.nonformal(
      'work-experience',
      random.int(2, 20) * 100,
      dateBetween(random, '2018-01-01', SEED_DATE),
      '用人单位',
    );
  programCourses(target.program, random, b, random.int(0, 5));
  if (focus === 'web' && random.chance(0.3))
    b.course(
      'cqu',
      'CQU-CS101',
      3,
      dateBetween(random, '2016-01-01', SEED_DATE),
      score(random, 55),
    );
  if (focus === 'web' && random.chance(0.4))
    b.nonformal(
      'online-learning',
      random.int(2, 15) * 10,
      dateBetween(random, '2020-01-01', SEED_DATE),
      '云学终身学习平台',
    );
  if (focus === 'logistics') {
    if (random.chance(0.4))
      b.nonformal(
        'internship',
        random.int(4, 16) * 30,
        dateBetween(random, '2019-01-01', SEED_DATE),
        '盛达物流',
      );
    if (random.chance(0.25))
      b.certificate(
        'logistics-officer',
        random.pick(['level-4', 'level-3']),
        dateBetween(random, '2017-01-01', SEED_DATE),
      );
    if (random.chance(0.2))
      b.certificate(
        'shengda-warehouse',
        random.pick(['L1', 'L2']),
        dateBetween(random, '2019-01-01', SEED_DATE),
      );
  }
  if (focus === 'eldercare') {
    if (random.chance(0.4))
      b.nonformal(
        'volunteering',
        random.int(2, 10) * 20,
        dateBetween(random, '2018-01-01', SEED_DATE),
        '社区志愿服务站',
      );
    if (random.chance(0.3))
      b.certificate(
        'elder-care-worker',
        random.pick(['level-5', 'level-4', 'level-3']),
        dateBetween(random, '2016-01-01', SEED_DATE),
      );
    if (random.chance(0.2))
      b.course(
        'kangning',
        'KN-AID',
        2,
        dateBetween(random, '2019-01-01', SEED_DATE),
        score(random),
      );
    if (random.chance(0.15))
      b.certificate('ouc-elder-coop', 'certified', dateBetween(random, '2021-01-01', SEED_DATE));
  }
  if (focus === 'bim') {
    if (random.chance(0.2))
      b.certificate(
        'industry-bim-modeler',
        random.pick(['grade-1', 'grade-2', 'grade-3']),
        dateBetween(random, '2018-01-01', SEED_DATE),
      );
    if (random.chance(0.2))
      b.course('bjvc', 'BJVC-CAD', 3, dateBetween(random, '2016-01-01', SEED_DATE), score(random));
    if (random.chance(0.2))
      b.certificate('safety-officer', 'certified', dateBetween(random, '2018-01-01', SEED_DATE));
  }
  return { program: target.program };
};

const enterprise: PersonaBuilder = (b, random) => {
  const focus = random.weighted<'mech' | 'auto' | 'hr'>([
    ['mech', 50],
    ['auto', 25],
    ['hr', 25],
  ]);
  const since = dateBetween(random, '2012-01-01', '2023-12-31');
  if (random.chance(0.9))
    b.nonformal(
      'work-experience',
      random.int(4, 30) * 200,
      dateBetween(random, since, SEED_DATE),
      '华工智造集团',
    );
  if (focus === 'mech') {
    if (random.chance(0.6))
      b.certificate(
        'electrician',
        random.pick(['level-5', 'level-4', 'level-4', 'level-3']),
        dateBetween(random, '2014-01-01', SEED_DATE),
      );
    if (random.chance(0.3))
      b.certificate(
        'welder',
        random.pick(['level-5', 'level-4', 'level-3']),
        dateBetween(random, '2014-01-01', SEED_DATE),
      );
    if (random.chance(0.6))
      b.certificate(
        'huagong-cnc',
        random.pick(['L1', 'L2', 'L3']),
        dateBetween(random, '2018-01-01', SEED_DATE),
      );
    if (random.chance(0.25))
      b.certificate(
        'ouc-huagong-iot',
        random.pick(['junior', 'intermediate']),
        dateBetween(random, '2021-01-01', SEED_DATE),
      );
    if (random.chance(0.3))
      b.certificate('pt-quality', 'certified', dateBetween(random, '2019-01-01', SEED_DATE));
    if (random.chance(0.5))
      b.course(
        'hga',
        'HGA-PLC',
        2,
        dateBetween(random, '2018-01-01', SEED_DATE),
        score(random, 55),
      );
    if (random.chance(0.4))
      b.course(
        'hga',
        'HGA-HYD',
        2,
        dateBetween(random, '2018-01-01', SEED_DATE),
        score(random, 55),
      );
    if (random.chance(0.3))
      b.course('hga', 'HGA-CNC', 2, dateBetween(random, '2018-01-01', SEED_DATE), { passed: true });
    if (random.chance(0.35))
      b.nonformal(
        'innovation',
        random.int(3, 24) * 10,
        dateBetween(random, '2019-01-01', SEED_DATE),
        '华工智造集团创新工作室',
      );
    if (random.chance(0.2))
      b.certificate('safety-officer', 'certified', dateBetween(random, '2018-01-01', SEED_DATE));
    programCourses('ouc-mech-bachelor', random, b, random.int(0, 5));
    return { program: 'ouc-mech-bachelor' };
  }
  if (focus === 'auto') {
    if (random.chance(0.6))
      b.certificate(
        '1x-auto',
        random.weighted(X_LEVEL),
        dateBetween(random, '2020-06-01', SEED_DATE),
      );
    if (random.chance(0.4))
      b.certificate(
        '1x-nev',
        random.weighted(X_LEVEL),
        dateBetween(random, '2020-06-01', SEED_DATE),
      );
    if (random.chance(0.4))
      b.certificate(
        'electrician',
        random.pick(['level-5', 'level-4']),
        dateBetween(random, '2014-01-01', SEED_DATE),
      );
    programCourses('ouc-auto-assoc', random, b, random.int(0, 5));
    return { program: 'ouc-auto-assoc' };
  }
  if (random.chance(0.7))
    b.certificate(
      'hr-manager',
      random.pick(['level-4', 'level-3', 'level-3', 'level-2']),
      dateBetween(random, '2015-01-01', SEED_DATE),
    );
  if (random.chance(0.4))
    b.certificate(
      'pt-project',
      random.pick(['junior', 'intermediate']),
      dateBetween(random, '2019-01-01', SEED_DATE),
    );
  if (random.chance(0.5))
    b.nonformal(
      'training',
      random.int(5, 25) * 8,
      dateBetween(random, '2019-01-01', SEED_DATE),
      '华工智造企业学院',
    );
  if (random.chance(0.4))
    b.course('ouc', 'OUC-PSY', 3, dateBetween(random, '2017-01-01', SEED_DATE), score(random));
  if (random.chance(0.3))
    b.course('gdou', 'GDOU-LAW', 3, dateBetween(random, '2017-01-01', SEED_DATE), score(random));
  if (random.chance(0.2))
    b.course('cqu', 'CQU-ENG', 3, dateBetween(random, '2015-01-01', SEED_DATE), score(random));
  programCourses('zikao-hr-bachelor', random, b, random.int(0, 5));
  return { program: 'zikao-hr-bachelor' };
};

const platform: PersonaBuilder = (b, random, catalog) => {
  const focus = random.weighted<'cs' | 'hr' | 'software' | 'life'>([
    ['cs', 35],
    ['hr', 20],
    ['software', 25],
    ['life', 20],
  ]);
  if (random.chance(0.8))
    b.nonformal(
      'online-learning',
      random.int(2, 30) * 10,
      dateBetween(random, '2020-01-01', SEED_DATE),
      '云学终身学习平台',
    );
  const market = catalog.filter((c) => c.code.startsWith('KC'));
  if (market.length > 0) {
    for (let i = random.int(1, 6); i > 0; i--) {
      const course = random.pick(market);
      b.course(
        course.institution,
        course.code,
        course.credits,
        dateBetween(random, '2020-01-01', SEED_DATE),
        random.chance(0.5) ? { passed: random.chance(0.9) } : score(random),
      );
    }
  }
  if (focus === 'cs') {
    if (random.chance(0.6))
      b.course('ouc', 'OUC-DB', 4, dateBetween(random, '2016-01-01', SEED_DATE), score(random, 55));
    if (random.chance(0.5))
      b.course(
        'ouc',
        'OUC-NET',
        4,
        dateBetween(random, '2016-01-01', SEED_DATE),
        score(random, 55),
      );
    if (random.chance(0.4))
      b.course('zikao', 'ZK-04184', 3, dateBetween(random, '2015-01-01', SEED_DATE), score(random));
    if (random.chance(0.4))
      b.certificate(
        '1x-web',
        random.weighted(X_LEVEL),
        dateBetween(random, '2020-06-01', SEED_DATE),
      );
    if (random.chance(0.3))
      b.nonformal(
        'research',
        random.int(3, 20) * 10,
        dateBetween(random, '2019-01-01', SEED_DATE),
        '高校科研项目组',
      );
    programCourses('cqu-cs-bachelor', random, b, random.int(0, 4));
    return { program: 'cqu-cs-bachelor' };
  }
  if (focus === 'hr') {
    if (random.chance(0.4))
      b.course('cqu', 'CQU-ENG', 3, dateBetween(random, '2015-01-01', SEED_DATE), score(random));
    if (random.chance(0.4))
      b.course('gdou', 'GDOU-LAW', 3, dateBetween(random, '2016-01-01', SEED_DATE), score(random));
    if (random.chance(0.3))
      b.certificate(
        'hr-manager',
        random.pick(['level-4', 'level-3']),
        dateBetween(random, '2015-01-01', SEED_DATE),
      );
    if (random.chance(0.4))
      b.nonformal(
        'training',
        random.int(5, 20) * 8,
        dateBetween(random, '2019-01-01', SEED_DATE),
        '云学职业培训学院',
      );
    programCourses('zikao-hr-bachelor', random, b, random.int(0, 5));
    return { program: 'zikao-hr-bachelor' };
  }
  if (focus === 'software') {
    if (random.chance(0.6))
      b.certificate(
        '1x-web',
        random.pick(['junior', 'intermediate']),
        dateBetween(random, '2020-06-01', SEED_DATE),
      );
    if (random.chance(0.4))
      b.course('ouc', 'OUC-DB', 4, dateBetween(random, '2016-01-01', SEED_DATE), score(random));
    programCourses('bjvc-software-assoc', random, b, random.int(0, 6));
    return { program: 'bjvc-software-assoc' };
  }
  if (random.chance(0.5))
    b.nonformal(
      'volunteering',
      random.int(2, 12) * 20,
      dateBetween(random, '2017-01-01', SEED_DATE),
      '社区志愿服务站',
    );
  if (random.chance(0.3))
    b.certificate(
      'industry-ecommerce',
      random.weighted(X_LEVEL),
      dateBetween(random, '2019-01-01', SEED_DATE),
    );
  if (random.chance(0.3))
    b.certificate('pt-project', 'junior', dateBetween(random, '2019-01-01', SEED_DATE));
  if (random.chance(0.3))
    b.certificate('1x-eldercare', 'junior', dateBetween(random, '2020-06-01', SEED_DATE));
  if (random.chance(0.3))
    b.certificate('1x-nev', 'junior', dateBetween(random, '2020-06-01', SEED_DATE));
  programCourses('ouc-eldercare-assoc', random, b, random.int(0, 3));
  return { program: 'ouc-eldercare-assoc' };
};

const PERSONAS: Record<
  string,
  { prefix: string; builder: PersonaBuilder; ref: (n: number) => string | null }
> = {
  training: { prefix: 'trn', builder: training, ref: (n) => `QH-${String(n).padStart(5, '0')}` },
  enterprise: { prefix: 'ent', builder: enterprise, ref: (n) => `HG-${String(20170000 + n * 7)}` },
  platform: {
    prefix: 'plt',
    builder: platform,
    ref: (n) => (n % 3 === 0 ? null : `YX${String(880000 + n * 13)}`),
  },
};

interface FixtureLearner {
  tenantId: string;
  id: string;
  displayName: string;
  externalRef: string | null;
  openedOn: string;
  build(b: LearnerBuilder): void;
  /** transfers applied on a day, in order */
  transfers?: { program: string; on: string }[];
}

/** The well-known fixtures (README.md): fixed ids, numbers and histories. */
export const FIXTURES: FixtureLearner[] = [
  {
    tenantId: 'training',
    id: 'trn-0001',
    displayName: '陈思远',
    externalRef: 'QH-00001',
    openedOn: '2023-09-01',
    build(b) {
      b.certificate('1x-web', 'intermediate', '2025-06-20', { number: 'WEB-2025-000001' });
      b.course('ouc', 'OUC-ENG1', 3, '2024-07-10', { score: 82 });
      b.course('cqu', 'CQU-CS101', 3, '2023-12-20', { score: 88 });
      b.nonformal('online-learning', 60, '2025-09-30', '云学终身学习平台');
      b.nonformal('work-experience', 400, '2025-12-31', '启航职业技能培训中心');
      b.certificate('1x-bim', 'junior', '2026-05-18', {
        number: 'BIM-2026-000004',
        fate: { status: 'pending' },
      });
    },
  },
  {
    tenantId: 'training',
    id: 'trn-0002',
    displayName: '林雨桐',
    externalRef: 'QH-00002',
    openedOn: '2023-03-15',
    build(b) {
      b.certificate('1x-logistics', 'intermediate', '2023-06-15', { number: 'LOG-2023-000002' });
      b.certificate('logistics-officer', 'level-4', '2023-11-20', {
        number: 'LGO-2023-000003',
        fate: { status: 'revoked', on: '2025-04-10', reason: '发证机构通报撤销该证书' },
      });
      b.nonformal('internship', 240, '2023-12-31', '盛达物流');
      b.course('ouc', 'OUC-ENG1', 3, '2024-01-12', { score: 75 });
    },
    transfers: [{ program: 'ouc-logistics-assoc', on: '2024-03-01' }],
  },
  {
    tenantId: 'enterprise',
    id: 'ent-0001',
    displayName: '周建华',
    externalRef: 'HG-20170342',
    openedOn: '2021-01-05',
    build(b) {
      b.certificate('electrician', 'level-4', '2022-04-12', { number: 'ELEC-2022-000006' });
      b.certificate('huagong-cnc', 'L3', '2023-09-01', { number: 'HGCNC-2023-000007' });
      b.course('hga', 'HGA-PLC', 2, '2021-06-30', { score: 86 });
      b.nonformal('work-experience', 3200, '2025-12-31', '华工智造集团');
      b.nonformal('innovation', 150, '2025-10-15', '华工智造集团创新工作室');
      b.course('hga', 'HGA-HYD', 2, '2022-06-30', { score: 64 });
    },
  },
  {
    tenantId: 'enterprise',
    id: 'ent-0002',
    displayName: '郑晓东',
    externalRef: 'HG-20150117',
    openedOn: '2016-02-20',
    build(b) {
      b.certificate('electrician', 'level-5', '2016-03-10', { number: 'ELEC-2016-000008' });
      b.certificate('welder', 'level-4', '2020-05-20', { number: 'WELD-2020-000009' });
      b.certificate('ouc-huagong-iot', 'junior', '2024-12-01', { number: 'OHIOT-2024-000010' });
      b.nonformal('work-experience', 1500, '2024-12-31', '华工智造集团');
      b.course('ouc', 'OUC-MEC-DRAW', 4, '2025-07-01', { score: 78 });
      b.certificate('pt-quality', 'certified', '2026-06-10', {
        number: 'PTQM-2026-000011',
        fate: { status: 'pending' },
      });
    },
    transfers: [{ program: 'ouc-mech-bachelor', on: '2025-03-15' }],
  },
  {
    tenantId: 'platform',
    id: 'plt-0001',
    displayName: '欧阳子涵',
    externalRef: null,
    openedOn: '2022-05-01',
    build(b) {
      b.course('ouc', 'OUC-DB', 4, '2022-07-05', { score: 91 });
      b.course('ouc', 'OUC-NET', 4, '2022-12-28', { score: 72 });
      b.course('zikao', 'ZK-04184', 3, '2023-04-20', { score: 66 });
      b.certificate('1x-web', 'senior', '2025-11-08', { number: 'WEB-2025-000012' });
      b.nonformal('online-learning', 180, '2025-12-20', '云学终身学习平台');
      b.nonformal('research', 100, '2026-01-15', '高校科研项目组');
    },
  },
];

/** Builds the seed learners: the fixtures, then random learners up to `total`. */
export function buildLearners(
  random: Random,
  total: number,
  ruleset: Ruleset,
  catalog: CatalogCourseRow[],
): LearnerSeed {
  const titles: TitleLookup = {
    courseTitle: (() => {
      const map = new Map(catalog.map((c) => [c.code, c.title]));
      return (code: string) => map.get(code);
    })(),
    certificate: (() => {
      const map = new Map(ruleset.certificates.map((c) => [c.id, c]));
      return (id: string) => map.get(id);
    })(),
  };
  const out: LearnerSeed = { learners: [], outcomes: [], transfers: [], ledger: [], claims: [] };
  const serials = { next: 100 };
  const taken = new Set<string>(FIXTURES.map((f) => f.displayName));

  const finish = (
    learner: LearnerRow,
    b: LearnerBuilder,
    transfers: { program: string; on: string }[],
    randomFates: boolean,
  ) => {
    out.learners.push(learner);
    const rows: OutcomeRow[] = b.drafts
      .sort((x, y) =>
        x.outcome.earnedOn < y.outcome.earnedOn
          ? -1
          : x.outcome.earnedOn > y.outcome.earnedOn
            ? 1
            : 0,
      )
      .map((draft) => {
        const { depositedAt, verifiedAt } = timeline(random, draft, learner.openedOn);
        let fate = draft.fate;
        if (!fate && randomFates) {
          if (depositedAt >= '2026-05-01' ? random.chance(0.6) : random.chance(0.03))
            fate = { status: 'pending' };
          else if (random.chance(0.04)) {
            fate = {
              status: 'revoked',
              on: minDate(addDays(verifiedAt.slice(0, 10), random.int(30, 700)), SEED_DATE),
              reason: random.pick(REVOKE_REASONS),
            };
          }
        }
        const outcome = { ...draft.outcome, status: fate?.status ?? 'verified' } as Outcome;
        return outcomeRow({ tenantId: learner.tenantId, learnerId: learner.id }, outcome, {
          title: archiveTitle(outcome, titles),
          issuer: draft.issuer,
          evidence: draft.evidence,
          depositedAt,
          verifiedAt: fate?.status === 'pending' ? null : verifiedAt,
          revokedAt: fate?.status === 'revoked' ? at(fate.on, 60) : null,
          revokedReason: fate?.status === 'revoked' ? fate.reason : null,
        });
      });
    out.outcomes.push(...rows);
    // History in date order: transfers on their days, reversals when a consumed outcome is revoked.
    const events = [
      ...transfers.map((t) => ({ on: at(t.on, 150), apply: t })),
      ...rows
        .filter((r) => r.revokedAt !== null)
        .map((r) => ({ on: r.revokedAt as string, revoke: r })),
    ].sort((x, y) => (x.on < y.on ? -1 : x.on > y.on ? 1 : 0));
    for (const event of events) {
      if ('apply' in event && event.apply) {
        applyOn(
          ruleset,
          { tenantId: learner.tenantId, id: learner.id, rows },
          event.apply.program,
          event.apply.on,
          out,
        );
      } else if ('revoke' in event && event.revoke) {
        reverseFor({ tenantId: learner.tenantId, id: learner.id }, event.revoke.id, event.on, out);
      }
    }
  };

  for (const fixture of FIXTURES) {
    const b = new LearnerBuilder(fixture.tenantId, fixture.id, serials);
    fixture.build(b);
    finish(
      {
        tenantId: fixture.tenantId,
        id: fixture.id,
        displayName: fixture.displayName,
        externalRef: fixture.externalRef,
        openedOn: fixture.openedOn,
        createdAt: at(fixture.openedOn, 0),
      },
      b,
      fixture.transfers ?? [],
      false,
    );
  }

  const tenants = ['training', 'enterprise', 'platform'];
  const quota = new Map(tenants.map((t) => [t, FIXTURES.filter((f) => f.tenantId === t).length]));
  const extra = Math.max(0, total - FIXTURES.length);
  for (let i = 0; i < extra; i++) {
    // 3 : 3 : 2 across training, enterprise and platform
    const tenantId = tenants[[0, 0, 0, 1, 1, 1, 2, 2][i % 8] as number] as string;
    const n = (quota.get(tenantId) as number) + 1;
    quota.set(tenantId, n);
    const persona = PERSONAS[tenantId] as (typeof PERSONAS)[string];
    const id = `${persona.prefix}-${String(n).padStart(4, '0')}`;
    const b = new LearnerBuilder(tenantId, id, serials);
    const { program } = persona.builder(b, random, catalog);
    const openedOn = dateBetween(random, '2016-01-01', '2026-03-01');
    const transfers: { program: string; on: string }[] = [];
    if (program && random.chance(0.35)) {
      const first = dateBetween(random, '2024-01-01', SEED_DATE);
      transfers.push({ program, on: first });
      if (random.chance(0.3))
        transfers.push({ program, on: dateBetween(random, first, SEED_DATE) });
    }
    finish(
      {
        tenantId,
        id,
        displayName: drawName(random, taken),
        externalRef: persona.ref(n),
        openedOn,
        createdAt: at(openedOn, random.int(0, 600)),
      },
      b,
      transfers,
      true,
    );
  }
  return out;
}
