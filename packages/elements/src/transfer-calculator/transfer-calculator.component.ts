import { getPrograms, getScenario, postApply } from '@creditbank/client/endpoints';
import { isCreditBankError } from '@creditbank/client';
import {
  NONFORMAL_CATEGORIES,
  plan,
  validateLearner,
  validateScenario,
  type Certificate,
  type CertificateOutcome,
  type Course,
  type CourseOutcome,
  type ExplanationStep,
  type Grant,
  type MissingItem,
  type NonformalCategory,
  type NonformalOutcome,
  type Outcome,
  type PlanResult,
  type Program,
  type RecognitionRule,
  type Scenario,
  type ValidationIssue,
} from '@creditbank/core';
import type { LedgerEntry, TransferResult } from '@creditbank/core/api';
import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { html as staticHtml, unsafeStatic, type StaticValue } from 'lit/static-html.js';
import { CbCertificatePicker } from '../certificate-picker/certificate-picker.component.js';
import { cardStyles, tileStyles } from '../shared/blocks.styles.js';
import { CbElement, dateIssue, type ConfigIssue } from '../shared/base.js';
import { define } from '../shared/define.js';
import { formatCredits, formatDate, formatMoney, formatNumber } from '../shared/format.js';
import type { Locale } from '../shared/i18n.js';
import { joinDot, kindNames, levelName, nonformalNames } from '../shared/names.js';
import { messages, statusNames } from './transfer-calculator.messages.js';
import { styles } from './transfer-calculator.styles.js';

/** A what-if outcome: hypothetical, `verified`, earned on the evaluation date, never applied. */
export type WhatIfOutcome = CertificateOutcome | CourseOutcome | NonformalOutcome;

/** Detail of `cb-transfer-calculated`: the plan just computed and the what-ifs it includes. */
export interface TransferCalculatedDetail {
  readonly learner: string;
  readonly program: string;
  readonly plan: PlanResult;
  readonly whatIf: readonly WhatIfOutcome[];
}

/** A scenario as loaded: validated, or the issues that refused it. */
type Loaded =
  | { readonly key: string; readonly ok: true; readonly scenario: Scenario; readonly index: Index }
  | { readonly key: string; readonly ok: false; readonly issues: readonly ValidationIssue[] };

/** Look-ups into the scenario's ruleset. */
interface Index {
  readonly program: Program;
  readonly courses: ReadonlyMap<string, Course>;
  readonly certificates: ReadonlyMap<string, Certificate>;
  readonly institutions: ReadonlyMap<string, string>;
  /** courses of other institutions that recognition rules of the program name */
  readonly external: readonly Course[];
  readonly programCourses: readonly Course[];
}

type Computed =
  | { readonly ok: true; readonly plan: PlanResult }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[] }
  | { readonly ok: false; readonly error: unknown };

interface Computation {
  readonly loaded: Loaded;
  readonly whatIfs: readonly WhatIfOutcome[];
  readonly result: Computed;
}

type ApplyState =
  | { readonly status: 'idle' }
  | { readonly status: 'applying' }
  | { readonly status: 'done'; readonly result: TransferResult }
  | { readonly status: 'error'; readonly error: unknown; readonly conflict: boolean };

const PICKER_TAG = 'cb-certificate-picker';

function indexOf(scenario: Scenario, programId: string): Index | null {
  const { ruleset } = scenario;
  const program = ruleset.programs.find((p) => p.id === programId);
  if (!program) return null;
  const courses = new Map(ruleset.courses.map((c) => [c.code, c]));
  const external = new Map<string, Course>();
  for (const rule of ruleset.rules) {
    if (rule.kind !== 'recognition' || rule.program !== programId) continue;
    const { from } = rule as RecognitionRule;
    const course = courses.get(from.course);
    if (course && course.institution === from.institution) external.set(course.code, course);
  }
  return {
    program,
    courses,
    certificates: new Map(ruleset.certificates.map((c) => [c.id, c])),
    institutions: new Map(ruleset.institutions.map((i) => [i.id, i.name])),
    external: [...external.values()],
    programCourses: program.courses.flatMap((code) => courses.get(code) ?? []),
  };
}

/**
 * 学分转换计算器 — what a learner's outcomes are worth in a target program, live: the grants
 * (course substitution, recognition, non-formal learning), the transfer cap, earned,
 * transferred and remaining credits, the graduation checklist, the savings and the reasons a
 * credit was not granted. What-if outcomes (a certificate, a course with a score, non-formal
 * hours) change the plan at once; the rule engine is `@creditbank/core`'s `plan`, run in the
 * browser on the scenario the server exports, so a preview and the applied result never
 * disagree. With a writing token, "apply" writes the plan to the ledger (idempotently).
 * The certificate what-if is `<cb-certificate-picker>`'s class, rendered under the tag the host
 * registered it with (registered as `cb-certificate-picker` when it is not yet).
 *
 * @summary Live transfer plan of a learner for a program, with what-if outcomes and apply.
 * @event cb-transfer-calculated - After every computation of the plan; detail `{ learner, program, plan, whatIf }`.
 * @event cb-transfer-applied - After the server applied the transfer; detail is its `TransferResult`.
 * @event cb-ledger-changed - After an apply (bubbles, composed), detail `{ learner }`, so `<cb-credit-balance>` reloads.
 * @csspart base - The card.
 * @csspart program - The target-program chooser.
 * @csspart outcomes - The learner's outcomes.
 * @csspart what-ifs - The what-if outcomes and the forms that add them.
 * @csspart plan - The column of the plan: summary, cap, grants, graduation, savings, explanation, apply.
 * @csspart summary - Earned, transferred, total, remaining and required credits (`data-*` hold the numbers).
 * @csspart cap - The transfer-cap meter.
 * @csspart grants - The grants of the plan (`data-rule`, `data-credits`, `data-courses`, `data-applied` per grant).
 * @csspart graduation - The graduation checklist.
 * @csspart savings - The savings in money, credits and exams (`data-*` hold the numbers).
 * @csspart explanation - The "why?" steps of the plan.
 * @csspart apply - The apply action and its state.
 * @csspart apply-button - The apply button.
 * @csspart apply-error - The error of a failed apply (a 409 says the transfer changed and reloads).
 * @csspart result - The server's result after an apply (focused when it arrives).
 * @csspart invalid - The error state of a scenario or what-if that failed validation.
 * @csspart loading - The skeleton while loading.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart retry - The retry button of the error state.
 * @cssproperty --cb-color-primary - Accent of the transferred credits and the meter.
 * @cssproperty --cb-color-success - Grants, savings and the applied result.
 * @cssproperty --cb-color-warning - Missing graduation items.
 * @cssproperty --cb-color-danger - Errors.
 * @cssproperty --cb-color-bg - Card background.
 * @cssproperty --cb-color-bg-muted - Tiles and meter track.
 * @cssproperty --cb-color-border - Borders.
 * @cssproperty --cb-font-family - Font stack.
 * @cssproperty --cb-font-size - Base font size (14px).
 * @cssproperty --cb-radius - Corner radius.
 * @cssproperty --cb-spacing - Spacing unit.
 * @cssproperty --cb-density - Spacing multiplier (compact 0.75).
 */
export class CbTransferCalculator extends CbElement {
  static override styles = [CbElement.styles, cardStyles, tileStyles, styles];

  private readonly programs = this.track(
    new Task(this, {
      task: async ([api], { signal }) =>
        api ? (await api.request(getPrograms(), { signal })).items : [],
      args: () => [this.configIssues().length ? null : this.api] as const,
    }),
  );

  private readonly scenario = this.track(
    new Task(this, {
      task: async ([api, learner, program, asOf], { signal }): Promise<Loaded | null> => {
        if (!api || !learner || !program) return null;
        const exported = await api.request(getScenario(learner, { program, asOf }), { signal });
        const key = this.keyOf(learner, program, asOf);
        const checked = validateScenario(exported);
        if (!checked.ok) return { key, ok: false, issues: checked.errors };
        const { query } = checked.value;
        if (query.kind !== 'plan' || query.program !== program) {
          return {
            key,
            ok: false,
            issues: [{ path: 'query.program', message: `expected plan of program "${program}"` }],
          };
        }
        const index = indexOf(checked.value, program);
        if (!index) {
          return {
            key,
            ok: false,
            issues: [{ path: 'ruleset.programs', message: `program "${program}" is missing` }],
          };
        }
        return { key, ok: true, scenario: checked.value, index };
      },
      args: () =>
        [
          this.configIssues().length ? null : this.api,
          this.learner,
          this.currentProgram,
          this.asOf,
        ] as const,
    }),
  );

  /** the program chosen in the select; overrides `program` until `program` changes */
  @state() private chosen = '';

  @state() private whatIfs: readonly WhatIfOutcome[] = [];

  @state() private applyState: ApplyState = { status: 'idle' };

  /** text of the polite live region */
  @state() private announcement = '';

  /** Learner account id. */
  @property() learner = '';

  /** Target program id; when absent (or empty) the learner chooses one. */
  @property() program?: string;

  /** Evaluation date `YYYY-MM-DD` (default: the server's today). */
  @property({ attribute: 'as-of' }) asOf?: string;

  private whatIfCount = 0;
  private computation: Computation | null = null;
  private pendingEmit: TransferCalculatedDetail | null = null;
  private pendingAnnouncement: string | null = null;
  /** the idempotency key of an apply that failed without a definitive answer */
  private retryKey: { readonly target: string; readonly key: string } | null = null;
  private pickerTag: StaticValue | null = null;

  /** The plan last computed (with the what-ifs), or null. */
  get currentPlan(): PlanResult | null {
    const result = this.computation?.result;
    return result?.ok ? result.plan : null;
  }

  /**
   * The what-if outcomes in the plan. A host may set them (core outcomes, e.g. a certificate
   * chosen in its own form: `{ id, kind: 'certificate', status: 'verified', earnedOn, certificate:
   * { id, level } }`); they are checked with the learner's outcomes, and a bad one shows an
   * error naming its field.
   */
  get whatIf(): readonly WhatIfOutcome[] {
    return this.whatIfs;
  }
  set whatIf(value: readonly WhatIfOutcome[] | null | undefined) {
    this.whatIfs = Array.isArray(value) ? [...value] : [];
  }

  private get currentProgram(): string {
    return this.chosen || this.program || '';
  }

  /** Reloads the scenario (and the programs when they failed). */
  refresh(): void {
    if (this.programs.status === TaskStatus.ERROR) void this.programs.run();
    void this.scenario.run();
  }

  private keyOf(learner: string, program: string, asOf: string | undefined): string {
    return `${learner}|${program}|${asOf ?? ''}`;
  }

  protected override configIssues(): ConfigIssue[] {
    const issues = super.configIssues();
    if (!this.learner) issues.push({ name: 'learner', reason: 'is required' });
    issues.push(...dateIssue('as-of', this.asOf));
    return issues;
  }

  private m(key: keyof (typeof messages)['zh-CN'], params?: Record<string, string | number>) {
    return this.msg(messages, key, params);
  }

  private name(names: Record<string, Record<Locale, string>>, id: string): string {
    return names[id]?.[this.effectiveLocale] ?? id;
  }

  /** The English or the Chinese form of a separator. */
  private list(en: string, zh: string): string {
    return this.effectiveLocale === 'en' ? en : zh;
  }

  private paren(text: string): string {
    return this.list(` (${text})`, `（${text}）`);
  }

  private credits(value: number): string {
    return formatCredits(this.effectiveLocale, value);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.pickerTag ??= unsafeStatic(this.resolvePickerTag());
  }

  /**
   * The tag `<cb-certificate-picker>`'s class is registered under: the host's choice, else
   * `cb-certificate-picker`; when another copy holds that tag, one with this element's prefix
   * (`v2-transfer-calculator` → `v2-certificate-picker`), else a numbered one.
   */
  private resolvePickerTag(): string {
    const registry = globalThis.customElements;
    if (!registry) return PICKER_TAG;
    const own = () => registry.getName(CbCertificatePicker);
    const suffix = 'transfer-calculator';
    const prefix = this.localName.endsWith(suffix) ? this.localName.slice(0, -suffix.length) : '';
    const candidates = [PICKER_TAG, `${prefix || 'cb-'}certificate-picker`];
    for (let i = 0; !own() && i < 100; i++) {
      const tag = candidates[i] ?? `${prefix || 'cb-'}certificate-picker-${i}`;
      if (!registry.get(tag)) define(tag, CbCertificatePicker);
    }
    return own() ?? PICKER_TAG;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.hasUpdated && changed.has('program')) this.chosen = '';
    if (this.hasUpdated && changed.has('learner')) this.whatIfs = [];
    if (changed.has('program') || changed.has('learner') || changed.has('asOf')) {
      this.applyState = { status: 'idle' };
      this.retryKey = null;
    }
    const loaded = this.shownScenario();
    if (loaded?.ok) this.compute(loaded);
  }

  /** The scenario to show: the loaded one of the current learner and program, also while it reloads. */
  private shownScenario(): Loaded | null {
    const value = this.scenario.value;
    const status = this.scenario.status;
    if (!value || (status !== TaskStatus.COMPLETE && status !== TaskStatus.PENDING)) return null;
    return value.key === this.keyOf(this.learner, this.currentProgram, this.asOf) ? value : null;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const detail = this.pendingEmit;
    if (detail) {
      this.pendingEmit = null;
      this.emit<TransferCalculatedDetail>('cb-transfer-calculated', detail);
    }
  }

  /** The plan of the loaded scenario with the what-ifs; recomputed only when either changes. */
  private compute(loaded: Loaded & { ok: true }): Computed {
    const previous = this.computation;
    if (previous && previous.loaded === loaded && previous.whatIfs === this.whatIfs) {
      return previous.result;
    }
    const { scenario } = loaded;
    const whatIfs = this.whatIfs;
    const learner = {
      ...scenario.learner,
      outcomes: [...scenario.learner.outcomes, ...whatIfs],
    };
    let result: Computed;
    const checked = whatIfs.length
      ? validateLearner(learner, scenario.ruleset, {}, 'learner')
      : ({ ok: true } as const);
    if (!checked.ok) result = { ok: false, issues: checked.errors };
    else {
      try {
        const program = loaded.index.program.id;
        result = { ok: true, plan: plan(scenario.ruleset, learner, program, scenario.asOf) };
      } catch (error) {
        console.error('[creditbank] <cb-transfer-calculator> plan failed', error);
        result = { ok: false, error };
      }
    }
    this.computation = { loaded, whatIfs, result };
    if (result.ok) {
      this.pendingEmit = {
        learner: this.learner,
        program: loaded.index.program.id,
        plan: result.plan,
        whatIf: whatIfs,
      };
      if (this.pendingAnnouncement !== null) {
        const { transferredCredits, remainingCredits } = result.plan;
        // a Chinese sentence ends with its own 。: no space after it
        const gap = this.effectiveLocale === 'en' ? ' ' : '';
        this.announcement = `${this.pendingAnnouncement}${gap}${this.m('planNow', {
          transferred: this.credits(transferredCredits),
          remaining: this.credits(remainingCredits),
        })}`;
        this.pendingAnnouncement = null;
      }
    }
    return result;
  }

  // ---- what-ifs ----

  private readonly onProgramChange = (event: Event): void => {
    const value = (event.target as HTMLSelectElement).value;
    if (!value || value === this.currentProgram) return;
    this.chosen = value;
    this.applyState = { status: 'idle' };
    this.retryKey = null;
    this.announcement = '';
  };

  private addWhatIf(outcome: WhatIfOutcome, label: string): void {
    this.whatIfs = [...this.whatIfs, outcome];
    this.pendingAnnouncement = this.m('added', { label });
  }

  private nextWhatIfId(loaded: Loaded & { ok: true }): string {
    const taken = new Set([...loaded.scenario.learner.outcomes, ...this.whatIfs].map((o) => o.id));
    let id: string;
    do id = `what-if-${++this.whatIfCount}`;
    while (taken.has(id));
    return id;
  }

  private picker(): CbCertificatePicker | null {
    return this.renderRoot.querySelector<CbCertificatePicker>('[data-picker]');
  }

  private onAddCertificate(event: SubmitEvent, loaded: Loaded & { ok: true }): void {
    event.preventDefault();
    const picker = this.picker();
    const choice = picker?.selected[0];
    if (!picker || !choice?.level) {
      this.announcement = this.m('chooseCertificate');
      picker?.focus();
      return;
    }
    const outcome: CertificateOutcome = {
      id: this.nextWhatIfId(loaded),
      kind: 'certificate',
      status: 'verified',
      earnedOn: loaded.scenario.asOf,
      certificate: { id: choice.id, level: choice.level },
    };
    picker.selected = [];
    this.addWhatIf(outcome, this.outcomeLabel(outcome, loaded.index));
  }

  private onAddCourse(event: SubmitEvent, loaded: Loaded & { ok: true }): void {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const course = loaded.index.courses.get(String(data.get('course') ?? ''));
    const score = Number(data.get('score'));
    if (!course || !Number.isFinite(score)) return;
    const outcome: CourseOutcome = {
      id: this.nextWhatIfId(loaded),
      kind: 'course',
      status: 'verified',
      earnedOn: loaded.scenario.asOf,
      course: {
        institution: course.institution,
        code: course.code,
        credits: course.credits,
        score,
      },
    };
    this.addWhatIf(outcome, this.outcomeLabel(outcome, loaded.index));
  }

  private onAddNonformal(event: SubmitEvent, loaded: Loaded & { ok: true }): void {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const category = String(data.get('category') ?? '') as NonformalCategory;
    const hours = Number(data.get('hours'));
    if (!NONFORMAL_CATEGORIES.includes(category) || !Number.isFinite(hours)) return;
    const outcome: NonformalOutcome = {
      id: this.nextWhatIfId(loaded),
      kind: 'nonformal',
      status: 'verified',
      earnedOn: loaded.scenario.asOf,
      nonformal: { category, hours },
    };
    this.addWhatIf(outcome, this.outcomeLabel(outcome, loaded.index));
  }

  private async removeWhatIf(id: string, label: string): Promise<void> {
    const index = this.whatIfs.findIndex((o) => o.id === id);
    if (index < 0) return;
    this.whatIfs = this.whatIfs.filter((o) => o.id !== id);
    this.pendingAnnouncement = this.m('removed', { label });
    await this.updateComplete;
    const buttons = [...this.renderRoot.querySelectorAll<HTMLElement>('[data-remove]')];
    const next =
      buttons[index] ??
      buttons[index - 1] ??
      this.renderRoot.querySelector<HTMLElement>('#whatif-title');
    next?.focus();
  }

  // ---- apply ----

  /**
   * `as-of` after today (the browser's date): the plan can be previewed, but the bank applies
   * only on its own day (it refuses a future date).
   */
  private isFuture(): boolean {
    const now = new Date();
    const local = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    return !!this.asOf && this.asOf > local;
  }

  private async apply(loaded: Loaded & { ok: true }, newGrants: number): Promise<void> {
    const api = this.api;
    if (!api || !this.canWrite || this.applyState.status === 'applying') return;
    if (this.whatIfs.length || newGrants === 0 || this.isFuture()) return;
    const learner = this.learner;
    const program = loaded.index.program.id;
    const asOf = this.asOf;
    const target = this.keyOf(learner, program, asOf);
    const call =
      this.retryKey?.target === target
        ? postApply(learner, { program, asOf }, this.retryKey.key)
        : postApply(learner, { program, asOf });
    const key = call.headers?.['idempotency-key'] ?? '';
    this.applyState = { status: 'applying' };
    this.announcement = this.m('applying');
    try {
      const result = await api.request(call);
      this.retryKey = null;
      this.applyState = { status: 'done', result };
      const credits = result.ledger.reduce((sum, entry) => sum + entry.credits, 0);
      this.announcement = this.m('resultText', {
        credits: this.credits(credits),
        entries: result.ledger.length,
        remaining: this.credits(result.plan.remainingCredits),
      });
      this.emit<TransferResult>('cb-transfer-applied', result);
      this.emit('cb-ledger-changed', { learner });
      void this.scenario.run();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part="result"]')?.focus();
    } catch (error) {
      const code = isCreditBankError(error) ? error.code : '';
      const status = isCreditBankError(error) ? error.status : undefined;
      const conflict = code === 'conflict' || code === 'outcome_consumed' || status === 409;
      // without a definitive answer the server may have applied it: retry with the same key
      const definitive = status !== undefined && status < 500;
      this.retryKey = definitive ? null : { target, key };
      this.applyState = { status: 'error', error, conflict };
      this.announcement = '';
      if (conflict) void this.scenario.run();
    }
  }

  // ---- rendering ----

  protected override widgetTitle(): string {
    return this.m('title');
  }

  protected override renderView(): unknown {
    const api = this.api;
    if (!api) return this.renderNoClient();
    const locale = this.effectiveLocale;
    const shown = this.shownScenario();
    const body = this.scenario.render({
      initial: () => (this.currentProgram ? this.renderLoading(6) : this.renderChoose()),
      // a reload of the same scenario keeps the content (and the focus in it) while it runs
      pending: () => (shown ? this.renderScenario(shown, true) : this.renderLoading(6)),
      error: (error) => this.renderError(error, () => this.refresh()),
      complete: (loaded) => (loaded ? this.renderScenario(loaded, false) : this.renderChoose()),
    });
    const asOf = shown?.ok ? shown.scenario.asOf : this.asOf;
    return html`<section class="card" part="base" aria-labelledby="title" lang=${locale}>
      <header>
        <h2 id="title">${this.m('title')}</h2>
        ${
          asOf
            ? html`<span class="muted">${this.m('asOf', { date: formatDate(locale, asOf) })}</span>`
            : nothing
        }
      </header>
      ${this.renderProgramChooser()} ${body}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </section>`;
  }

  private renderChoose(): TemplateResult {
    return this.renderEmpty(this.m('chooseProgram'));
  }

  private renderProgramChooser(): TemplateResult {
    const current = this.currentProgram;
    const options = this.programs.value ?? [];
    const failed = this.programs.status === TaskStatus.ERROR;
    const ready = this.programs.status === TaskStatus.COMPLETE;
    const listed = options.some((p) => p.id === current);
    // unlisted (the list failed, or the program is not in it): the scenario's name for it
    const loaded = this.scenario.value;
    const currentName =
      loaded?.ok && loaded.index.program.id === current ? loaded.index.program.name : current;
    return html`<div class="program" part="program">
      <label for="program">${this.m('program')}</label>
      <select
        id="program"
        .value=${current}
        ?disabled=${!ready && !failed && !current}
        aria-busy=${ready || failed ? 'false' : 'true'}
        @change=${this.onProgramChange}
      >
        ${
          current && !listed
            ? html`<option value=${current} ?selected=${true}>${currentName}</option>`
            : nothing
        }
        ${
          current
            ? nothing
            : html`<option value="" ?selected=${true} disabled>
                ${this.m('programPlaceholder')}
              </option>`
        }
        ${options.map(
          (p) => html`<option value=${p.id} ?selected=${p.id === current}>${p.name}</option>`,
        )}
      </select>
      ${
        // when the plan failed too, its error's Retry reloads both: one error, one Retry
        failed && this.scenario.status !== TaskStatus.ERROR
          ? html`<span class="muted" role="alert">${this.m('programsError')}</span>
              <button class="btn small" type="button" @click=${() => void this.programs.run()}>
                ${this.t('retry')}
              </button>`
          : nothing
      }
    </div>`;
  }

  /** `课程置换（规则 R-…）`, the rule id in one piece: a narrow column never breaks it. */
  private viaKind(kind: string, rule: string): TemplateResult {
    const id = html`<span class="rule-id">${rule}</span>`;
    return this.effectiveLocale === 'en' ? html`${kind} (rule ${id})` : html`${kind}（规则 ${id}）`;
  }

  /** `依据规则 R-…` / `by rule R-…`, the id in one piece. */
  private viaRule(rule: string): TemplateResult {
    return html`${this.m('via')} <span class="rule-id">${rule}</span>`;
  }

  private renderScenario(loaded: Loaded, busy: boolean): TemplateResult {
    if (!loaded.ok) return this.renderInvalidData(this.m('invalidTitle'), loaded.issues, true);
    const computed = this.compute(loaded);
    return html`<div class="layout" aria-busy=${busy ? 'true' : 'false'}>
      <div class="column">
        ${this.renderOutcomes(loaded, computed)} ${this.renderWhatIfs(loaded)}
      </div>
      <div class="column">
        ${
          computed.ok
            ? this.renderPlan(loaded, computed.plan)
            : 'issues' in computed
              ? this.renderInvalidData(this.m('invalidWhatIf'), computed.issues, false)
              : html`<div class="problem" part="error" role="alert">
                  <p class="title">${this.m('planFailed')}</p>
                  <p>${computed.error instanceof Error ? computed.error.message : ''}</p>
                </div>`
        }
      </div>
    </div>`;
  }

  private renderInvalidData(
    title: string,
    issues: readonly ValidationIssue[],
    retry: boolean,
  ): TemplateResult {
    return html`<div class="problem" part="invalid" role="alert">
      <p class="title">${title}</p>
      <ul>
        ${issues.map(
          (issue) =>
            html`<li data-path=${issue.path}>
              ${issue.path ? html`<code>${issue.path}</code>: ` : nothing}${issue.message}
            </li>`,
        )}
      </ul>
      ${
        retry
          ? html`<button class="btn" type="button" part="retry" @click=${() => this.refresh()}>
              ${this.t('retry')}
            </button>`
          : nothing
      }
    </div>`;
  }

  private outcomeLabel(outcome: Outcome, index: Index): string {
    switch (outcome.kind) {
      case 'certificate': {
        const { certificate } = outcome as CertificateOutcome;
        const known = index.certificates.get(certificate.id);
        const level = levelName(certificate.level, this.effectiveLocale, known?.levelNames);
        return this.m('levelText', { name: known?.name ?? certificate.id, level });
      }
      case 'course': {
        const { course } = outcome as CourseOutcome;
        const title = index.courses.get(course.code)?.title ?? course.code;
        const school = index.institutions.get(course.institution) ?? course.institution;
        const named = `${title}${this.paren(school)}`;
        return course.score === undefined
          ? named
          : joinDot(
              named,
              this.m('scoreText', { score: formatNumber(this.effectiveLocale, course.score) }),
            );
      }
      case 'nonformal': {
        const { nonformal } = outcome as NonformalOutcome;
        const hours = formatNumber(this.effectiveLocale, nonformal.hours);
        return `${this.name(nonformalNames, nonformal.category)} · ${this.m('hoursUnit', { hours })}`;
      }
      default:
        return `${outcome.kind} ${outcome.id}`;
    }
  }

  private renderOutcomes(loaded: Loaded & { ok: true }, computed: Computed): TemplateResult {
    const { outcomes } = loaded.scenario.learner;
    const rejected = new Map(
      computed.ok ? computed.plan.rejected.map((r) => [r.outcome, r.reason] as const) : [],
    );
    return html`<div part="outcomes" class="outcomes">
      <h3>${this.m('outcomes')}</h3>
      ${
        outcomes.length === 0
          ? this.renderEmpty(this.m('noOutcomes'))
          : html`<ul>
              ${outcomes.map((o) => {
                const reason = rejected.get(o.id);
                return html`<li data-outcome=${o.id}>
                  <span class="label">${this.outcomeLabel(o, loaded.index)}</span>
                  <span class="badges">
                    <span class="badge ${reason ? 'warning' : 'success'}"
                      >${this.name(statusNames, reason ?? o.status)}</span
                    >
                  </span>
                </li>`;
              })}
            </ul>`
      }
    </div>`;
  }

  private renderWhatIfs(loaded: Loaded & { ok: true }): TemplateResult {
    const { index } = loaded;
    return html`<div part="what-ifs" class="whatifs">
      <h3 id="whatif-title" tabindex="-1">${this.m('whatIfs')}</h3>
      <p class="muted note">${this.m('whatIfNote')}</p>
      ${
        this.whatIfs.length
          ? html`<ul aria-labelledby="whatif-title">
              ${this.whatIfs.map((o) => {
                const label = this.outcomeLabel(o, index);
                return html`<li data-what-if=${o.id}>
                  <span class="label"
                    >${label} <span class="badge neutral">${this.m('whatIfBadge')}</span></span
                  >
                  <button
                    class="btn small"
                    type="button"
                    data-remove=${o.id}
                    aria-label=${this.m('remove', { label })}
                    @click=${() => void this.removeWhatIf(o.id, label)}
                  >
                    ×
                  </button>
                </li>`;
              })}
            </ul>`
          : nothing
      }
      <div class="forms">
        ${this.renderCertificateForm(loaded)} ${this.renderCourseForm(loaded)}
        ${this.renderNonformalForm(loaded)}
      </div>
    </div>`;
  }

  private renderCertificateForm(loaded: Loaded & { ok: true }): TemplateResult {
    const tag = this.pickerTag ?? unsafeStatic(PICKER_TAG);
    // the picker's own input/change events are composed: keep them inside this widget
    const stop = (event: Event) => event.stopPropagation();
    const picker = staticHtml`<${tag}
      data-picker
      id="wi-certificate"
      name="certificate"
      with-level
      required
      hide-filters
      label=${this.m('certificate')}
      .client=${this.api ?? undefined}
      locale=${this.effectiveLocale}
      theme=${this.effectiveTheme}
      @input=${stop}
      @change=${stop}
      @cb-certificates-changed=${stop}
    ></${tag}>`;
    return this.whatIfForm(
      'certificate',
      'addCertificate',
      (e) => this.onAddCertificate(e, loaded),
      picker,
    );
  }

  private renderCourseForm(loaded: Loaded & { ok: true }): TemplateResult {
    const { external, programCourses, institutions } = loaded.index;
    const option = (c: Course) =>
      html`<option value=${c.code}>
        ${c.title}${this.paren(
          [
            institutions.get(c.institution) ?? c.institution,
            c.code,
            `${this.credits(c.credits)} ${this.m('credits')}`,
          ].join(this.list(', ', '，')),
        )}
      </option>`;
    return this.whatIfForm(
      'course',
      'addCourse',
      (e) => this.onAddCourse(e, loaded),
      html`<label for="wi-course">${this.m('course')}</label>
        <select id="wi-course" name="course" required>
          ${
            external.length
              ? html`<optgroup label=${this.m('externalCourses')}>
                  ${external.map(option)}
                </optgroup>`
              : nothing
          }
          <optgroup label=${this.m('programCourses')}>${programCourses.map(option)}</optgroup>
        </select>`,
      ['score', '0', '100'],
    );
  }

  private renderNonformalForm(loaded: Loaded & { ok: true }): TemplateResult {
    return this.whatIfForm(
      'nonformal',
      'addNonformal',
      (e) => this.onAddNonformal(e, loaded),
      html`<label for="wi-category">${this.m('category')}</label>
        <select id="wi-category" name="category" required>
          ${NONFORMAL_CATEGORIES.map(
            (c) => html`<option value=${c}>${this.name(nonformalNames, c)}</option>`,
          )}
        </select>`,
      ['hours', '0.5', '100000'],
    );
  }

  /**
   * One what-if form: its main control (labelled inside `main`), a required number field
   * `[name, min, max]` (its label is the message `name`) when it has one, and the add button.
   */
  private whatIfForm(
    kind: 'certificate' | 'course' | 'nonformal',
    legend: 'addCertificate' | 'addCourse' | 'addNonformal',
    onSubmit: (event: SubmitEvent) => void,
    main: unknown,
    [name, min, max]: ['score' | 'hours', string, string] | [] = [],
  ): TemplateResult {
    return html`<form data-form=${kind} @submit=${onSubmit}>
      <fieldset>
        <legend>${this.m(legend)}</legend>
        <div class="row">
          <div class="field wide">${main}</div>
          ${
            name
              ? html`<div class="field">
                  <label for="wi-${name}">${this.m(name)}</label>
                  <input
                    id="wi-${name}"
                    name=${name}
                    type="number"
                    inputmode="decimal"
                    min=${min ?? ''}
                    max=${max ?? ''}
                    step="any"
                    required
                  />
                </div>`
              : nothing
          }
          <button class="btn" type="submit">${this.m('add')}</button>
        </div>
      </fieldset>
    </form>`;
  }

  private courseTitle(code: string, index: Index): string {
    return index.courses.get(code)?.title ?? code;
  }

  private renderPlan(loaded: Loaded & { ok: true }, result: PlanResult): TemplateResult {
    const { index } = loaded;
    const newGrants = result.grants.filter((g) => !g.applied).length;
    return html`<div part="plan" class="column">
      ${this.renderSummary(result, index.program)} ${this.renderGrants(loaded, result.grants)}
      ${this.renderGraduation(result.graduation.missing, index)} ${this.renderSavings(result)}
      ${this.renderExplanation(result)} ${this.renderApply(loaded, newGrants)}
    </div>`;
  }

  private renderSummary(result: PlanResult, program: Program): TemplateResult {
    const locale = this.effectiveLocale;
    const cap = result.transferCap;
    const share = cap ? Math.min(1, result.transferredCredits / cap) : 0;
    const tile = (cls: string, label: string, value: number) =>
      html`<div class=${cls}>
        <dt>${label}</dt>
        <dd class="num">${formatCredits(locale, value)}</dd>
      </div>`;
    return html`<div>
        <h3>${this.m('plan')} · ${program.name}</h3>
        <dl
          class="stats"
          part="summary"
          data-earned=${result.earnedCredits}
          data-transferred=${result.transferredCredits}
          data-total=${result.totalCredits}
          data-remaining=${result.remainingCredits}
          data-required=${program.totalCredits}
          data-cap=${cap ?? ''}
        >
          ${tile('earned', this.m('earned'), result.earnedCredits)}
          ${tile('transferred', this.m('transferred'), result.transferredCredits)}
          ${tile('total', this.m('total'), result.totalCredits)}
          ${tile('remaining', this.m('remaining'), result.remainingCredits)}
          ${tile('required', this.m('required'), program.totalCredits)}
        </dl>
      </div>
      <div class="cap" part="cap" data-cap=${cap ?? ''} data-used=${result.transferredCredits}>
        ${
          cap === null
            ? html`<span class="muted">${this.m('noCap')}</span>`
            : html`<div class="row">
                  <span id="cap-label">${this.m('cap')}</span>
                  <span class="muted num"
                    >${this.m('capValue', {
                      used: formatCredits(locale, result.transferredCredits),
                      cap: formatCredits(locale, cap),
                    })}</span
                  >
                </div>
                <div
                  class="meter"
                  role="meter"
                  aria-labelledby="cap-label"
                  aria-valuemin="0"
                  aria-valuemax=${cap}
                  aria-valuenow=${Math.min(result.transferredCredits, cap)}
                  aria-valuetext=${this.m('capValue', {
                    used: formatCredits(locale, result.transferredCredits),
                    cap: formatCredits(locale, cap),
                  })}
                >
                  <span style="width:${(share * 100).toFixed(1)}%"></span>
                </div>`
        }
      </div>`;
  }

  private renderGrants(loaded: Loaded & { ok: true }, grants: readonly Grant[]): TemplateResult {
    const { index, scenario } = loaded;
    const outcomes = new Map<string, Outcome>(
      [...scenario.learner.outcomes, ...this.whatIfs].map((o) => [o.id, o]),
    );
    const whatIfIds = new Set(this.whatIfs.map((o) => o.id));
    const separator = this.list(', ', '、');
    return html`<div part="grants" class="grants">
      <h3>${this.m('grants')}</h3>
      ${
        grants.length === 0
          ? html`<p class="muted note">${this.m('noGrants')}</p>`
          : html`<ul>
              ${grants.map((g) => {
                const sources = g.outcomes
                  .map((id) => {
                    const o = outcomes.get(id);
                    return o ? this.outcomeLabel(o, index) : id;
                  })
                  .join(separator);
                const courses = g.courses.length
                  ? g.courses.map((c) => this.courseTitle(c, index)).join(separator)
                  : this.m('elective');
                const whatIf = g.outcomes.some((id) => whatIfIds.has(id));
                return html`<li
                  data-rule=${g.rule}
                  data-credits=${g.credits}
                  data-courses=${g.courses.join(' ')}
                  data-outcomes=${g.outcomes.join(' ')}
                  data-applied=${String(g.applied)}
                >
                  <div class="head">
                    <strong>${courses}</strong>
                    <span class="credits num"
                      >+${this.credits(g.credits)} ${this.m('credits')}</span
                    >
                  </div>
                  <span class="muted"
                    >← ${sources} · ${this.viaKind(this.name(kindNames, g.kind), g.rule)}</span
                  >
                  <span class="badges">
                    <span class="badge ${g.applied ? 'success' : 'neutral'}"
                      >${g.applied ? this.m('applied') : this.m('new')}</span
                    >
                    ${
                      whatIf
                        ? html`<span class="badge warning">${this.m('whatIfBadge')}</span>`
                        : nothing
                    }
                  </span>
                </li>`;
              })}
            </ul>`
      }
    </div>`;
  }

  private renderGraduation(missing: readonly MissingItem[], index: Index): TemplateResult {
    const separator = this.list(', ', '、');
    const item = (m: MissingItem) => {
      switch (m.reason) {
        case 'credits':
          return this.m('missingCredits', { credits: this.credits(m.credits) });
        case 'course':
          return this.m('missingCourse', {
            course: `${this.courseTitle(m.course, index)}${this.paren(m.course)}`,
          });
        case 'certificates': {
          const options = (index.program.certificateOptions ?? [])
            .map((id) => index.certificates.get(id)?.name ?? id)
            .join(separator);
          const needed = this.m('missingCertificates', { needed: m.needed });
          return options
            ? `${needed}${this.list('; ', '；')}${this.m('certificateOptions', { list: options })}`
            : needed;
        }
      }
    };
    return html`<div part="graduation" data-eligible=${String(missing.length === 0)}>
      <h3>${this.m('graduation')}</h3>
      <ul class="checklist">
        ${
          missing.length === 0
            ? html`<li><span class="ok" aria-hidden="true">✓</span>${this.m('eligible')}</li>`
            : missing.map(
                (m) =>
                  html`<li data-missing=${m.reason}>
                    <span class="missing" aria-hidden="true">○</span>${item(m)}
                  </li>`,
              )
        }
      </ul>
    </div>`;
  }

  private renderSavings(result: PlanResult): TemplateResult {
    const { savings } = result;
    return html`<div
      part="savings"
      class="savings"
      data-amount=${savings.amount}
      data-credits=${savings.credits}
      data-exams=${savings.exams}
      data-currency=${savings.currency}
    >
      <h3>${this.m('savings')}</h3>
      <span class="amount num"
        >${formatMoney(this.effectiveLocale, savings.amount, savings.currency)}</span
      >
      <span class="muted"
        >${this.m('savingsText', {
          credits: this.credits(savings.credits),
          exams: formatNumber(this.effectiveLocale, savings.exams),
        })}</span
      >
    </div>`;
  }

  private renderExplanation({ explanation: steps, grants }: PlanResult): TemplateResult {
    const locale = this.effectiveLocale;
    // a rule whose outcome its own applied grant consumed is not a credit lost: the grant is
    // listed among the granted steps ("applied")
    const appliedUse = new Set(
      grants.filter((g) => g.applied).flatMap((g) => g.outcomes.map((o) => `${g.rule} ${o}`)),
    );
    const groups: Record<'not' | 'covered' | 'granted' | 'graduation', ExplanationStep[]> = {
      not: [],
      covered: [],
      granted: [],
      graduation: [],
    };
    for (const s of steps) {
      if (s.code === 'rule-outcome-consumed' && appliedUse.has(`${s.rule} ${s.outcome}`)) continue;
      if (s.code.startsWith('graduation-')) groups.graduation.push(s);
      else if (['granted', 'applied', 'elective-cut', 'certificate-earned'].includes(s.code)) {
        groups.granted.push(s);
      } else if (['rule-course-earned', 'rule-outcome-consumed'].includes(s.code)) {
        // the course is held already, or the outcome already went to an applied transfer: no
        // credit is lost there
        groups.covered.push(s);
      } else groups.not.push(s);
    }
    const list = (title: string, group: ExplanationStep[], name: string) =>
      group.length
        ? html`<h4>${title}</h4>
            <ul class="steps" data-group=${name}>
              ${group.map(
                (s) =>
                  html`<li data-code=${s.code} data-rule=${s.rule ?? ''}>
                    ${s.message[locale] ?? s.message.en}
                  </li>`,
              )}
            </ul>`
        : nothing;
    return html`<details part="explanation">
      <summary>
        ${this.m('why')}
        <span class="muted">${this.m('whyCount', { count: groups.not.length })}</span>
      </summary>
      ${list(this.m('notGranted'), groups.not, 'not-granted')}
      ${list(this.m('grantedSteps'), groups.granted, 'granted')}
      ${list(this.m('coveredSteps'), groups.covered, 'covered')}
      ${list(this.m('graduationSteps'), groups.graduation, 'graduation')}
    </details>`;
  }

  private renderApply(
    loaded: Loaded & { ok: true },
    newGrants: number,
  ): TemplateResult | typeof nothing {
    if (!this.canWrite) return nothing;
    const state = this.applyState;
    const applying = state.status === 'applying';
    const future = this.isFuture();
    const blocked = this.whatIfs.length > 0 || newGrants === 0 || future;
    const note = future
      ? this.m('applyFuture')
      : this.whatIfs.length > 0
        ? this.m('applyWhatIfs')
        : newGrants === 0
          ? this.m('applyNothing')
          : '';
    return html`<div part="apply" class="apply" aria-busy=${applying ? 'true' : 'false'}>
      <button
        class="btn primary"
        type="button"
        part="apply-button"
        aria-disabled=${blocked || applying ? 'true' : 'false'}
        aria-busy=${applying ? 'true' : 'false'}
        aria-describedby=${note ? 'apply-note' : nothing}
        @click=${() => void this.apply(loaded, newGrants)}
      >
        ${
          applying
            ? this.m('applying')
            : // after a failure without a definitive answer the same button retries, same key
              state.status === 'error' && !state.conflict
              ? this.m('applyRetry')
              : this.m('apply')
        }
      </button>
      ${note ? html`<p id="apply-note" class="muted note">${note}</p>` : nothing}
      ${state.status === 'error' ? this.renderApplyError(state) : nothing}
      ${state.status === 'done' ? this.renderResult(state.result, loaded.index) : nothing}
    </div>`;
  }

  private renderApplyError(state: ApplyState & { status: 'error' }): TemplateResult {
    return html`<div class="problem" part="apply-error" role="alert">
      <p class="title">${this.m('applyFailed')}</p>
      <p>${state.conflict ? this.m('conflict') : this.errorText(state.error)}</p>
    </div>`;
  }

  private renderResult(result: TransferResult, index: Index): TemplateResult {
    const locale = this.effectiveLocale;
    const credits = result.ledger.reduce((sum, entry) => sum + entry.credits, 0);
    const separator = this.list(', ', '、');
    const { plan: server } = result;
    const entry = (e: LedgerEntry) =>
      html`<li data-entry=${e.id} data-rule=${e.rule} data-credits=${e.credits}>
        <span
          >${
            e.courses.length
              ? e.courses.map((c) => this.courseTitle(c, index)).join(separator)
              : this.m('elective')
          } <span class="muted">${this.viaRule(e.rule)}</span></span
        >
        <span class="num">+${formatCredits(locale, e.credits)}</span>
      </li>`;
    return html`<section
      class="result"
      part="result"
      tabindex="-1"
      aria-labelledby="result-title"
      data-transfer=${result.transfer.id}
      data-credits=${credits}
      data-entries=${result.ledger.length}
      data-transferred=${server.transferredCredits}
      data-remaining=${server.remainingCredits}
      data-earned=${server.earnedCredits}
    >
      <h3 id="result-title">${this.m('resultTitle')}</h3>
      <p>
        ${this.m('resultText', {
          credits: formatCredits(locale, credits),
          entries: result.ledger.length,
          remaining: formatCredits(locale, server.remainingCredits),
        })}
      </p>
      <h4>${this.m('ledgerEntries')}</h4>
      ${
        result.ledger.length
          ? html`<ul>
              ${result.ledger.map(entry)}
            </ul>`
          : html`<p class="muted">${this.m('noLedger')}</p>`
      }
    </section>`;
  }
}
