import { getBalance, getLedger } from '@creditbank/client/endpoints';
import type { BalanceResult, LedgerEntry } from '@creditbank/core/api';
import { Task } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { cardStyles, tileStyles } from '../shared/blocks.styles.js';
import { CbElement, dateIssue, type ConfigIssue } from '../shared/base.js';
import { formatCredits, formatDate, formatNumber } from '../shared/format.js';
import { kindNames, nameOf } from '../shared/names.js';
import { messages, tierNames } from './credit-balance.messages.js';
import { styles } from './credit-balance.styles.js';

const VARIANTS = ['compact', 'full'] as const;

/** Detail of `cb-ledger-changed`: the learner whose ledger moved (all learners when absent). */
export interface LedgerChangedDetail {
  readonly learner?: string;
}

interface BalanceData {
  readonly balance: BalanceResult;
  readonly ledger: readonly LedgerEntry[];
}

/**
 * A learner's credit bank account (积累): banked credits by kind and in total, lifelong
 * learning points with tier and progress to the next tier, usable and rejected outcomes, and
 * the latest ledger entries.
 *
 * It reloads when a `cb-ledger-changed` event (detail `{ learner }`) reaches it or the window,
 * as `<cb-transfer-calculator>` dispatches after an apply.
 *
 * @summary Banked credits, lifelong points and latest ledger entries of one learner.
 * @csspart base - The card.
 * @csspart total - The banked-credits total.
 * @csspart kinds - Credits by kind.
 * @csspart points - Points, tier and the progress meter.
 * @csspart ledger - The latest ledger entries.
 * @csspart loading - The skeleton while loading.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart retry - The retry button of the error state.
 * @cssproperty --cb-color-primary - Accent of the totals and the meter.
 * @cssproperty --cb-color-bg - Card background.
 * @cssproperty --cb-color-bg-muted - Tiles and meter track.
 * @cssproperty --cb-color-border - Card border.
 * @cssproperty --cb-font-family - Font stack.
 * @cssproperty --cb-font-size - Base font size (14px).
 * @cssproperty --cb-radius - Corner radius.
 * @cssproperty --cb-spacing - Spacing unit.
 * @cssproperty --cb-density - Spacing multiplier (compact 0.75).
 */
export class CbCreditBalance extends CbElement {
  static override styles = [CbElement.styles, cardStyles, tileStyles, styles];

  private readonly data = this.track(
    new Task(this, {
      task: async ([api, learner, asOf, limit], { signal }): Promise<BalanceData | null> => {
        if (!api || !learner) return null;
        const [balance, ledger] = await Promise.all([
          api.request(getBalance(learner, { asOf }), { signal }),
          limit > 0
            ? api.request(getLedger(learner, { limit }), { signal })
            : Promise.resolve({ items: [] as LedgerEntry[] }),
        ]);
        return { balance, ledger: ledger.items };
      },
      // primitives and the (cached) client only: the task reruns when one of them changes
      args: () => {
        const valid = this.configIssues().length === 0;
        const limit =
          this.variant === 'compact' ? 0 : Math.max(0, Math.min(50, Math.floor(this.ledgerLimit)));
        return [valid ? this.api : null, valid ? this.learner : '', this.asOf, limit] as const;
      },
    }),
  );

  /** Learner account id. */
  @property() learner = '';

  /** `full` (default) or `compact` (one line: credits and points). */
  @property({ reflect: true }) variant: string = 'full';

  /** Evaluation date `YYYY-MM-DD` (default: the server's today). */
  @property({ attribute: 'as-of' }) asOf?: string;

  /** How many latest ledger entries the full variant lists (default 5, 0 hides them). */
  @property({ type: Number, attribute: 'ledger-limit' }) ledgerLimit = 5;

  private readonly onLedgerChanged = (event: Event) => {
    const detail = (event as CustomEvent<LedgerChangedDetail | undefined>).detail;
    if (!detail?.learner || detail.learner === this.learner) this.refresh();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('cb-ledger-changed', this.onLedgerChanged);
    globalThis.addEventListener?.('cb-ledger-changed', this.onLedgerChanged);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('cb-ledger-changed', this.onLedgerChanged);
    globalThis.removeEventListener?.('cb-ledger-changed', this.onLedgerChanged);
  }

  /** Reloads the balance and the ledger. */
  refresh(): void {
    void this.data.run();
  }

  protected override configIssues(): ConfigIssue[] {
    const issues = super.configIssues();
    if (!this.learner) issues.push({ name: 'learner', reason: 'is required' });
    if (!VARIANTS.includes(this.variant as (typeof VARIANTS)[number])) {
      issues.push({ name: 'variant', reason: `"${this.variant}" is not compact or full` });
    }
    issues.push(...dateIssue('as-of', this.asOf));
    if (!Number.isInteger(this.ledgerLimit) || this.ledgerLimit < 0) {
      const given = this.getAttribute('ledger-limit') ?? String(this.ledgerLimit);
      issues.push({ name: 'ledger-limit', reason: `"${given}" is not a whole number >= 0` });
    }
    return issues;
  }

  private m(key: keyof (typeof messages)['zh-CN'], params?: Record<string, string | number>) {
    return this.msg(messages, key, params);
  }

  private tierName(name: string): string {
    return tierNames[name]?.[this.effectiveLocale] ?? name;
  }

  protected override widgetTitle(): string {
    return this.m('title');
  }

  protected override renderView(): unknown {
    if (!this.api) return this.renderNoClient();
    return this.data.render({
      initial: () => this.renderLoading(this.variant === 'compact' ? 1 : 4),
      pending: () => this.renderLoading(this.variant === 'compact' ? 1 : 4),
      error: (error) => this.renderError(error, () => this.refresh()),
      complete: (data) => (data ? this.renderBalance(data) : nothing),
    });
  }

  private renderBalance({ balance, ledger }: BalanceData): TemplateResult {
    const locale = this.effectiveLocale;
    const { credits, points } = balance;
    if (this.variant === 'compact') {
      return html`<div class="compact" part="base" lang=${locale}>
        <span part="total"
          ><span class="value num">${formatCredits(locale, credits.total)}</span>
          ${this.m('credits')}</span
        >
        <span class="muted" part="points"
          >${this.m('points')} <span class="num">${formatNumber(locale, points.total)}</span>${
            points.tier ? html` · ${this.tierName(points.tier)}` : nothing
          }</span
        >
      </div>`;
    }
    const empty =
      balance.usableOutcomes === 0 && balance.rejected.length === 0 && ledger.length === 0;
    const target = points.toNextTier === null ? points.total : points.total + points.toNextTier;
    const share = target > 0 ? Math.min(1, points.total / target) : 1;
    const reasons = new Map<string, number>();
    for (const r of balance.rejected) reasons.set(r.reason, (reasons.get(r.reason) ?? 0) + 1);
    return html`<section class="card" part="base" aria-labelledby="title" lang=${locale}>
      <header>
        <h2 id="title">${this.m('title')}</h2>
        <span class="muted">${this.m('asOf', { date: formatDate(locale, balance.asOf) })}</span>
      </header>
      <div class="total" part="total">
        <span class="muted">${this.m('total')}</span>
        <span class="value num" data-value=${credits.total}
          >${formatCredits(locale, credits.total)}</span
        >
        <span>${this.m('credits')}</span>
      </div>
      <dl class="stats" part="kinds">
        <div>
          <dt>${this.m('course')}</dt>
          <dd class="num">${formatCredits(locale, credits.course)}</dd>
        </div>
        <div>
          <dt>${this.m('certificate')}</dt>
          <dd class="num">${formatCredits(locale, credits.certificate)}</dd>
        </div>
        <div>
          <dt>${this.m('nonformal')}</dt>
          <dd class="num">${formatCredits(locale, credits.nonformal)}</dd>
        </div>
      </dl>
      <div class="points" part="points">
        <div class="row">
          <span
            >${this.m('points')}
            <strong class="num">${formatNumber(locale, points.total)}</strong></span
          >
          <span class="badge ${points.tier ? 'success' : 'neutral'}">
            ${points.tier ? this.tierName(points.tier) : this.m('noTier')}
          </span>
        </div>
        <div
          class="meter"
          role="meter"
          aria-valuemin="0"
          aria-valuemax=${target}
          aria-valuenow=${points.total}
          aria-label=${this.m('progress', { points: points.total, target })}
        >
          <span style="width:${(share * 100).toFixed(1)}%"></span>
        </div>
        <span class="muted">
          ${
            points.nextTier && points.toNextTier !== null
              ? this.m('toNext', {
                  tier: this.tierName(points.nextTier),
                  points: formatNumber(locale, points.toNextTier),
                })
              : this.m('topTier')
          }
        </span>
      </div>
      <div class="outcomes">
        <span class="badge success">${this.m('usable', { count: balance.usableOutcomes })}</span>
        ${
          balance.rejected.length
            ? html`<span class="badge warning">
                ${this.m('rejected')}${[...reasons]
                  .map(([reason, n]) =>
                    this.m('reasonCount', { reason: this.m(reason as 'expired'), count: n }),
                  )
                  .join(locale === 'en' ? ', ' : '，')}
              </span>`
            : nothing
        }
      </div>
      ${
        this.ledgerLimit > 0
          ? html`<div part="ledger">
              <h3>${this.m('ledger')}</h3>
              ${
                ledger.length === 0 && !empty
                  ? html`<p class="muted">${this.m('noLedger')}</p>`
                  : empty
                    ? this.renderEmpty(this.m('noLedger'))
                    : html`<ol>
                        ${ledger.map(
                          (entry) =>
                            html`<li data-entry=${entry.id}>
                              <span>
                                ${entry.type === 'grant' ? this.m('grant') : this.m('reversal')} ·
                                ${
                                  entry.courses.length
                                    ? (entry.courseTitles ?? entry.courses).join(
                                        locale === 'en' ? ', ' : '、',
                                      )
                                    : this.m('electives')
                                }
                                <span class="muted rule" title=${entry.rule}
                                  >${
                                    entry.ruleKind
                                      ? nameOf(kindNames, entry.ruleKind, locale)
                                      : entry.rule
                                  }</span
                                >
                              </span>
                              <span class="amount">
                                <span class="num ${entry.credits >= 0 ? 'plus' : 'minus'}">
                                  ${entry.credits >= 0 ? '+' : '−'}${formatCredits(locale, Math.abs(entry.credits))}
                                </span>
                                <span class="muted">${formatDate(locale, entry.at)}</span>
                              </span>
                            </li>`,
                        )}
                      </ol>`
              }
            </div>`
          : nothing
      }
    </section>`;
  }
}
