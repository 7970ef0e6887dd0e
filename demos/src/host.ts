/**
 * What every demo page shares: the API base URL from `/demo-config.json` (not known at build
 * time), demo tokens from `POST /v1/dev/token`, the page's `?learner=`, `?lang=` and `?theme=`,
 * the zh-CN/en and light/dark switches, the page chrome's own translations, and the "view
 * source" snippet built from the real markup of the page's widgets.
 */
import {
  createBaseClient,
  isCreditBankError,
  type BaseClient,
  type TokenProvider,
} from '@creditbank/client';
import { postDevToken } from '@creditbank/client/endpoints';
import { joinDot, type DisplayName } from '@creditbank/core';
import type { Role } from '@creditbank/core/api';

export type Locale = 'zh-CN' | 'en';
export type ThemeName = 'light' | 'dark';

export interface DemoConfig {
  readonly baseUrl: string;
}

/** Reads `/demo-config.json`; every page does this before it talks to the API. */
export async function loadConfig(): Promise<DemoConfig> {
  const response = await fetch('/demo-config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`/demo-config.json answered ${response.status}`);
  const config = (await response.json()) as Partial<DemoConfig>;
  if (typeof config.baseUrl !== 'string' || !config.baseUrl) {
    throw new Error('/demo-config.json has no baseUrl');
  }
  return { baseUrl: config.baseUrl };
}

const TENANT_OF_PREFIX: Record<string, string> = {
  trn: 'training',
  ent: 'enterprise',
  plt: 'platform',
};

/** The seed's tenant of a learner id (`trn-…` training, `ent-…` enterprise, `plt-…` platform). */
export function tenantOf(learner: string): string {
  return TENANT_OF_PREFIX[learner.split('-')[0] ?? ''] ?? 'training';
}

const LEARNER_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

/** `?learner=` when it is a valid id, else the page's default. */
export function learnerParam(fallback: string): string {
  const value = new URLSearchParams(location.search).get('learner');
  return value && LEARNER_ID.test(value) ? value : fallback;
}

/** Any other query parameter (validated by the caller). */
export function param(name: string): string | null {
  return new URLSearchParams(location.search).get(name);
}

export interface TokenRequest {
  readonly tenant: string;
  readonly role: Role;
  readonly learner?: string;
}

/**
 * A token function for the SDK (`TokenProvider`): asks the demo server's `POST /v1/dev/token`
 * once, keeps the token, and asks again when the API answered 401 (`refresh: true`).
 */
export function devTokenProvider(baseUrl: string, request: TokenRequest): TokenProvider {
  const anonymous = createBaseClient({ baseUrl, cache: false });
  let current: Promise<string> | null = null;
  return ({ refresh }) => {
    if (refresh || !current) {
      current = anonymous
        .request(postDevToken({ ...request, ttlSeconds: 8 * 3600 }))
        .then((answer) => answer.token);
      current.catch(() => (current = null));
    }
    return current;
  };
}

/** A client of the page (for what the page shows itself, beside the widgets). */
export function pageClient(baseUrl: string, token: TokenProvider, tenant?: string): BaseClient {
  return createBaseClient({ baseUrl, token, tenant });
}

// ---- locale and theme ----

export interface Look {
  locale: Locale;
  theme: ThemeName;
}

/** The look asked for by `?lang=` and `?theme=` (default zh-CN, light). */
export function initialLook(): Look {
  const lang = param('lang');
  const theme = param('theme');
  return {
    locale: lang === 'en' ? 'en' : 'zh-CN',
    theme: theme === 'dark' ? 'dark' : 'light',
  };
}

/** Page-chrome strings in both locales: `data-i18n="key"` elements get the text. */
export type Dictionary = Record<Locale, Record<string, string>>;

/**
 * Applies a look to the page: `<html lang>`, `data-theme` (the page's own colours), the
 * translated chrome (`data-i18n` text, `data-i18n-label` aria-label, `data-i18n-placeholder`,
 * `data-i18n-title` for `<title>`) and the switches' pressed state; keeps it in the URL.
 */
export function applyLook(look: Look, dictionary: Dictionary): void {
  const root = document.documentElement;
  root.lang = look.locale;
  root.dataset.theme = look.theme;
  const words = dictionary[look.locale];
  const word = (key: string | undefined) =>
    key ? (words[key] ?? dictionary['zh-CN'][key]) : undefined;
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const text = word(el.dataset.i18n);
    if (text !== undefined) el.textContent = text;
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n-label]')) {
    const text = word(el.dataset.i18nLabel);
    if (text !== undefined) el.setAttribute('aria-label', text);
  }
  for (const el of document.querySelectorAll<HTMLInputElement>('[data-i18n-placeholder]')) {
    const text = word(el.dataset.i18nPlaceholder);
    if (text !== undefined) el.placeholder = text;
  }
  const title = word(document.querySelector<HTMLElement>('title')?.dataset.i18nTitle);
  if (title) document.title = title;
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-look-locale]')) {
    button.setAttribute('aria-pressed', String(button.dataset.lookLocale === look.locale));
  }
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-look-theme]')) {
    button.setAttribute('aria-pressed', String(button.dataset.lookTheme === look.theme));
  }
  const url = new URL(location.href);
  url.searchParams.set('lang', look.locale);
  url.searchParams.set('theme', look.theme);
  history.replaceState(history.state, '', url);
}

/** Wires the header's `[data-look-locale]` and `[data-look-theme]` buttons. */
export function onLookSwitch(look: Look, change: (look: Look) => void): void {
  document.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest<HTMLElement>(
      '[data-look-locale],[data-look-theme]',
    );
    if (!button) return;
    const locale = button.dataset.lookLocale as Locale | undefined;
    const theme = button.dataset.lookTheme as ThemeName | undefined;
    if (locale) look.locale = locale;
    if (theme) look.theme = theme;
    change(look);
  });
}

// ---- the "view source" snippet ----

/** Attributes the snippet leaves out: the token (a secret) and what the widgets set themselves. */
const HIDDEN_ATTRIBUTE = /^(token|class|style|id|role|tabindex|aria-.*|data-.*)$/;

function tagOf(el: Element, indent: string): string {
  const attributes = Array.from(el.attributes)
    .filter((a) => !HIDDEN_ATTRIBUTE.test(a.name))
    .map((a) => (a.value === '' ? ` ${a.name}` : ` ${a.name}="${a.value.replace(/"/g, '&quot;')}"`))
    .join('');
  return `${indent}<${el.localName}${attributes}>`;
}

/**
 * The markup of `root` (a `<cb-provider>` or a widget) and the credit-bank widgets inside it,
 * as a host would write it: the page's own layout between them is left out.
 */
export function widgetMarkup(root: Element, prefix = 'cb-', indent = ''): string {
  const children: Element[] = [];
  const walk = (node: Element) => {
    for (const child of Array.from(node.children)) {
      if (child.localName.startsWith(prefix)) children.push(child);
      else walk(child);
    }
  };
  walk(root);
  const open = tagOf(root, indent);
  if (!children.length) return `${open}</${root.localName}>`;
  const inner = children.map((c) => widgetMarkup(c, prefix, `${indent}  `)).join('\n');
  return `${open}\n${inner}\n${indent}</${root.localName}>`;
}

/** Shows `code` in the page's `#snippet` (the "view source" panel). */
export function showSnippet(code: string): void {
  const target = document.querySelector<HTMLElement>('#snippet');
  if (target) target.textContent = code;
}

const PAGE_ERRORS: Record<Locale, Record<'network' | 'server' | 'refused', string>> = {
  'zh-CN': {
    network: '无法连接学分银行服务，页面的部分内容未能加载。请检查网络后刷新页面。',
    server: '学分银行服务暂时不可用，页面的部分内容未能加载。请稍后刷新页面重试。',
    refused: '学分银行服务拒绝了本页面的请求，页面的部分内容未能加载。',
  },
  en: {
    network:
      'Cannot reach the credit bank service; part of this page could not load. Check the connection and reload.',
    server:
      'The credit bank service is unavailable; part of this page could not load. Reload to try again.',
    refused: 'The credit bank service refused a request of this page; part of it could not load.',
  },
};

/**
 * Shows a problem of the page itself in `#page-error`: a failed call in words for people, in
 * the page's language (the details go to the console); a setup problem (no config) as it is.
 */
export function showPageError(error: unknown): void {
  console.error('[demo]', error);
  const box = document.querySelector<HTMLElement>('#page-error');
  if (!box) return;
  box.hidden = false;
  const words = PAGE_ERRORS[document.documentElement.lang === 'en' ? 'en' : 'zh-CN'];
  box.textContent = isCreditBankError(error)
    ? error.code === 'network_error' || error.code === 'timeout'
      ? words.network
      : (error.status ?? 500) >= 500
        ? words.server
        : words.refused
    : error instanceof Error
      ? error.message
      : String(error);
}

/**
 * A certificate with its level as people read it: the level name the API gives (the catalog's
 * `levelNames`), in the page's language when it has one.
 */
export const certificateText = (
  c: { name: string; level?: string | undefined; levelName?: DisplayName | undefined },
  locale: Locale,
) =>
  c.level ? joinDot(c.name, c.levelName?.[locale] ?? c.levelName?.['zh-CN'] ?? c.level) : c.name;

export const TIER_NAMES: Record<string, Record<Locale, string>> = {
  bronze: { 'zh-CN': '铜卡', en: 'Bronze' },
  silver: { 'zh-CN': '银卡', en: 'Silver' },
  gold: { 'zh-CN': '金卡', en: 'Gold' },
  platinum: { 'zh-CN': '白金卡', en: 'Platinum' },
  diamond: { 'zh-CN': '钻石卡', en: 'Diamond' },
};

export const nameIn = (names: Record<string, Record<Locale, string>>, id: string, locale: Locale) =>
  names[id]?.[locale] ?? id;

/** Credits as the widgets show them: up to one decimal (half credits). */
export const credits = (value: number, locale: Locale) =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
