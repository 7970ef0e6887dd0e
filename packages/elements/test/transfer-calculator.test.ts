import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { createBaseClient, type BaseClient } from '@creditbank/client';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../dist/cdn/provider.js';
import '../dist/cdn/transfer-calculator.js';
import type { PlanResult } from '@creditbank/core';
import type { ArchiveEntry, ScenarioExport, TransferResult } from '@creditbank/core/api';
import type { TransferCalculatedDetail } from '../src/transfer-calculator/transfer-calculator.component.js';
import type { CbTransferCalculator } from '../src/transfer-calculator/transfer-calculator.js';
import type { CbCertificatePicker } from '../src/certificate-picker/certificate-picker.component.js';
import { api, clearFaults, env, fault, openEmptyAccount, shadow, text, until } from './helpers.js';

const LEARNER = 'trn-0001';
/** the seeded program in which 1+X Web front-end substitutes courses (rulepack R-CNT-SUB-WEB-*) */
const PROGRAM = 'ouc-cnt-assoc';
const token = () => env.tokens.learners[LEARNER] as string;

interface Attrs {
  learner?: string;
  program?: string | null;
  locale?: string;
  theme?: string;
  token?: string;
  asOf?: string;
}

async function mount(attrs: Attrs = {}) {
  const program = attrs.program === null ? undefined : (attrs.program ?? PROGRAM);
  return fixture<CbTransferCalculator>(
    html`<cb-transfer-calculator
      base-url=${env.baseUrl}
      token=${attrs.token ?? token()}
      learner=${attrs.learner ?? LEARNER}
      program=${ifDefined(program)}
      as-of=${ifDefined(attrs.asOf)}
      locale=${attrs.locale ?? 'zh-CN'}
      theme=${attrs.theme ?? 'light'}
    ></cb-transfer-calculator>`,
  );
}

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  shadow(el).querySelector<T>(selector);

const select = (el: Element) => $<HTMLSelectElement>(el, '#program');

const settled = (el: Element) =>
  until(() => !!$(el, '[part="summary"]') && !$(el, '[aria-busy="true"].layout'), 'the plan');

/** The numbers the calculator shows, read from its data-* attributes. */
function shown(el: Element) {
  const summary = $(el, '[part="summary"]') as HTMLElement;
  const savings = $(el, '[part="savings"]') as HTMLElement;
  const cap = summary.dataset.cap;
  return {
    earnedCredits: Number(summary.dataset.earned),
    transferredCredits: Number(summary.dataset.transferred),
    totalCredits: Number(summary.dataset.total),
    remainingCredits: Number(summary.dataset.remaining),
    transferCap: cap === '' || cap === undefined ? null : Number(cap),
    savings: {
      amount: Number(savings.dataset.amount),
      credits: Number(savings.dataset.credits),
      exams: Number(savings.dataset.exams),
      currency: savings.dataset.currency,
    },
    grants: [...shadow(el).querySelectorAll<HTMLElement>('[part="grants"] li')].map((li) => ({
      rule: li.dataset.rule,
      credits: Number(li.dataset.credits),
      courses: li.dataset.courses ? li.dataset.courses.split(' ') : [],
      outcomes: li.dataset.outcomes ? li.dataset.outcomes.split(' ') : [],
      applied: li.dataset.applied === 'true',
    })),
  };
}

/** The same numbers from a plan result (the CLI's or the server's). */
function expected(result: PlanResult) {
  return {
    earnedCredits: result.earnedCredits,
    transferredCredits: result.transferredCredits,
    totalCredits: result.totalCredits,
    remainingCredits: result.remainingCredits,
    transferCap: result.transferCap,
    savings: { ...result.savings },
    grants: result.grants.map((g) => ({
      rule: g.rule,
      credits: g.credits,
      courses: g.courses,
      outcomes: g.outcomes,
      applied: g.applied,
    })),
  };
}

const evaluate = (scenario: unknown) =>
  executeServerCommand<PlanResult, unknown>('creditbank-evaluate', scenario);

/** Opens a fresh learner holding one verified certificate (so applying leaves the fixtures alone). */
async function learnerWithCertificate(level = 'intermediate') {
  const account = await openEmptyAccount('转换测试学员');
  const entry = await api.post<ArchiveEntry>(`/v1/learners/${account.id}/outcomes`, {
    outcome: {
      kind: 'certificate',
      earnedOn: '2025-06-20',
      certificate: { id: '1x-web', level, number: `WEB-T-${account.id}` },
    },
    title: 'Web 前端开发',
  });
  await api.post(`/v1/learners/${account.id}/outcomes/${entry.outcome.id}/verify`, {});
  return account;
}

/** Fills and submits the what-if course form (mouse-free but not keyboard: for the numbers). */
async function addCourse(el: CbTransferCalculator, code: string, score: number) {
  const select = $<HTMLSelectElement>(el, '#wi-course') as HTMLSelectElement;
  select.value = code;
  ($<HTMLInputElement>(el, '#wi-score') as HTMLInputElement).value = String(score);
  ($<HTMLFormElement>(el, 'form[data-form="course"]') as HTMLFormElement).requestSubmit();
  await el.updateComplete;
}

const activeIn = (root: Element) => shadow(root).activeElement;

/** The picker's options whose name (`证书 · 等级`) is `name`. */
const optionsNamed = (picker: Element, name: string) =>
  [...shadow(picker).querySelectorAll<HTMLElement>('[role="option"]')].filter(
    (o) => o.querySelector('.name')?.textContent?.trim() === name,
  );

async function shiftTab() {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
}

describe('<cb-transfer-calculator>', () => {
  afterEach(clearFaults);

  it('shows the 1+X Web substitution grant and the savings for trn-0001 (zh-CN)', async () => {
    const el = await mount();
    await settled(el);
    const grant = $(el, '[part="grants"] li[data-rule="R-CNT-SUB-WEB-I"]') as HTMLElement;
    expect(grant).to.not.equal(null);
    expect(grant.dataset.courses).to.equal('OUC-WEB1 OUC-WEB2');
    expect(grant.dataset.applied).to.equal('false');
    expect(grant.textContent).to.contain('网页设计与制作');
    expect(grant.textContent).to.contain('JavaScript 程序设计');
    expect(grant.textContent).to.contain('Web 前端开发 · 中级');
    // the kind of rule in words, its id beside it
    expect(grant.textContent).to.contain('课程置换（规则 R-CNT-SUB-WEB-I）');
    expect(grant.textContent).to.contain('新增');
    const savings = $(el, '[part="savings"]') as HTMLElement;
    expect(Number(savings.dataset.amount)).to.be.greaterThan(0);
    expect(savings.textContent).to.contain(
      new Intl.NumberFormat('zh-CN', {
        style: 'currency',
        currency: 'CNY',
        currencyDisplay: 'narrowSymbol',
      }).format(Number(savings.dataset.amount)),
    );
    expect(text(el)).to.contain('学分转换计算器');
    expect(text(el)).to.contain('计算机网络技术（专科）');
    // the pending 1+X BIM certificate is listed, not usable
    expect($(el, '[data-outcome="trn-0001-o6"]')?.textContent).to.contain('待核验');
    const meter = $(el, '[role="meter"]') as HTMLElement;
    expect(meter.getAttribute('aria-valuenow')).to.equal(
      ($(el, '[part="summary"]') as HTMLElement).dataset.transferred,
    );
    expect(meter.getAttribute('aria-labelledby')).to.equal('cap-label');
    await expect(el).to.be.accessible();
  });

  it('equals `creditbank evaluate` on the scenario the server exports, also with a what-if', async () => {
    const scenario = await api.get<ScenarioExport>(
      `/v1/learners/${LEARNER}/scenario?program=${PROGRAM}`,
    );
    const cli = await evaluate(scenario);
    const events: TransferCalculatedDetail[] = [];
    const el = await mount();
    el.addEventListener('cb-transfer-calculated', (e) => events.push(e.detail));
    await settled(el);
    expect(shown(el)).to.deep.equal(expected(cli));
    expect(cli.grants.some((g) => g.rule === 'R-CNT-SUB-WEB-I')).to.equal(true);

    // what if the learner also passed 英语（二） of the self-study exams with 75?
    const course = (
      scenario.ruleset as unknown as { courses: { code: string; credits: number }[] }
    ).courses.find((c) => c.code === 'ZK-00015');
    expect(course, 'ZK-00015 in the ruleset').to.not.equal(undefined);
    await addCourse(el, 'ZK-00015', 75);
    await settled(el);
    const whatIf = {
      id: 'what-if-1',
      kind: 'course',
      status: 'verified',
      earnedOn: scenario.asOf,
      course: { institution: 'zikao', code: 'ZK-00015', credits: course?.credits, score: 75 },
    };
    const withWhatIf = {
      ...scenario,
      learner: { ...scenario.learner, outcomes: [...scenario.learner.outcomes, whatIf] },
    };
    const cliWhatIf = await evaluate(withWhatIf);
    expect(shown(el)).to.deep.equal(expected(cliWhatIf));
    expect(cliWhatIf.transferredCredits).to.be.greaterThan(cli.transferredCredits);
    const grant = $(el, '[part="grants"] li[data-rule="R-CNT-REC-ZK-ENG"]') as HTMLElement;
    expect(grant.dataset.outcomes).to.equal('what-if-1');
    expect(grant.textContent).to.contain('假设');
    // the event carries the plan of every computation and the what-if
    const last = events[events.length - 1] as TransferCalculatedDetail;
    expect(last.learner).to.equal(LEARNER);
    expect(last.program).to.equal(PROGRAM);
    expect(last.whatIf).to.deep.equal([whatIf]);
    expect(expected(last.plan)).to.deep.equal(expected(cliWhatIf));
    expect(events.length).to.equal(2);
    await expect(el).to.be.accessible();
  });

  it('loads the programs and the scenario once, and computes what-ifs without a request', async () => {
    const requests: string[] = [];
    const original = window.fetch;
    window.fetch = (...args: Parameters<typeof fetch>) => {
      const [input] = args;
      requests.push(new URL(input instanceof Request ? input.url : String(input)).pathname);
      return original(...args);
    };
    try {
      const el = await mount();
      await settled(el);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(requests.filter((p) => p.endsWith('/scenario'))).to.have.length(1);
      expect(requests.filter((p) => p === '/v1/catalog/programs')).to.have.length(1);
      const count = requests.length;
      await addCourse(el, 'ZK-00015', 80);
      await settled(el);
      expect(requests).to.have.length(count);
    } finally {
      window.fetch = original;
    }
  });

  it('adds and removes a what-if certificate through the picker, and the plan follows', async () => {
    const el = await mount();
    await settled(el);
    const before = shown(el);
    expect(before.grants.some((g) => g.rule === 'R-CNT-SUB-ELEC')).to.equal(false);
    const picker = $(el, '[data-picker]') as CbCertificatePicker;
    // the picker's class, under the tag it is registered with (cb-certificate-picker by default)
    expect(picker.localName).to.equal('cb-certificate-picker');
    expect(customElements.getName(picker.constructor as CustomElementConstructor)).to.equal(
      picker.localName,
    );
    const input = shadow(picker).querySelector('input') as HTMLInputElement;
    input.focus();
    await sendKeys({ type: 'electrician' });
    await until(
      () => optionsNamed(picker, '电工 · 四级/中级工').length === 1,
      'the electrician options',
    );
    const option = optionsNamed(picker, '电工 · 四级/中级工')[0] as HTMLElement;
    option.click();
    await picker.updateComplete;
    expect(picker.selected[0]).to.include({ id: 'electrician', level: 'level-4', name: '电工' });
    const add = $(el, 'form[data-form="certificate"] button[type="submit"]') as HTMLButtonElement;
    add.click();
    await settled(el);
    const after = shown(el);
    const grant = after.grants.find((g) => g.rule === 'R-CNT-SUB-ELEC');
    expect(grant).to.deep.include({ courses: ['OUC-SAFE'], outcomes: ['what-if-1'] });
    expect(after.transferredCredits).to.be.greaterThan(before.transferredCredits);
    expect($(el, '[data-what-if="what-if-1"]')?.textContent).to.contain('电工 · 四级/中级工');
    expect(picker.selected).to.deep.equal([]);
    // apply is refused while a what-if is in the plan, and says why
    const applyButton = $(el, '[part="apply-button"]') as HTMLButtonElement;
    expect(applyButton.getAttribute('aria-disabled')).to.equal('true');
    expect(text(el)).to.contain('假设成果不会入账');
    await expect(el).to.be.accessible();

    ($(el, '[data-remove="what-if-1"]') as HTMLButtonElement).click();
    await settled(el);
    expect(shown(el)).to.deep.equal(before);
    expect(applyButton.getAttribute('aria-disabled')).to.equal('false');
  });

  it('is operable with the keyboard alone: program, picker, add, remove', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <button id="before">before</button>
        <cb-transfer-calculator
          base-url=${env.baseUrl}
          token=${token()}
          learner=${LEARNER}
          program=${PROGRAM}
        ></cb-transfer-calculator>
      </div>`,
    );
    const el = wrapper.querySelector('cb-transfer-calculator') as CbTransferCalculator;
    await settled(el);
    (wrapper.querySelector('#before') as HTMLButtonElement).focus();

    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(el);
    expect(activeIn(el)?.id).to.equal('program');

    await sendKeys({ press: 'Tab' });
    const picker = $(el, '[data-picker]') as CbCertificatePicker;
    expect(activeIn(el)).to.equal(picker);
    const input = shadow(picker).querySelector('input') as HTMLInputElement;
    expect(activeIn(picker)).to.equal(input);

    await sendKeys({ type: '1x-web' });
    await until(
      () =>
        ['初级', '中级', '高级'].every((l) => optionsNamed(picker, `Web 前端开发 · ${l}`).length),
      'the 1+X Web options',
    );
    const activeOption = () => {
      const id = input.getAttribute('aria-activedescendant');
      return id ? (shadow(picker).getElementById(id) as HTMLElement) : null;
    };
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'ArrowDown' });
    expect(input.getAttribute('aria-activedescendant')).to.equal('opt-0');
    expect(activeIn(picker)).to.equal(input);
    // down to "Web 前端开发 · 高级"
    const senior = optionsNamed(picker, 'Web 前端开发 · 高级')[0];
    for (let i = 1; activeOption() !== senior && i < 30; i++) {
      await sendKeys({ press: 'ArrowDown' });
      expect(input.getAttribute('aria-activedescendant')).to.equal(`opt-${i}`);
      expect(activeIn(picker)).to.equal(input);
    }
    expect(activeOption()).to.equal(senior);
    await sendKeys({ press: 'Enter' });
    await picker.updateComplete;
    expect(picker.selected[0]).to.include({ id: '1x-web', level: 'senior' });
    expect(activeIn(picker)).to.equal(input);

    await sendKeys({ press: 'Tab' });
    const add = $(el, 'form[data-form="certificate"] button[type="submit"]');
    expect(activeIn(el)).to.equal(add);

    await sendKeys({ press: 'Enter' });
    await settled(el);
    expect(activeIn(el)).to.equal(add);
    expect(shown(el).grants.some((g) => g.rule === 'R-CNT-SUB-WEB-S')).to.equal(true);
    await until(() => text(el).includes('已添加假设成果'), 'the announcement');
    // one Chinese sentence after another: no space after the 。
    expect(text(el)).to.match(/已添加假设成果：[^。]+。可转换/);

    // back to the what-if's remove button: the picker (input, then its chip is gone) first
    await shiftTab();
    expect(activeIn(el)).to.equal(picker);
    expect(activeIn(picker)).to.equal(input);
    await shiftTab();
    const remove = $(el, '[data-remove="what-if-1"]');
    expect(activeIn(el)).to.equal(remove);
    expect(remove?.getAttribute('aria-label')).to.contain('Web 前端开发 · 高级');

    await sendKeys({ press: 'Enter' });
    await settled(el);
    expect($(el, '[data-remove="what-if-1"]')).to.equal(null);
    expect(activeIn(el)?.id).to.equal('whatif-title');
    expect(shown(el).grants.some((g) => g.rule === 'R-CNT-SUB-WEB-S')).to.equal(false);

    // on to the course form
    await sendKeys({ press: 'Tab' });
    expect(activeIn(el)).to.equal(picker);
    await sendKeys({ press: 'Tab' });
    expect(activeIn(el)).to.equal(add);
    await sendKeys({ press: 'Tab' });
    expect(activeIn(el)?.id).to.equal('wi-course');
    await sendKeys({ press: 'Tab' });
    expect(activeIn(el)?.id).to.equal('wi-score');
    await sendKeys({ type: '90' });
    await sendKeys({ press: 'Enter' });
    await settled(el);
    expect(activeIn(el)?.id).to.equal('wi-score');
    const added = $(el, '[data-what-if]') as HTMLElement;
    expect(added.dataset.whatIf).to.equal('what-if-2');
    await expect(el).to.be.accessible();
  });

  it('applies with a learner token: the server result, events, focus, then nothing new', async () => {
    const account = await learnerWithCertificate();
    const applied: TransferResult[] = [];
    const ledger: unknown[] = [];
    const onLedger = (e: Event) => ledger.push((e as CustomEvent).detail);
    window.addEventListener('cb-ledger-changed', onLedger);
    try {
      const el = await mount({ learner: account.id, token: account.token });
      el.addEventListener('cb-transfer-applied', (e) => applied.push(e.detail));
      await settled(el);
      const preview = shown(el);
      const grant = preview.grants.find((g) => g.rule === 'R-CNT-SUB-WEB-I');
      expect(grant?.applied).to.equal(false);
      const button = $(el, '[part="apply-button"]') as HTMLButtonElement;
      expect(button.getAttribute('aria-disabled')).to.equal('false');

      button.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => !!$(el, '[part="result"]'), 'the apply result');
      const result = $(el, '[part="result"]') as HTMLElement;
      expect(activeIn(el)).to.equal(result);
      expect(applied).to.have.length(1);
      const server = applied[0] as TransferResult;
      expect(server.ledger.length).to.be.greaterThan(0);
      expect(Number(result.dataset.credits)).to.equal(
        server.ledger.reduce((sum, e) => sum + e.credits, 0),
      );
      expect(Number(result.dataset.transferred)).to.equal(server.plan.transferredCredits);
      expect(Number(result.dataset.entries)).to.equal(server.ledger.length);
      expect(result.querySelectorAll('li[data-entry]')).to.have.length(server.ledger.length);
      expect(ledger).to.deep.equal([{ learner: account.id }]);
      // the preview and the server's authoritative plan agree
      expect(server.plan.transferredCredits).to.equal(preview.transferredCredits);
      await until(() => text(el).includes('已入账'), 'the live announcement');

      // the scenario reloads: the grants are now applied and there is nothing new to apply
      await until(
        () => shown(el).grants.every((g) => g.applied) && shown(el).grants.length > 0,
        'the reloaded plan',
      );
      expect(activeIn(el)).to.equal(result);
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect(text(el)).to.contain('没有可入账的新转换');
      // an applied grant is listed as applied, not also as a reason a credit was not granted
      const why = $(el, 'details[part="explanation"]') as HTMLElement;
      expect(why.querySelector('[data-group="granted"] [data-code="applied"]')).to.not.equal(null);
      expect(
        why.querySelector(
          '[data-group="not-granted"] [data-code="rule-outcome-consumed"][data-rule="R-CNT-SUB-WEB-I"]',
        ),
      ).to.equal(null);
      // what the applied transfer already holds is no credit lost: its own group, not counted
      const notGranted = why.querySelectorAll(
        '[data-group="not-granted"] [data-code="rule-course-earned"], [data-group="not-granted"] [data-code="rule-outcome-consumed"]',
      );
      expect(notGranted).to.have.length(0);
      const covered = why.querySelectorAll('[data-group="covered"] li').length;
      const counted = why.querySelectorAll('[data-group="not-granted"] li').length;
      expect(why.querySelector('summary')?.textContent).to.contain(`${counted} 条未转换原因`);
      if (covered) expect(why.textContent).to.contain('已修得或已入账，无需再转换');
      button.click();
      await el.updateComplete;
      expect(applied).to.have.length(1);
      await expect(el).to.be.accessible();
    } finally {
      window.removeEventListener('cb-ledger-changed', onLedger);
    }
  });

  it('answers a 409 with its own message and reloads', async () => {
    const account = await learnerWithCertificate();
    const first = await mount({ learner: account.id, token: account.token });
    const second = await mount({ learner: account.id, token: account.token, locale: 'en' });
    await settled(first);
    await settled(second);
    ($(first, '[part="apply-button"]') as HTMLButtonElement).click();
    await until(() => !!$(first, '[part="result"]'), 'the first apply');
    // the second one still shows the old plan; the server refuses to apply it again
    ($(second, '[part="apply-button"]') as HTMLButtonElement).click();
    await until(() => !!$(second, '[part="apply-error"]'), 'the conflict');
    expect($(second, '[part="apply-error"]')?.textContent).to.contain(
      'The transfer changed meanwhile',
    );
    // a conflict is definitive: the button applies anew, it does not retry
    expect($(second, '[part="apply-button"]')?.textContent?.trim()).to.not.contain('Retry');
    await until(() => shown(second).grants.every((g) => g.applied), 'the reload after 409');
    await expect(second).to.be.accessible();
  });

  it('shows an apply error and retries with the same idempotency key', async () => {
    const account = await learnerWithCertificate('junior');
    const keys: string[] = [];
    const original = window.fetch;
    window.fetch = (...args: Parameters<typeof fetch>) => {
      const [input, init] = args;
      const request = input instanceof Request ? input : null;
      const url = request ? request.url : String(input);
      const method = request ? request.method : (init?.method ?? 'GET');
      if (method === 'POST' && /\/transfers$/.test(url)) {
        const headers = new Headers(request ? request.headers : init?.headers);
        keys.push(headers.get('idempotency-key') ?? '');
      }
      return original(...args);
    };
    try {
      const el = await mount({ learner: account.id, token: account.token });
      await settled(el);
      await fault({ route: 'POST /v1/learners/*/transfers', status: 500, times: 1 });
      ($(el, '[part="apply-button"]') as HTMLButtonElement).click();
      await until(() => !!$(el, '[part="apply-error"]'), 'the apply error');
      expect($(el, '[part="apply-error"]')?.textContent).to.contain('入账失败');
      expect($(el, '[part="apply-error"]')?.getAttribute('role')).to.equal('alert');
      await expect(el).to.be.accessible();
      // one button: after the failure it retries, with the same idempotency key
      const again = $(el, '[part="apply-button"]') as HTMLButtonElement;
      expect(again.textContent?.trim()).to.equal('重新提交入账');
      again.click();
      await until(() => !!$(el, '[part="result"]'), 'the result after retry');
      expect(keys).to.have.length(2);
      expect(keys[0]).to.have.length.greaterThan(7);
      expect(keys[1]).to.equal(keys[0]);
    } finally {
      window.fetch = original;
    }
  });

  it('is busy while applying', async () => {
    const account = await learnerWithCertificate();
    const el = await mount({ learner: account.id, token: account.token, theme: 'dark' });
    await settled(el);
    await fault({ route: 'POST /v1/learners/*/transfers', delayMs: 1500, times: 1 });
    const button = $(el, '[part="apply-button"]') as HTMLButtonElement;
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-busy')).to.equal('true');
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect($(el, '[part="apply"]')?.getAttribute('aria-busy')).to.equal('true');
    expect(button.textContent).to.contain('正在入账');
    await expect(el).to.be.accessible();
    await until(() => !!$(el, '[part="result"]'), 'the result');
    expect(button.getAttribute('aria-busy')).to.equal('false');
  });

  it('hides apply when the token may not write', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<cb-provider base-url=${env.baseUrl} token=${token()}>
        <cb-transfer-calculator learner=${LEARNER} program=${PROGRAM}></cb-transfer-calculator>
      </cb-provider>`,
    );
    const el = wrapper.querySelector('cb-transfer-calculator') as CbTransferCalculator;
    await settled(el);
    expect($(el, '[part="grants"] li')).to.not.equal(null);
    expect($(el, '[part="apply"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('previews a future as-of but does not offer to apply it, and says why', async () => {
    const account = await learnerWithCertificate();
    const el = await mount({ learner: account.id, token: account.token, asOf: '2099-01-01' });
    await settled(el);
    expect(shown(el).grants.some((g) => !g.applied)).to.equal(true);
    const button = $(el, '[part="apply-button"]') as HTMLButtonElement;
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(text(el)).to.contain('评估日期在今天之后');
    button.click();
    await el.updateComplete;
    expect($(el, '[part="result"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows a skeleton while the scenario loads', async () => {
    await fault({ route: 'GET /v1/learners/*/scenario', delayMs: 1500, times: 1 });
    const el = await mount({ locale: 'en' });
    await until(() => !!$(el, '[part="loading"]'), 'the skeleton');
    expect($(el, '[part="loading"]')?.getAttribute('aria-busy')).to.equal('true');
    expect($(el, '#program')).to.not.equal(null);
    await expect(el).to.be.accessible();
    await settled(el);
  });

  it('names the program when its list fails, with one error and one Retry', async () => {
    await fault({ route: 'GET /v1/catalog/programs', status: 500, times: 1 });
    const el = await mount();
    await settled(el);
    await until(() => text(el).includes('专业列表加载失败'), 'the program list error');
    const chooser = select(el) as HTMLSelectElement;
    expect(chooser.selectedOptions[0]?.textContent?.trim()).to.equal('计算机网络技术（专科）');
    expect(shadow(el).querySelectorAll('[role="alert"]')).to.have.length(1);
    await expect(el).to.be.accessible();
    const retry = [...shadow(el).querySelectorAll('button')].find(
      (b) => b.textContent?.trim() === '重试',
    ) as HTMLButtonElement;
    retry.click();
    await until(() => chooser.options.length > 3, 'the program list');
    expect(text(el)).to.not.contain('专业列表加载失败');
  });

  it('shows one error, one Retry, when both the plan and the program list fail', async () => {
    await fault({ route: 'GET /v1/catalog/programs', status: 500, times: 1 });
    await fault({ route: 'GET /v1/learners/*/scenario', status: 500, times: 1 });
    const el = await mount();
    await until(() => !!$(el, '[part="error"]'), 'the error state');
    await until(() => select(el)?.getAttribute('aria-busy') === 'false', 'the list to settle');
    expect(text(el)).to.not.contain('专业列表加载失败');
    expect(shadow(el).querySelectorAll('[part="retry"]')).to.have.length(1);
    ($(el, '[part="retry"]') as HTMLButtonElement).click();
    await settled(el);
    await until(() => (select(el)?.options.length ?? 0) > 3, 'the program list');
  });

  it('shows an error with a retry that works', async () => {
    await fault({ route: 'GET /v1/learners/*/scenario', status: 500, times: 1 });
    const el = await mount();
    await until(() => !!$(el, '[part="error"]'), 'the error state');
    expect(text(el)).to.contain('加载失败');
    await expect(el).to.be.accessible();
    ($(el, '[part="retry"]') as HTMLButtonElement).click();
    await settled(el);
  });

  it('shows the error state in English and dark', async () => {
    await fault({ route: 'GET /v1/learners/*/scenario', status: 500, times: 1 });
    const el = await mount({ locale: 'en', theme: 'dark' });
    await until(() => !!$(el, '[part="error"]'), 'the error state');
    expect(text(el)).to.contain('Credit transfer calculator: could not load');
    await expect(el).to.be.accessible();
  });

  it('refuses a scenario that fails validation, naming the field', async () => {
    const real = createBaseClient({ baseUrl: env.baseUrl, token: token() });
    // the real server's scenario with one rule pointing at a course the ruleset lacks
    const corrupting: BaseClient = {
      invalidate: (prefix) => real.invalidate(prefix),
      request: async (call, options) => {
        const value = await real.request(call, options);
        if (!call.path.endsWith('/scenario')) return value;
        const scenario = structuredClone(value) as unknown as {
          ruleset: { rules: { courses?: string[] }[] };
        };
        (scenario.ruleset.rules[0] as { courses: string[] }).courses = ['NO-SUCH-COURSE'];
        return scenario as typeof value;
      },
    };
    const el = await fixture<CbTransferCalculator>(
      html`<cb-transfer-calculator
        .client=${corrupting}
        learner=${LEARNER}
        program=${PROGRAM}
      ></cb-transfer-calculator>`,
    );
    await until(() => !!$(el, '[part="invalid"]'), 'the invalid state');
    const invalid = $(el, '[part="invalid"]') as HTMLElement;
    expect(invalid.getAttribute('role')).to.equal('alert');
    expect(invalid.querySelector('[data-path="ruleset.rules[0].courses[0]"]')).to.not.equal(null);
    expect(invalid.textContent).to.contain('ruleset.rules[0].courses[0]');
    expect(invalid.textContent).to.contain('转换数据无效');
    expect($(el, '[part="summary"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('empty account: the program requirements and an invitation to add what-ifs', async () => {
    const account = await openEmptyAccount();
    const el = await mount({ learner: account.id, token: account.token });
    await settled(el);
    expect($(el, '[part="outcomes"] [part="empty"]')?.textContent).to.contain('添加假设成果');
    const numbers = shown(el);
    expect(numbers.earnedCredits).to.equal(0);
    expect(numbers.transferredCredits).to.equal(0);
    expect(numbers.remainingCredits).to.equal(56);
    expect(numbers.grants).to.deep.equal([]);
    const missing = [
      ...shadow(el).querySelectorAll<HTMLElement>('[part="graduation"] [data-missing]'),
    ].map((li) => li.dataset.missing);
    expect(missing).to.deep.equal(['credits', 'course', 'course', 'course', 'certificates']);
    expect(text(el)).to.contain('思想道德与法治');
    expect(text(el)).to.contain('暂无可转换的课程');
    await expect(el).to.be.accessible();

    // a what-if fills the plan; the apply stays refused while it is there
    const category = $<HTMLSelectElement>(el, '#wi-category') as HTMLSelectElement;
    category.value = 'work-experience';
    ($<HTMLInputElement>(el, '#wi-hours') as HTMLInputElement).value = '400';
    ($<HTMLFormElement>(el, 'form[data-form="nonformal"]') as HTMLFormElement).requestSubmit();
    await settled(el);
    const grant = shown(el).grants.find((g) => g.rule === 'R-CNT-NF-WORK');
    expect(grant).to.deep.include({ courses: [], outcomes: ['what-if-1'], credits: 4 });
    expect(text(el)).to.contain('选修学分');
  });

  it('lets the learner choose the program when none is set', async () => {
    const el = await mount({ program: null });
    await until(
      () => (($(el, '#program') as HTMLSelectElement | null)?.options.length ?? 0) > 2,
      'the programs',
    );
    expect($(el, '[part="empty"]')?.textContent).to.contain('请选择目标专业');
    expect(($(el, 'label[for="program"]') as HTMLElement).textContent).to.contain('目标专业');
    await expect(el).to.be.accessible();
    const select = $(el, '#program') as HTMLSelectElement;
    select.value = 'bjvc-software-assoc';
    select.dispatchEvent(new Event('change'));
    await settled(el);
    expect(shown(el).grants.some((g) => g.rule === 'R-BJVC-SUB-WEB-I')).to.equal(true);
    // and changes it again
    select.value = PROGRAM;
    select.dispatchEvent(new Event('change'));
    await until(
      () =>
        !!$(el, '[part="summary"]') && shown(el).grants.some((g) => g.rule === 'R-CNT-SUB-WEB-I'),
      'the new plan',
    );
  });

  it('speaks English, explains why in English, and switches locale at run time', async () => {
    const el = await mount({ locale: 'en' });
    await settled(el);
    expect(text(el)).to.contain('Credit transfer calculator');
    expect(text(el)).to.contain('Transferable courses');
    expect(text(el)).to.contain('Course substitution (rule R-CNT-SUB-WEB-I)');
    const details = $(el, 'details[part="explanation"]') as HTMLDetailsElement;
    expect(details.querySelector('summary')?.textContent).to.contain('Why?');
    details.open = true;
    const notGranted = details.querySelector('[data-group="not-granted"]') as HTMLElement;
    // outcomes, levels and courses by name, not by id
    expect(notGranted.textContent).to.contain(
      'Outcome 建筑信息模型（BIM）· Junior is not verified yet',
    );
    expect(notGranted.textContent).to.contain(
      'the certificate is at Intermediate, below the required Senior',
    );
    expect(notGranted.textContent).to.not.contain('trn-0001-o');
    await expect(el).to.be.accessible();
    el.locale = 'zh-CN';
    await el.updateComplete;
    await settled(el);
    expect(text(el)).to.contain('学分转换计算器');
    expect(details.querySelector('summary')?.textContent).to.contain('为什么？');
    expect(details.textContent).to.contain('成果“建筑信息模型（BIM）· 初级”尚未核验');
    expect(details.textContent).to.contain('证书等级“中级”低于要求的“高级”');
    await expect(el).to.be.accessible();
  });

  it('has a dark theme', async () => {
    const light = await mount({ theme: 'light' });
    const dark = await mount({ theme: 'dark', locale: 'en' });
    await settled(light);
    await settled(dark);
    const bg = (el: Element) => getComputedStyle($(el, '[part="base"]') as Element).backgroundColor;
    expect(bg(light)).to.equal('rgb(255, 255, 255)');
    expect(bg(dark)).to.equal('rgb(20, 20, 20)');
    ($(dark, 'details') as HTMLDetailsElement).open = true;
    await expect(dark).to.be.accessible();
  });

  it('refuses a bad attribute with an error state and a warning naming it', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const el = await mount({ asOf: '2026/11/21' });
      expect(text(el)).to.contain('as-of');
      expect(warnings.join('\n')).to.contain('as-of');
      await expect(el).to.be.accessible();
    } finally {
      console.warn = warn;
    }
  });
  for (const locale of ['zh-CN', 'en'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      describe(`every state in ${locale}, ${theme}`, () => {
        const words =
          locale === 'en'
            ? {
                title: 'Credit transfer calculator',
                error: 'Credit transfer calculator: could not load',
                empty: 'No learning outcomes yet',
              }
            : { title: '学分转换计算器', error: '学分转换计算器加载失败', empty: '还没有学习成果' };

        it('loading', async () => {
          await fault({ route: 'GET /v1/learners/*/scenario', delayMs: 1000, times: 1 });
          const el = await mount({ locale, theme });
          await until(() => !!$(el, '[part="loading"]'), 'the skeleton');
          expect(el.dataset.cbTheme).to.equal(theme);
          expect(text(el)).to.contain(words.title);
          await expect(el).to.be.accessible();
          await settled(el);
        });

        it('error', async () => {
          await fault({ route: 'GET /v1/learners/*/scenario', status: 500, times: 1 });
          const el = await mount({ locale, theme });
          await until(() => !!$(el, '[part="error"]'), 'the error state');
          expect(text(el)).to.contain(words.error);
          await expect(el).to.be.accessible();
          ($(el, '[part="retry"]') as HTMLButtonElement).click();
          await settled(el);
        });

        it('empty', async () => {
          const account = await openEmptyAccount();
          const el = await mount({ learner: account.id, token: account.token, locale, theme });
          await settled(el);
          expect($(el, '[part="outcomes"] [part="empty"]')?.textContent).to.contain(words.empty);
          await expect(el).to.be.accessible();
        });

        it('success', async () => {
          const el = await mount({ locale, theme });
          await settled(el);
          expect($(el, '[part="grants"] li[data-rule="R-CNT-SUB-WEB-I"]')).to.not.equal(null);
          ($(el, 'details') as HTMLDetailsElement).open = true;
          await expect(el).to.be.accessible();
        });
      });
    }
  }
});
