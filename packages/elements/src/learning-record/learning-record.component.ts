import { getOutcomes } from '@creditbank/client/endpoints';
import { certify, type Outcome } from '@creditbank/core';
import type { ArchiveEntry, ArchiveList, Evidence } from '@creditbank/core/api';
import { Task } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { cardStyles, statusBadgeStyles } from '../shared/blocks.styles.js';
import { CbElement, dateIssue, type ConfigIssue } from '../shared/base.js';
import { formatCredits, formatDate, formatNumber } from '../shared/format.js';
import { levelName, nameOf, nonformalNames } from '../shared/names.js';
import { messages } from './learning-record.messages.js';
import { styles } from './learning-record.styles.js';

/**
 * The status an entry is badged with on the `as-of` date: 已认证 verified, 待核验 pending,
 * 已撤销 revoked, 已过期 expired (verified but past `expiresOn`), 未生效 future (earned after
 * the date). Decided by the core's `certify`.
 */
export type RecordStatus = 'verified' | 'pending' | 'revoked' | 'expired' | 'future';

/** Kinds of outcome the filter knows: 课程, 证书, 非学历学习. */
export type RecordKind = 'course' | 'certificate' | 'nonformal';

export const RECORD_STATUSES: readonly RecordStatus[] = [
  'verified',
  'pending',
  'revoked',
  'expired',
  'future',
];
export const RECORD_KINDS: readonly RecordKind[] = ['course', 'certificate', 'nonformal'];

/** Detail of `cb-outcome-select`: the archive entry the user activated and its status. */
export interface OutcomeSelectDetail {
  readonly entry: ArchiveEntry;
  readonly status: RecordStatus;
}

const TONES: Record<RecordStatus, string> = {
  verified: 'success',
  pending: 'warning',
  revoked: 'danger',
  expired: 'neutral',
  future: 'neutral',
};

/** Today in the browser's time zone, `YYYY-MM-DD`. */
function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The status of an entry on `asOf`, from the core's certification (spec §3). */
export function recordStatus(entry: ArchiveEntry, asOf: string): RecordStatus {
  const reason = certify(entry.outcome as Outcome, asOf);
  if (reason === null) return 'verified';
  return reason === 'unverified' ? 'pending' : reason;
}

/** Splits a `filter` value into at most one status and one kind; unknown words are returned. */
function parseFilter(value: string | undefined) {
  let status: RecordStatus | undefined;
  let kind: RecordKind | undefined;
  const problems: string[] = [];
  for (const word of (value ?? '').split(/[\s,]+/).filter(Boolean)) {
    if (RECORD_STATUSES.includes(word as RecordStatus)) {
      if (status) problems.push(`more than one status ("${status}", "${word}")`);
      status = word as RecordStatus;
    } else if (RECORD_KINDS.includes(word as RecordKind)) {
      if (kind) problems.push(`more than one kind ("${kind}", "${word}")`);
      kind = word as RecordKind;
    } else {
      problems.push(
        `"${word}" is not a status (${RECORD_STATUSES.join(', ')}) or kind (${RECORD_KINDS.join(', ')})`,
      );
    }
  }
  return { status, kind, problems };
}

/** A field of the outcome's kind payload (`course`, `certificate`, `nonformal`), if an object. */
function payload(entry: ArchiveEntry): Record<string, unknown> {
  const value = (entry.outcome as Record<string, unknown>)[entry.outcome.kind];
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

const num = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;
const str = (value: unknown) => (typeof value === 'string' && value ? value : null);

/** Only absolute http(s) links are rendered as links. */
const safeUrl = (url: string | undefined) => (url && /^https?:\/\//i.test(url.trim()) ? url : null);

/**
 * A learner's lifelong learning archive (学习档案) as a timeline: every outcome (course,
 * certificate, non-formal learning) grouped by year, newest first, with its status badge on the
 * `as-of` date, issuer, date, key figure and evidence; filterable by status and kind.
 *
 * @summary The learning archive of one learner as a timeline with status badges.
 * @event {CustomEvent<OutcomeSelectDetail>} cb-outcome-select - An entry was activated (click, Enter or Space on its title).
 * @csspart base - The card.
 * @csspart filters - The status and kind selects.
 * @csspart timeline - The ordered list of years.
 * @csspart year - One year's heading.
 * @csspart entry - One outcome of the timeline.
 * @csspart entry-button - The activatable title of an entry.
 * @csspart badge - The status badge of an entry.
 * @csspart evidence - The evidence list of an entry.
 * @csspart loading - The skeleton while loading.
 * @csspart empty - The empty state (no outcomes yet).
 * @csspart error - The error state.
 * @csspart retry - The retry button of the error state.
 * @cssproperty --cb-color-primary - Accent of the titles and the timeline dots.
 * @cssproperty --cb-color-success - Verified badge.
 * @cssproperty --cb-color-warning - Pending badge.
 * @cssproperty --cb-color-danger - Revoked badge.
 * @cssproperty --cb-color-bg - Card background.
 * @cssproperty --cb-color-border - Card border and the timeline line.
 * @cssproperty --cb-font-family - Font stack.
 * @cssproperty --cb-font-size - Base font size (14px).
 * @cssproperty --cb-radius - Corner radius.
 * @cssproperty --cb-spacing - Spacing unit.
 * @cssproperty --cb-density - Spacing multiplier (compact 0.75).
 */
export class CbLearningRecord extends CbElement {
  static override styles = [CbElement.styles, cardStyles, statusBadgeStyles, styles];

  private readonly data = this.track(
    new Task(this, {
      task: async ([api, learner], { signal }) => {
        if (!api || !learner) return null;
        return api.request(getOutcomes(learner), { signal });
      },
      args: () => [this.configIssues().length ? null : this.api, this.learner] as const,
    }),
  );

  /** Learner account id. */
  @property() learner = '';

  /**
   * Date the statuses are decided on, `YYYY-MM-DD` (default: the server's date when it answered,
   * as the balance uses; the browser's date only when an older server does not send it).
   */
  @property({ attribute: 'as-of' }) asOf?: string;

  /** At most one status (`verified`, `pending`, `revoked`, `expired`, `future`) and one kind (`course`, `certificate`, `nonformal`), space-separated; the selects change it. */
  @property({ reflect: true }) filter?: string;

  /** Reloads the archive. */
  refresh(): void {
    void this.data.run();
  }

  protected override configIssues(): ConfigIssue[] {
    const issues = super.configIssues();
    if (!this.learner) issues.push({ name: 'learner', reason: 'is required' });
    issues.push(...dateIssue('as-of', this.asOf));
    for (const reason of parseFilter(this.filter ?? undefined).problems) {
      issues.push({ name: 'filter', reason });
    }
    return issues;
  }

  private m(key: keyof (typeof messages)['zh-CN'], params?: Record<string, string | number>) {
    return this.msg(messages, key, params);
  }

  private onFilter(): void {
    const root = this.renderRoot;
    const value = (id: string) => (root.querySelector(`#${id}`) as HTMLSelectElement | null)?.value;
    const next = [value('status-filter'), value('kind-filter')].filter(Boolean).join(' ');
    this.filter = next || undefined;
  }

  private select(entry: ArchiveEntry, status: RecordStatus): void {
    this.emit<OutcomeSelectDetail>('cb-outcome-select', { entry, status });
  }

  protected override widgetTitle(): string {
    return this.m('title');
  }

  protected override renderView(): unknown {
    if (!this.api) return this.renderNoClient();
    return this.data.render({
      initial: () => this.renderLoading(4),
      pending: () => this.renderLoading(4),
      error: (error) => this.renderError(error, () => this.refresh()),
      complete: (list) =>
        list === null
          ? nothing
          : list.items.length === 0
            ? this.renderEmpty(this.m('empty'))
            : this.renderRecord(list, this.asOf || list.asOf || today()),
    });
  }

  private renderRecord({ items, levelNames = {} }: ArchiveList, asOf: string): TemplateResult {
    const locale = this.effectiveLocale;
    const filter = parseFilter(this.filter ?? undefined);
    const rows = items
      .map((entry) => ({ entry, status: recordStatus(entry, asOf) }))
      .filter(
        ({ entry, status }) =>
          (!filter.status || status === filter.status) &&
          (!filter.kind || entry.outcome.kind === filter.kind),
      )
      .sort(
        (a, b) =>
          b.entry.outcome.earnedOn.localeCompare(a.entry.outcome.earnedOn) ||
          b.entry.depositedAt.localeCompare(a.entry.depositedAt),
      );
    const years = new Map<string, typeof rows>();
    for (const row of rows) {
      const year = row.entry.outcome.earnedOn.slice(0, 4);
      years.set(year, [...(years.get(year) ?? []), row]);
    }
    let index = 0;
    return html`<section class="card" part="base" aria-labelledby="title" lang=${locale}>
      <header>
        <h2 id="title">${this.m('title')}</h2>
        <span class="muted">
          ${this.m('count', { count: items.length })} ·
          ${this.m('asOf', { date: formatDate(locale, asOf) })}
        </span>
      </header>
      <div class="filters" part="filters" @change=${this.onFilter}>
        <label>
          <span>${this.m('status')}</span>
          <select id="status-filter">
            <option value="" ?selected=${!filter.status}>${this.m('all')}</option>
            ${RECORD_STATUSES.map(
              (s) =>
                html`<option value=${s} ?selected=${filter.status === s}>${this.m(s)}</option>`,
            )}
          </select>
        </label>
        <label>
          <span>${this.m('kind')}</span>
          <select id="kind-filter">
            <option value="" ?selected=${!filter.kind}>${this.m('all')}</option>
            ${RECORD_KINDS.map(
              (k) => html`<option value=${k} ?selected=${filter.kind === k}>${this.m(k)}</option>`,
            )}
          </select>
        </label>
      </div>
      ${
        rows.length === 0
          ? html`<p class="muted no-match" role="status">${this.m('noMatch')}</p>`
          : html`<ol class="years" part="timeline" aria-labelledby="title">
              ${[...years].map(
                ([year, group]) =>
                  html`<li class="year" data-year=${year}>
                    <h3 id="y-${year}" part="year">${this.m('year', { year })}</h3>
                    <ol class="entries" aria-labelledby="y-${year}">
                      ${group.map(({ entry, status }) => this.renderEntry(entry, status, index++, levelNames))}
                    </ol>
                  </li>`,
              )}
            </ol>`
      }
    </section>`;
  }

  private renderEntry(
    entry: ArchiveEntry,
    status: RecordStatus,
    i: number,
    levelNames: NonNullable<ArchiveList['levelNames']>,
  ): TemplateResult {
    const locale = this.effectiveLocale;
    const { outcome } = entry;
    const kind = outcome.kind;
    const kindLabel = RECORD_KINDS.includes(kind as RecordKind) ? this.m(kind as RecordKind) : kind;
    const revoked =
      status === 'revoked'
        ? [
            entry.revokedAt && this.m('revokedOn', { date: formatDate(locale, entry.revokedAt) }),
            entry.revokedReason && this.m('revokedReason', { reason: entry.revokedReason }),
          ]
            .filter(Boolean)
            .join(' · ')
        : '';
    return html`<li
      class="entry ${status}"
      part="entry"
      data-outcome=${outcome.id}
      data-status=${status}
      data-kind=${kind}
    >
      <div class="head">
        <h4>
          <button
            type="button"
            part="entry-button"
            aria-describedby="s-${i} f-${i}"
            @click=${() => this.select(entry, status)}
          >
            ${entry.titles?.[locale] ?? entry.title}
          </button>
        </h4>
        <span class="badge ${TONES[status]}" part="badge" id="s-${i}">${this.m(status)}</span>
      </div>
      <p class="meta muted">
        <span class="kind">${kindLabel}</span> ·
        ${entry.issuer ? html`<span>${entry.issuer}</span> ·` : nothing}
        <time datetime=${outcome.earnedOn}>${formatDate(locale, outcome.earnedOn)}</time>
      </p>
      <p class="figure num" id="f-${i}">${this.figure(entry, levelNames)}</p>
      ${revoked ? html`<p class="revoked-note">${revoked}</p>` : nothing}
      ${entry.evidence.length ? this.renderEvidence(entry.evidence, i) : nothing}
    </li>`;
  }

  /**
   * The key figure: credits and score, level and number, or hours and category. `levelNames`:
   * the level names of the archive's certificates (certificate id → level → name).
   */
  private figure(entry: ArchiveEntry, levelNames: NonNullable<ArchiveList['levelNames']>): string {
    const locale = this.effectiveLocale;
    const { kind, expiresOn } = entry.outcome;
    const data = payload(entry);
    const parts: (string | null)[] = [];
    if (kind === 'course') {
      const credits = num(data.credits);
      const score = num(data.score);
      parts.push(
        credits === null ? null : this.m('credits', { credits: formatCredits(locale, credits) }),
        score !== null
          ? this.m('score', { score: formatNumber(locale, score) })
          : typeof data.passed === 'boolean'
            ? this.m(data.passed ? 'passed' : 'failed')
            : null,
      );
    } else if (kind === 'certificate') {
      const level = str(data.level);
      const number = str(data.number);
      const names = levelNames[str(data.id) ?? ''];
      parts.push(
        level && levelName(level, locale, names),
        number && `${this.m('number')} ${number}`,
      );
    } else if (kind === 'nonformal') {
      const hours = num(data.hours);
      const category = str(data.category);
      parts.push(
        hours === null ? null : this.m('hours', { hours: formatNumber(locale, hours) }),
        category && nameOf(nonformalNames, category, locale),
      );
    }
    if (expiresOn) parts.push(this.m('expiresOn', { date: formatDate(locale, expiresOn) }));
    return parts.filter(Boolean).join(' · ');
  }

  private renderEvidence(evidence: readonly Evidence[], i: number): TemplateResult {
    return html`<div class="evidence" part="evidence">
      <span class="muted" id="e-${i}">${this.m('evidence')}</span>
      <ul aria-labelledby="e-${i}">
        ${evidence.map((item) => {
          const url = safeUrl(item.url);
          return html`<li>
            ${
              url
                ? html`<a href=${url} target="_blank" rel="noopener noreferrer"
                    >${item.label}<span class="visually-hidden">${this.m('newTab')}</span></a
                  >`
                : html`<span>${item.label}</span>`
            }
          </li>`;
        })}
      </ul>
    </div>`;
  }
}
