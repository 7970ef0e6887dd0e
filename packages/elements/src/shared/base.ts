/**
 * The base of every widget: configuration from its own attributes or from `<cb-provider>`,
 * locale and theme, attribute validation that shows an error state (never an exception),
 * and the shared loading, empty and error states.
 */
import { consume } from '@lit/context';
import { TaskStatus, type Task } from '@lit/task';
import {
  createBaseClient,
  isCreditBankError,
  type BaseClient,
  type TokenProvider,
} from '@creditbank/client';
import {
  html,
  LitElement,
  nothing,
  render,
  type CSSResultGroup,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { property, state } from 'lit/decorators.js';
import { cbContext, type CbContextValue, type Theme } from './context.js';
import { parseLocale, sharedMessages, translate, type Locale, type Messages } from './i18n.js';
import { themeStyles } from './theme.js';

const THEMES: readonly Theme[] = ['light', 'dark', 'auto'];

/** A problem with an attribute or property value. */
export interface ConfigIssue {
  readonly name: string;
  readonly reason: string;
}

const warned = new WeakMap<object, Set<string>>();

/** The issue of a date attribute that is not a calendar date `YYYY-MM-DD` (none when unset). */
export function dateIssue(name: string, value: string | null | undefined): ConfigIssue[] {
  if (value === undefined || value === null) return [];
  const valid =
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
  return valid ? [] : [{ name, reason: `"${value}" is not a date YYYY-MM-DD` }];
}

/** A bubbling, composed `CustomEvent` (outside the class, so the manifest lists no event). */
function domainEvent<T>(type: string, detail: T, cancelable: boolean): CustomEvent<T> {
  return new CustomEvent<T>(type, { detail, bubbles: true, composed: true, cancelable });
}

export class CbElement extends LitElement {
  static override styles: CSSResultGroup = [themeStyles];

  /** configuration from the nearest `<cb-provider>` */
  @consume({ context: cbContext, subscribe: true })
  @state()
  protected context?: CbContextValue;

  /** Base URL of the credit-bank API; overrides the provider's. */
  @property({ attribute: 'base-url' }) baseUrl?: string;

  /** Bearer token (attribute) or a token function (property); overrides the provider's. */
  @property() token?: string | TokenProvider;

  /** `zh-CN` (default) or `en`; overrides the provider's. */
  @property({ reflect: true }) locale?: string;

  /** `light`, `dark` or `auto`; overrides the provider's. */
  @property({ reflect: true }) theme?: string;

  /** A ready client from the host; overrides `base-url`/`token` and the provider. */
  @property({ attribute: false }) client?: BaseClient;

  private ownClient: { baseUrl: string; token: unknown; client: BaseClient } | null = null;

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tasks of any arguments
  readonly #tasks: Task<any, unknown>[] = [];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly #interrupted = new Set<Task<any, unknown>>();

  /**
   * Registers a data task: a request still in flight when the widget leaves the page is
   * aborted (a host that unmounts it mid-load leaves nothing open), and the task runs again
   * if the widget comes back.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  protected track<T extends Task<any, unknown>>(task: T): T {
    this.#tasks.push(task);
    return task;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    for (const task of this.#interrupted) void task.run();
    this.#interrupted.clear();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const task of this.#tasks) {
      if (task.status !== TaskStatus.PENDING) continue;
      this.#interrupted.add(task);
      task.abort();
    }
  }

  /** The locale in force: own attribute, then the provider, then zh-CN. */
  get effectiveLocale(): Locale {
    return parseLocale(this.locale) ?? this.context?.locale ?? 'zh-CN';
  }

  /** The theme in force: own attribute, then the provider, then light. */
  get effectiveTheme(): Theme {
    const own = THEMES.find((t) => t === this.theme);
    return own ?? this.context?.theme ?? 'light';
  }

  /** The client to call: own `client`, own `base-url`/`token`, then the provider's. */
  protected get api(): BaseClient | null {
    if (this.client) return this.client;
    if (this.baseUrl) {
      const { baseUrl, token } = this;
      // the locale is not part of a client's identity: switching it must not refetch
      if (this.ownClient?.baseUrl !== baseUrl || this.ownClient.token !== token) {
        this.ownClient = { baseUrl, token, client: createBaseClient({ baseUrl, token }) };
      }
      return this.ownClient.client;
    }
    return this.context?.client ?? null;
  }

  /** May this widget write (apply a transfer)? True with its own token or a writing provider. */
  protected get canWrite(): boolean {
    if (this.client || this.baseUrl) return Boolean(this.token) || Boolean(this.client);
    return this.context?.canWrite ?? false;
  }

  /** Problems with the widget's own attributes; subclasses add theirs. */
  protected configIssues(): ConfigIssue[] {
    const issues: ConfigIssue[] = [];
    if (this.locale && !parseLocale(this.locale)) {
      issues.push({ name: 'locale', reason: `"${this.locale}" is not zh-CN or en` });
    }
    if (this.theme && !THEMES.includes(this.theme as Theme)) {
      issues.push({ name: 'theme', reason: `"${this.theme}" is not light, dark or auto` });
    }
    if (this.baseUrl) {
      try {
        new URL(this.baseUrl, globalThis.location?.href);
      } catch {
        issues.push({ name: 'base-url', reason: `"${this.baseUrl}" is not a URL` });
      }
    }
    return issues;
  }

  /** Translates a shared message in the locale in force. */
  protected t(
    key: keyof (typeof sharedMessages)['zh-CN'],
    params?: Record<string, string | number>,
  ): string {
    return translate(sharedMessages, this.effectiveLocale, key, params);
  }

  /** Translates one of a component's own messages. */
  protected msg<K extends string>(
    messages: Messages<K>,
    key: K,
    params?: Record<string, string | number>,
  ): string {
    return translate(messages, this.effectiveLocale, key, params);
  }

  /** Dispatches a bubbling, composed `CustomEvent`. */
  protected emit<T>(type: string, detail: T, options: { cancelable?: boolean } = {}): boolean {
    return this.dispatchEvent(domainEvent(type, detail, options.cancelable ?? false));
  }

  /** A readable, localized message for any error a call may raise. */
  protected errorText(error: unknown): string {
    if (isCreditBankError(error)) {
      const code = error.code as string;
      const known = code in sharedMessages['zh-CN'];
      if (known) return this.t(code as keyof (typeof sharedMessages)['zh-CN']);
      if (error.status !== undefined && error.status >= 500) return this.t('server');
      // the details are for developers (in English, with the method and path): the console
      this.warnOnce(`[creditbank] <${this.localName}> ${error.message}`);
      return this.t('refused');
    }
    return this.t('unexpected');
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.dataset.cbTheme = this.effectiveTheme;
  }

  /** Renders whatever the subclass renders; an exception becomes an error state. */
  protected override update(changed: PropertyValues): void {
    try {
      super.update(changed);
    } catch (error) {
      console.error('[creditbank] widget error', error);
      render(this.renderCrash(), this.renderRoot, { host: this });
    }
  }

  protected override render(): unknown {
    const issues = this.configIssues();
    if (issues.length) return this.renderInvalid(issues);
    return this.renderView();
  }

  /** The widget's content once its configuration is valid. */
  protected renderView(): unknown {
    return nothing;
  }

  /** A console warning, once per widget and text (renders repeat). */
  protected warnOnce(text: string): void {
    let seen = warned.get(this);
    if (!seen) warned.set(this, (seen = new Set()));
    if (seen.has(text)) return;
    seen.add(text);
    console.warn(text);
  }

  protected renderInvalid(issues: readonly ConfigIssue[]): TemplateResult {
    for (const issue of issues) {
      this.warnOnce(`[creditbank] <${this.localName}> ${issue.name}: ${issue.reason}`);
    }
    return this.renderAlert(
      null,
      // the reason is the developer's (English) text, marked so a screen reader reads it as such
      issues.map(
        (issue) =>
          html`${this.t('invalidAttribute', { name: issue.name })}<span lang="en"
              >${issue.reason}</span
            >`,
      ),
    );
  }

  protected renderCrash(): TemplateResult {
    return this.renderAlert(this.t('unexpected'), [], () => this.requestUpdate());
  }

  /** A skeleton of `lines` bars while something loads. */
  protected renderLoading(lines = 3): TemplateResult {
    return html`<div
      class="skeleton"
      part="loading"
      role="status"
      aria-busy="true"
      lang=${this.effectiveLocale}
    >
      <span class="visually-hidden">${this.t('loading')}</span>
      ${Array.from({ length: lines }, (_, i) => html`<div class="bar" style="width:${90 - i * 20}%"></div>`)}
    </div>`;
  }

  protected renderEmpty(text = this.t('empty')): TemplateResult {
    return html`<div class="state empty" part="empty" role="status" lang=${this.effectiveLocale}>
      <p class="muted">${text}</p>
    </div>`;
  }

  protected renderError(error: unknown, retry: () => void): TemplateResult {
    const name = this.widgetTitle();
    const title = name ? this.t('errorTitleOf', { name }) : this.t('errorTitle');
    return this.renderAlert(title, [this.errorText(error)], retry);
  }

  /**
   * The widget's name for an error state that takes the place of its whole card (so that two
   * failed widgets on a page say which is which); null where the card's heading stays.
   */
  protected widgetTitle(): string | null {
    return null;
  }

  /** The retry button last pressed, until the state it started has settled. */
  #retried: Element | null = null;

  /**
   * After a retry, focus goes where the user can go on: to the new retry button when it failed
   * again, else to the widget's content (`part="base"`); never to the page's body.
   */
  #focusAfterRetry(): void {
    const pressed = this.#retried;
    const root = this.renderRoot as ShadowRoot;
    if (!pressed || pressed.isConnected || root.querySelector('[part="loading"]')) return;
    this.#retried = null;
    const target =
      root.querySelector<HTMLElement>('[part="retry"]') ??
      root.querySelector<HTMLElement>('[part="base"]');
    if (!target) return;
    if (target.tabIndex < 0 && !target.hasAttribute('tabindex')) target.tabIndex = -1;
    target.focus();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.#focusAfterRetry();
  }

  protected renderNoClient(): TemplateResult {
    return this.renderAlert(null, [this.t('noClient')]);
  }

  /** The error state: an optional title, lines of text and an optional retry button. */
  private renderAlert(title: string | null, lines: readonly unknown[], retry?: () => void) {
    return html`<div class="state error" part="error" role="alert" lang=${this.effectiveLocale}>
      ${title ? html`<p class="title">${title}</p>` : nothing}
      ${lines.map((line) => html`<p>${line}</p>`)}
      ${
        retry
          ? html`<button
              class="btn"
              type="button"
              part="retry"
              @click=${(event: Event) => {
                this.#retried = event.currentTarget as Element;
                retry();
              }}
            >
              ${this.t('retry')}
            </button>`
          : nothing
      }
    </div>`;
  }
}
