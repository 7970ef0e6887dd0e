// Deterministic rule packs and learners for the benchmarks (and the size-independent tests).
const LEVELS = ['junior', 'intermediate', 'senior'];

/** A tiny deterministic PRNG (mulberry32). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The typical case: a ruleset of 2,000 rules over 10 programs of 40 courses, and a learner
 * with 30 outcomes (certificates, external courses, non-formal hours, own courses).
 */
export function typicalCase() {
  const random = prng(42);
  const institutions = [
    { id: 'ou', name: '开放大学', kind: 'open-university' },
    { id: 'uni', name: '某大学', kind: 'university' },
  ];
  const certificates = Array.from({ length: 60 }, (_, i) => ({
    id: `cert-${i}`,
    name: `证书 ${i}`,
    category: 'skill-level',
    levels: LEVELS,
    creditValue: { junior: 2, intermediate: 4, senior: 6 },
  }));
  const courses = [];
  const programs = [];
  const rules = [];
  const categories = [
    'work-experience',
    'training',
    'online-learning',
    'internship',
    'volunteering',
  ];
  for (let p = 0; p < 10; p++) {
    const codes = Array.from({ length: 40 }, (_, i) => `P${p}-C${i}`);
    for (const code of codes) {
      courses.push({
        code,
        institution: 'ou',
        title: `课程 ${code}`,
        credits: 2 + (codes.indexOf(code) % 3),
      });
    }
    programs.push({
      id: `prog-${p}`,
      institution: 'ou',
      name: `专业 ${p}`,
      totalCredits: 120,
      courses: codes,
      requiredCourses: codes.slice(0, 5),
      maxTransferShare: 0.5,
      maxNonformalCredits: 6,
      nonTransferable: [codes[39]],
    });
    for (let r = 0; r < 200; r++) {
      const id = `R-${p}-${String(r).padStart(3, '0')}`;
      const slot = r % 10;
      if (slot < 5) {
        const a = Math.floor(random() * 39);
        const b = (a + 1 + Math.floor(random() * 38)) % 39;
        rules.push({
          id,
          kind: 'substitution',
          program: `prog-${p}`,
          certificate: `cert-${Math.floor(random() * 60)}`,
          minLevel: LEVELS[Math.floor(random() * 3)],
          courses: a === b ? [codes[a]] : [codes[a], codes[b]],
          ...(random() < 0.2 ? { group: `g-${p}-${r % 7}` } : {}),
        });
      } else if (slot < 9) {
        const ext = `U-${Math.floor(random() * 100)}`;
        rules.push({
          id,
          kind: 'recognition',
          program: `prog-${p}`,
          from: { institution: 'uni', course: ext },
          to: codes[Math.floor(random() * 39)],
          minScore: 60 + Math.floor(random() * 20),
        });
      } else {
        rules.push({
          id,
          kind: 'nonformal',
          program: `prog-${p}`,
          category: categories[r % categories.length],
          hoursPerCredit: 36,
          maxCredits: 4,
        });
      }
    }
  }
  for (let u = 0; u < 100; u++) {
    courses.push({ code: `U-${u}`, institution: 'uni', title: `外校课程 ${u}`, credits: 3 });
  }
  const ruleset = {
    id: 'bench-typical',
    version: '1',
    fees: { perCredit: 5, perExam: 10, currency: 'CNY' },
    institutions,
    certificates,
    courses,
    programs,
    rules,
  };
  const outcomes = [];
  for (let i = 0; i < 10; i++) {
    outcomes.push({
      id: `o-cert-${i}`,
      kind: 'certificate',
      status: 'verified',
      earnedOn: '2025-01-01',
      certificate: {
        id: `cert-${Math.floor(random() * 60)}`,
        level: LEVELS[Math.floor(random() * 3)],
      },
    });
  }
  for (let i = 0; i < 10; i++) {
    outcomes.push({
      id: `o-ext-${i}`,
      kind: 'course',
      status: 'verified',
      earnedOn: '2025-01-01',
      course: {
        institution: 'uni',
        code: `U-${Math.floor(random() * 100)}`,
        credits: 3,
        score: 55 + Math.floor(random() * 45),
      },
    });
  }
  for (let i = 0; i < 5; i++) {
    outcomes.push({
      id: `o-nf-${i}`,
      kind: 'nonformal',
      status: 'verified',
      earnedOn: '2025-01-01',
      nonformal: { category: categories[i], hours: 40 + Math.floor(random() * 200) },
    });
  }
  for (let i = 0; i < 5; i++) {
    outcomes.push({
      id: `o-own-${i}`,
      kind: 'course',
      status: 'verified',
      earnedOn: '2025-01-01',
      course: { institution: 'ou', code: `P0-C${10 + i}`, credits: 2 + ((10 + i) % 3), score: 80 },
    });
  }
  return { ruleset, learner: { id: 'bench', outcomes }, program: 'prog-0' };
}

/**
 * The hard case: 60 certificates, each substituting its own pair out of 30 courses (every
 * course in about four pairs), under a transfer cap of 37% of the program: many equal-credit
 * optima, so the tie-breaks decide. `credits` gives the course credits (all equal by default).
 */
export function hardCase(credits = () => 3) {
  const random = prng(7);
  const codes = Array.from({ length: 30 }, (_, i) => `C${String(i).padStart(2, '0')}`);
  const courses = codes.map((code, i) => ({
    code,
    institution: 'ou',
    title: `课程 ${code}`,
    credits: credits(i),
  }));
  const total = courses.reduce((s, c) => s + c.credits, 0);
  const pairs = [];
  const seen = new Set();
  while (pairs.length < 60) {
    const a = Math.floor(random() * 30);
    const b = Math.floor(random() * 30);
    const key = a < b ? `${a}-${b}` : `${b}-${a}`;
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    pairs.push([codes[a], codes[b]]);
  }
  const certificates = pairs.map((_, i) => ({
    id: `cert-${String(i).padStart(2, '0')}`,
    name: `证书 ${i}`,
    category: 'skill-level',
    levels: LEVELS,
  }));
  const rules = pairs.map((pair, i) => ({
    id: `R-${String(i).padStart(2, '0')}`,
    kind: 'substitution',
    program: 'hard',
    certificate: certificates[i].id,
    courses: pair,
  }));
  const ruleset = {
    id: 'bench-hard',
    version: '1',
    institutions: [{ id: 'ou', name: '开放大学', kind: 'open-university' }],
    certificates,
    courses,
    programs: [
      {
        id: 'hard',
        institution: 'ou',
        name: '难例专业',
        totalCredits: total,
        courses: codes,
        requiredCourses: [],
        maxTransferShare: 0.37,
      },
    ],
    rules,
  };
  const outcomes = certificates.map((c, i) => ({
    id: `o-${String(59 - i).padStart(2, '0')}`,
    kind: 'certificate',
    status: 'verified',
    earnedOn: '2025-01-01',
    certificate: { id: c.id, level: 'junior' },
  }));
  return { ruleset, learner: { id: 'hard', outcomes }, program: 'hard' };
}
