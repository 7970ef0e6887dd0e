/**
 * `creditbank-embed.js`: one `<script type="module">` for pages with no build step (LMS HTML
 * blocks, CMS pages). It loads only the widgets the page uses (and those added later), reads
 * its configuration from `<meta name="creditbank:…">` or `CreditBank.configure()`, hides
 * widgets until they are ready, and upgrades placeholders such as
 * `<div data-cb-widget="credit-balance" data-learner="…">` for editors that strip unknown tags.
 *
 * Two copies can share a page: load the second with another tag prefix,
 * `creditbank-embed.js?prefix=acme`, and its widgets are `<acme-credit-balance>`… and its API
 * `window.CreditBank_acme`.
 */
import { createBaseClient, type BaseClient, type TokenProvider } from '@creditbank/client';
import { ContextRoot } from '@lit/context';
import { WIDGET_NAMES, WIDGETS, type WidgetName } from './components.js';

export interface EmbedConfig {
  /** base URL of the credit-bank API */
  baseUrl?: string;
  /** a bearer token, or an async function returning one (called again on 401) */
  token?: string | TokenProvider;
  tenant?: string;
  /** `zh-CN` or `en` */
  locale?: string;
  /** `light`, `dark` or `auto` */
  theme?: string;
}

export interface CreditBankEmbed {
  /** the tag prefix of this copy (`cb` unless loaded with `?prefix=`) */
  readonly prefix: string;
  readonly version: string;
  /** sets or changes the configuration of every widget of this copy */
  configure(config: EmbedConfig): void;
  /** scans a subtree for widgets and placeholders (done automatically for the document) */
  upgrade(root?: ParentNode): Promise<void>;
  /** resolves once the widgets present at load time are defined */
  readonly ready: Promise<void>;
}

const VERSION = '0.1.0';
const PREFIX = /^[a-z][a-z0-9]*$/;

function prefixOf(url: string): string {
  const asked = new URL(url).searchParams.get('prefix');
  if (asked && PREFIX.test(asked)) return asked;
  if (asked)
    console.warn(`[creditbank] embed: prefix "${asked}" is not [a-z][a-z0-9]*; using "cb"`);
  return 'cb';
}

function metaConfig(): EmbedConfig {
  const read = (name: string) =>
    document.querySelector<HTMLMetaElement>(`meta[name="creditbank:${name}"]`)?.content ||
    undefined;
  const config: EmbedConfig = {};
  const baseUrl = read('base-url');
  if (baseUrl) config.baseUrl = baseUrl;
  const token = read('token');
  if (token) config.token = token;
  const tenant = read('tenant');
  if (tenant) config.tenant = tenant;
  const locale = read('locale');
  if (locale) config.locale = locale;
  const theme = read('theme');
  if (theme) config.theme = theme;
  return config;
}

/** Attributes a placeholder may not carry over (the rest of its `data-*` become attributes). */
const PLACEHOLDER_ONLY = new Set(['data-cb-widget', 'data-cb-prefix']);

function start(prefix: string): CreditBankEmbed {
  let config: EmbedConfig = metaConfig();
  let client: BaseClient | null = null;
  const loading = new Map<WidgetName, Promise<void>>();
  const tag = (name: WidgetName) => `${prefix}-${name}`;
  const selector = WIDGET_NAMES.map(tag).join(',');
  const mine = (el: Element) => (el.getAttribute('data-cb-prefix') ?? 'cb') === prefix;

  // No flash of raw markup: our tags and placeholders stay hidden until defined.
  const style = document.createElement('style');
  style.dataset.creditbank = prefix;
  style.textContent =
    `${WIDGET_NAMES.map((n) => `${tag(n)}:not(:defined)`).join(',')}{visibility:hidden}` +
    `${WIDGET_NAMES.map((n) => `[data-cb-widget="${n}"]${prefix === 'cb' ? ':not([data-cb-prefix])' : `[data-cb-prefix="${prefix}"]`}`).join(',')}{visibility:hidden}`;
  document.head.append(style);

  let built: Pick<EmbedConfig, 'baseUrl' | 'token' | 'tenant'> = {};
  /** A new client only when what identifies it changes: switching the locale must not refetch. */
  function rebuildClient(): void {
    const { baseUrl, token, tenant } = config;
    if (client && built.baseUrl === baseUrl && built.token === token && built.tenant === tenant) {
      return;
    }
    built = { baseUrl, token, tenant };
    client = baseUrl ? createBaseClient({ baseUrl, token, tenant, locale: config.locale }) : null;
  }
  rebuildClient();

  /**
   * Which of `base-url`, `locale` and `theme` the page wrote on a widget itself (they win over
   * the configuration). Read once, the first time the widget is seen: `locale` and `theme`
   * reflect to attributes, so a later look would take the copy's own value for the author's.
   */
  const authored = new WeakMap<Element, ReadonlySet<string>>();

  /** Gives a widget the copy's client, locale and theme unless it has its own. */
  function configureElement(el: Element): void {
    if (el.localName === tag('provider')) return;
    let own = authored.get(el);
    if (!own) {
      own = new Set(['base-url', 'locale', 'theme'].filter((name) => el.hasAttribute(name)));
      authored.set(el, own);
    }
    const widget = el as HTMLElement & { client?: BaseClient; locale?: string; theme?: string };
    if (client && !own.has('base-url')) widget.client = client;
    if (config.locale && !own.has('locale')) widget.locale = config.locale;
    if (config.theme && !own.has('theme')) widget.theme = config.theme;
  }

  function define(name: WidgetName): Promise<void> {
    let pending = loading.get(name);
    if (!pending) {
      const entry = WIDGETS[name];
      pending = Promise.all((entry.needs ?? []).map(define))
        .then(() => entry.load())
        .then((ctor) => {
          if (customElements.get(tag(name))) {
            console.warn(`[creditbank] <${tag(name)}> is already defined; keeping the first`);
            return;
          }
          customElements.define(tag(name), ctor);
        })
        .catch((error: unknown) => {
          loading.delete(name);
          console.error(`[creditbank] could not load <${tag(name)}>`, error);
        });
      loading.set(name, pending);
    }
    return pending;
  }

  function upgradePlaceholder(placeholder: Element): Element | null {
    const name = placeholder.getAttribute('data-cb-widget') as WidgetName;
    if (!WIDGET_NAMES.includes(name)) {
      console.warn(
        `[creditbank] data-cb-widget="${name}" is not a widget: ${WIDGET_NAMES.join(', ')}`,
      );
      return null;
    }
    const el = document.createElement(tag(name));
    for (const attr of Array.from(placeholder.attributes)) {
      if (PLACEHOLDER_ONLY.has(attr.name)) continue;
      if (attr.name.startsWith('data-')) el.setAttribute(attr.name.slice(5), attr.value);
      else if (attr.name === 'id' || attr.name === 'class' || attr.name === 'style') {
        el.setAttribute(attr.name, attr.value);
      }
    }
    // what the placeholder holds goes along: the page's content and nested placeholders of a
    // `provider` (they are upgraded in turn, inside it)
    el.append(...Array.from(placeholder.childNodes));
    placeholder.replaceWith(el);
    return el;
  }

  async function upgrade(root: ParentNode = document): Promise<void> {
    const widgets: Element[] = [];
    const placeholders = Array.from(root.querySelectorAll('[data-cb-widget]'));
    if (root instanceof Element && root.matches('[data-cb-widget]')) placeholders.unshift(root);
    for (const placeholder of placeholders) {
      if (!mine(placeholder)) continue;
      const el = upgradePlaceholder(placeholder);
      if (el) widgets.push(el);
    }
    if (root instanceof Element && root.matches(selector)) widgets.push(root);
    widgets.push(...Array.from(root.querySelectorAll(selector)));
    const found = new Set<WidgetName>();
    for (const el of widgets) {
      found.add(el.localName.slice(prefix.length + 1) as WidgetName);
      configureElement(el);
    }
    // A provider is defined before the widgets inside it: a widget upgraded first would ask
    // for its configuration while no provider is there to answer, and wait forever.
    if (found.has('provider')) await define('provider');
    await Promise.all([...found].map(define));
  }

  // A widget that asks for its provider's configuration before the provider is defined (a
  // provider placeholder added later, its chunk still loading) is answered once it is.
  new ContextRoot().attach(document.documentElement);

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of Array.from(record.addedNodes)) {
        if (node instanceof Element) void upgrade(node);
      }
    }
  });

  const ready = new Promise<void>((resolve) => {
    const begin = () => {
      observer.observe(document.documentElement, { childList: true, subtree: true });
      void upgrade(document).then(resolve);
    };
    if (document.readyState === 'loading')
      document.addEventListener('DOMContentLoaded', begin, { once: true });
    else begin();
  });

  return {
    prefix,
    version: VERSION,
    ready,
    upgrade,
    configure(next: EmbedConfig) {
      config = { ...config, ...next };
      rebuildClient();
      for (const el of Array.from(document.querySelectorAll(selector))) configureElement(el);
    },
  };
}

const prefix = prefixOf(import.meta.url);
const globalName = prefix === 'cb' ? 'CreditBank' : `CreditBank_${prefix}`;
const host = globalThis as unknown as Record<string, CreditBankEmbed | undefined>;
if (host[globalName]) {
  console.warn(`[creditbank] embed with prefix "${prefix}" loaded twice; keeping the first copy`);
} else {
  host[globalName] = start(prefix);
}
