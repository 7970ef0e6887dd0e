import { provide } from '@lit/context';
import { createBaseClient, type BaseClient, type TokenProvider } from '@creditbank/client';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { cbContext, type CbContextValue, type Theme } from '../shared/context.js';
import { parseLocale } from '../shared/i18n.js';

const THEMES: readonly Theme[] = ['light', 'dark', 'auto'];

/**
 * Gives every credit-bank widget inside it one client, one locale and one theme.
 *
 * @summary Shares the credit-bank client, locale and theme with the widgets it contains.
 * @slot - The host's content, widgets anywhere inside it.
 * @cssproperty --cb-font-family - Font stack of every widget inside (inherited).
 * @cssproperty --cb-color-primary - Primary colour of every widget inside (inherited).
 */
export class CbProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  @provide({ context: cbContext })
  @state()
  protected value: CbContextValue = {
    client: null,
    locale: 'zh-CN',
    theme: 'light',
    canWrite: false,
  };

  /** Base URL of the credit-bank API, e.g. `https://bank.example.org`. */
  @property({ attribute: 'base-url' }) baseUrl?: string;

  /** Bearer token (attribute), or a token function (property) called again on 401. */
  @property() token?: string | TokenProvider;

  /** Tenant sent as `X-Tenant`. */
  @property() tenant?: string;

  /** `zh-CN` (default) or `en`. */
  @property({ reflect: true }) locale = 'zh-CN';

  /** `light` (default), `dark` or `auto`. */
  @property({ reflect: true }) theme = 'light';

  /** A ready client from the host; when set, `base-url` and `token` are not used. */
  @property({ attribute: false }) client?: BaseClient;

  /** Whether the token may apply transfers (shows the calculator's apply action). */
  @property({ type: Boolean, attribute: 'can-write' }) canWrite = false;

  private built: { baseUrl: string; token: unknown; tenant?: string; client: BaseClient } | null =
    null;

  private resolveClient(): BaseClient | null {
    if (this.client) return this.client;
    if (!this.baseUrl) return null;
    const { baseUrl, token, tenant } = this;
    let built = this.built;
    // the locale is not part of the client's identity: switching it must not refetch
    if (built?.baseUrl !== baseUrl || built.token !== token || built.tenant !== tenant) {
      built = { baseUrl, token, tenant, client: createBaseClient({ baseUrl, token, tenant }) };
      this.built = built;
    }
    return built.client;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const locale = parseLocale(this.locale);
    if (this.locale && !locale)
      console.warn(`[creditbank] <cb-provider> locale: "${this.locale}" is not zh-CN or en`);
    const theme = THEMES.find((t) => t === this.theme);
    if (this.theme && !theme)
      console.warn(`[creditbank] <cb-provider> theme: "${this.theme}" is not light, dark or auto`);
    this.value = {
      client: this.resolveClient(),
      locale: locale ?? 'zh-CN',
      theme: theme ?? 'light',
      canWrite: this.canWrite,
    };
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
