/**
 * Locales of the widgets: zh-CN (default) and English. Each component keeps its messages in
 * its own `*.messages.ts`; these are the shared ones (states, errors).
 */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export type MessageValue = string | ((params: Record<string, string | number>) => string);
export type Messages<K extends string = string> = Record<Locale, Record<K, MessageValue>>;

/** Accepts `zh`, `zh-CN`, `zh-Hans`, `en`, `en-US`…; anything else is null. */
export function parseLocale(value: string | null | undefined): Locale | null {
  if (!value) return null;
  const lower = value.toLowerCase();
  if (lower === 'zh' || lower.startsWith('zh-')) return 'zh-CN';
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  return null;
}

export function translate<K extends string>(
  messages: Messages<K>,
  locale: Locale,
  key: K,
  params: Record<string, string | number> = {},
): string {
  const value = messages[locale][key] ?? messages['zh-CN'][key] ?? key;
  return typeof value === 'function' ? value(params) : value;
}

export const sharedMessages: Messages<
  | 'loading'
  | 'empty'
  | 'errorTitle'
  | 'errorTitleOf'
  | 'retry'
  | 'invalidAttribute'
  | 'noClient'
  | 'unexpected'
  | 'network_error'
  | 'timeout'
  | 'aborted'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'invalid_response'
  | 'unavailable'
  | 'rate_limited'
  | 'server'
  | 'validation_failed'
  | 'refused'
> = {
  'zh-CN': {
    loading: '加载中…',
    empty: '暂无数据',
    errorTitle: '加载失败',
    errorTitleOf: (p) => `${p.name}加载失败`,
    retry: '重试',
    invalidAttribute: (p) => `属性 ${p.name} 无效：`,
    noClient: '未配置学分银行服务地址（base-url）',
    unexpected: '组件出现意外错误',
    network_error: '无法连接学分银行服务，请检查网络',
    timeout: '请求超时，请稍后重试',
    aborted: '请求已取消',
    unauthorized: '登录已失效，请重新登录',
    forbidden: '没有权限执行此操作',
    not_found: '未找到相关记录',
    invalid_response: '服务返回的数据格式有误',
    unavailable: '服务暂时不可用，请稍后重试',
    rate_limited: '请求过于频繁，请稍后重试',
    server: '服务出现错误，请稍后重试',
    validation_failed: '提交的信息有误',
    refused: '学分银行拒绝了这次请求',
  },
  en: {
    loading: 'Loading…',
    empty: 'Nothing here yet',
    errorTitle: 'Could not load',
    errorTitleOf: (p) => `${p.name}: could not load`,
    retry: 'Retry',
    invalidAttribute: (p) => `Invalid attribute ${p.name}: `,
    noClient: 'No credit bank address (base-url) configured',
    unexpected: 'The widget ran into an unexpected error',
    network_error: 'Cannot reach the credit bank; check the connection',
    timeout: 'The request timed out; try again',
    aborted: 'The request was cancelled',
    unauthorized: 'Your session has expired; sign in again',
    forbidden: 'You are not allowed to do this',
    not_found: 'Not found',
    invalid_response: 'The service answered in an unexpected format',
    unavailable: 'The service is unavailable; try again later',
    rate_limited: 'Too many requests; try again shortly',
    server: 'The service failed; try again later',
    validation_failed: 'Some of the information is not valid',
    refused: 'The credit bank refused the request',
  },
};
