import { isCreditBankError } from '@creditbank/client';
import { getVerification } from '@creditbank/client/endpoints';
import type { CertificateVerification } from '@creditbank/core/api';
import { Task } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { statusBadgeStyles } from '../shared/blocks.styles.js';
import { CbElement, type ConfigIssue } from '../shared/base.js';
import { formatDate } from '../shared/format.js';
import { certificateCategoryNames, levelName, nameOf } from '../shared/names.js';
import { messages } from './certificate-verify.messages.js';
import { styles } from './certificate-verify.styles.js';

/** The longest certificate number the form accepts. */
export const MAX_NUMBER_LENGTH = 64;

/** Detail of `cb-certificate-verified`: the number looked up and what the bank answered. */
export interface CertificateVerifiedDetail {
  readonly number: string;
  /** the public record; null when no certificate has this number */
  readonly result: CertificateVerification | null;
}

type Problem = 'required' | 'tooLong';

const TONES: Record<CertificateVerification['status'], string> = {
  valid: 'success',
  pending: 'warning',
  revoked: 'danger',
  expired: 'neutral',
};

/** Why a number cannot be looked up, or null. */
function checkNumber(value: string): Problem | null {
  if (!value) return 'required';
  return value.length > MAX_NUMBER_LENGTH ? 'tooLong' : null;
}

/**
 * Public certificate verification (证书查验): anyone enters a certificate number and sees
 * whether the credit bank holds it and its status (有效 valid, 已过期 expired, 已撤销 revoked,
 * 待核验 pending), with the holder's name masked. Needs only `base-url` (sends no token).
 *
 * @summary Looks up a certificate number and shows its public status.
 * @event {CustomEvent<CertificateVerifiedDetail>} cb-certificate-verified - A lookup finished: `{ number, result }`, with `result` the public record, or null when the number is unknown.
 * @csspart base - The card.
 * @csspart form - The lookup form.
 * @csspart input - The certificate-number input.
 * @csspart submit - The submit button.
 * @csspart field-error - The validation message of the input.
 * @csspart result - The result card of a found certificate.
 * @csspart status - The status badge of the result.
 * @csspart holder - The masked holder name.
 * @csspart not-found - The state for an unknown number.
 * @csspart loading - The skeleton while looking up.
 * @csspart error - The error state.
 * @csspart retry - The retry button of the error state.
 * @cssproperty --cb-color-primary - The submit button's hover colour.
 * @cssproperty --cb-color-success - Valid status.
 * @cssproperty --cb-color-warning - Pending status.
 * @cssproperty --cb-color-danger - Revoked status and validation messages.
 * @cssproperty --cb-color-bg - Card background.
 * @cssproperty --cb-color-border - Card and input border.
 * @cssproperty --cb-font-family - Font stack.
 * @cssproperty --cb-font-size - Base font size (14px).
 * @cssproperty --cb-radius - Corner radius.
 * @cssproperty --cb-spacing - Spacing unit.
 * @cssproperty --cb-density - Spacing multiplier (compact 0.75).
 */
export class CbCertificateVerify extends CbElement {
  static override styles = [CbElement.styles, statusBadgeStyles, styles];

  private readonly lookup = this.track(
    new Task(this, {
      task: async ([api, number], { signal }) => {
        if (!api || !number) return null;
        let result: CertificateVerification | null = null;
        try {
          result = await api.request(getVerification(number), { signal });
        } catch (error) {
          if (!isCreditBankError(error) || error.code !== 'not_found') throw error;
        }
        this.emit<CertificateVerifiedDetail>('cb-certificate-verified', { number, result });
        return { number, result };
      },
      args: () => [this.configIssues().length ? null : this.api, this.query] as const,
    }),
  );

  /** the number being (or last) looked up */
  @state() private query = '';

  /** the input's text */
  @state() private draft = '';

  @state() private problem: Problem | null = null;

  /** A certificate number to look up at once (the input starts with it). */
  @property() number?: string;

  /** Looks the current number up again. */
  refresh(): void {
    void this.lookup.run();
  }

  protected override configIssues(): ConfigIssue[] {
    const issues = super.configIssues();
    if (this.number && this.number.trim().length > MAX_NUMBER_LENGTH) {
      issues.push({
        name: 'number',
        reason: `is longer than ${MAX_NUMBER_LENGTH} characters`,
      });
    }
    return issues;
  }

  private m(key: keyof (typeof messages)['zh-CN'], params?: Record<string, string | number>) {
    return this.msg(messages, key, params);
  }

  private onInput(event: Event): void {
    this.draft = (event.target as HTMLInputElement).value;
    this.problem = null;
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    const input = this.renderRoot.querySelector('input');
    const value = (input?.value ?? this.draft).trim();
    this.problem = checkNumber(value);
    if (this.problem) {
      input?.focus();
      return;
    }
    if (value === this.query) this.refresh();
    else this.query = value;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('number')) {
      const value = (this.number ?? '').trim();
      this.draft = this.number ?? '';
      this.problem = null;
      this.query = checkNumber(value) ? '' : value;
    }
  }

  protected override widgetTitle(): string {
    return this.m('title');
  }

  protected override renderView(): unknown {
    const locale = this.effectiveLocale;
    const problem = this.problem;
    return html`<section class="card" part="base" aria-labelledby="title" lang=${locale}>
      <h2 id="title">${this.m('title')}</h2>
      <form part="form" novalidate @submit=${this.onSubmit}>
        <label for="number">${this.m('label')}</label>
        <div class="row">
          <input
            id="number"
            part="input"
            name="number"
            type="text"
            autocomplete="off"
            spellcheck="false"
            .value=${this.draft}
            aria-invalid=${problem ? 'true' : 'false'}
            aria-describedby=${problem ? 'number-error hint' : 'hint'}
            @input=${this.onInput}
          />
          <!-- not .primary: white on the shared --cb-color-primary default is 4.1:1, below AA -->
          <button class="btn" type="submit" part="submit">${this.m('submit')}</button>
        </div>
        <p id="hint" class="muted hint">${this.m('hint')}</p>
        ${
          problem
            ? html`<p id="number-error" class="field-error" part="field-error" role="alert">
                ${this.m(problem, { max: MAX_NUMBER_LENGTH })}
              </p>`
            : nothing
        }
      </form>
      <div class="outcome" aria-live="polite">
        ${
          // a number refused by the form leaves no earlier answer beside its message
          this.problem ? nothing : this.renderLookup()
        }
      </div>
    </section>`;
  }

  private renderLookup(): unknown {
    if (!this.api) return this.renderNoClient();
    return this.lookup.render({
      initial: () => nothing,
      pending: () => this.renderLoading(3),
      error: (error) => this.renderError(error, () => this.refresh()),
      complete: (found) =>
        found === null
          ? nothing
          : found.result
            ? this.renderResult(found.result)
            : this.renderNotFound(found.number),
    });
  }

  private renderNotFound(number: string): TemplateResult {
    return html`<div class="state not-found" part="not-found" lang=${this.effectiveLocale}>
      <p class="title">${this.m('notFound')}</p>
      <p class="muted">${this.m('notFoundDetail', { number })}</p>
    </div>`;
  }

  private renderResult(result: CertificateVerification): TemplateResult {
    const locale = this.effectiveLocale;
    const { status } = result;
    const note = `${status}Note` as 'validNote';
    return html`<article
      class="result ${status}"
      part="result"
      aria-labelledby="result-title"
      data-status=${status}
    >
      <div class="head">
        <h3 id="result-title">${result.certificate.name}</h3>
        <span class="badge ${TONES[status]}" part="status">${this.m(status)}</span>
      </div>
      <p class="note">${this.m(note)}</p>
      <dl>
        <div>
          <dt>${this.m('holder')}</dt>
          <dd part="holder">${result.holder}</dd>
        </div>
        <div>
          <dt>${this.m('number')}</dt>
          <dd class="num">${result.number}</dd>
        </div>
        <div>
          <dt>${this.m('level')}</dt>
          <dd>
            ${levelName(
              result.level,
              locale,
              result.levelName && { [result.level]: result.levelName },
            )}
          </dd>
        </div>
        <div>
          <dt>${this.m('category')}</dt>
          <dd>${nameOf(certificateCategoryNames, result.certificate.category, locale)}</dd>
        </div>
        <div>
          <dt>${this.m('earnedOn')}</dt>
          <dd><time datetime=${result.earnedOn}>${formatDate(locale, result.earnedOn)}</time></dd>
        </div>
        <div>
          <dt>${this.m('expiresOn')}</dt>
          <dd>
            ${
              result.expiresOn
                ? html`<time datetime=${result.expiresOn}
                    >${formatDate(locale, result.expiresOn)}</time
                  >`
                : this.m('noExpiry')
            }
          </dd>
        </div>
      </dl>
    </article>`;
  }
}
