/**
 * React demo: a learner centre in React 19 with `@creditbank/react` — the provider with a token
 * function, the balance, the learning record, a certificate picker and the transfer calculator,
 * and host state fed by the typed `onCb…` callbacks.
 */
import { StrictMode, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import {
  CertificatePicker,
  CreditBalance,
  CreditBankProvider,
  LearningRecord,
  TransferCalculator,
} from '@creditbank/react';
import { getPrograms } from '@creditbank/client/endpoints';
import type { CertificateSelection, TransferCalculatedDetail } from '@creditbank/elements';
import {
  credits,
  devTokenProvider,
  initialLook,
  learnerParam,
  certificateText,
  loadConfig,
  pageClient,
  showPageError,
  tenantOf,
  type Dictionary,
  type Locale,
  type ThemeName,
} from './host.js';

const dictionary: Dictionary = {
  'zh-CN': {
    pageTitle: '学习中心（React）· 云学终身学习平台',
    skip: '跳到主要内容',
    brand: '云学终身学习平台 · 学习中心',
    navLabel: '主导航',
    navHome: '学习中心',
    navBank: '学分银行',
    themeLabel: '主题',
    light: '浅色',
    dark: '深色',
    title: '我的学分与转换试算',
    lead: '这个页面是一个 React 19 应用，用 @creditbank/react 的组件；右侧的提示由组件的 onCbTransferCalculated 回调更新。',
    account: '我的账户',
    plan: '转换试算',
    summary:
      '按当前方案，{program}可转换 {transferred} 学分，还需修读 {remaining} 学分，预计节省 {amount}。',
    waiting: '正在计算转换方案…',
    picked: '你在选择器中选了：{list}（可在计算器的“假设”中试算）',
    pickLabel: '想了解的证书',
    source: '查看源码：本页的 JSX',
    footer: '© 2026 云学终身学习平台（演示页面，数据来自学分银行参考服务器）',
    hello: '你好，',
  },
  en: {
    pageTitle: 'Learner centre (React) · Yunxue lifelong learning',
    skip: 'Skip to main content',
    brand: 'Yunxue lifelong learning · learner centre',
    navLabel: 'Main navigation',
    navHome: 'Learner centre',
    navBank: 'Credit bank',
    themeLabel: 'Theme',
    light: 'Light',
    dark: 'Dark',
    title: 'My credits and transfer estimate',
    lead: 'This page is a React 19 app using the @creditbank/react components; the note beside the calculator follows its onCbTransferCalculated callback.',
    account: 'My account',
    plan: 'Transfer estimate',
    summary:
      'With the current plan, {transferred} credits of {program} can be transferred and {remaining} remain to be earned; estimated savings {amount}.',
    waiting: 'Computing the transfer plan…',
    picked: 'You picked: {list} (try it as a what-if in the calculator)',
    pickLabel: 'A certificate you are curious about',
    source: 'View source: the JSX of this page',
    footer:
      '© 2026 Yunxue lifelong learning platform (demo page; data from the credit-bank reference server)',
    hello: 'Hello, ',
  },
};

const learner = learnerParam('trn-0001');
const program = 'ouc-cnt-assoc';

function format(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}

function App({ baseUrl }: { baseUrl: string }) {
  const initial = useMemo(initialLook, []);
  const [locale, setLocale] = useState<Locale>(initial.locale);
  const [theme, setTheme] = useState<ThemeName>(initial.theme);
  const [plan, setPlan] = useState<TransferCalculatedDetail | null>(null);
  const [picked, setPicked] = useState<readonly CertificateSelection[]>([]);
  const token = useMemo(
    () => devTokenProvider(baseUrl, { tenant: tenantOf(learner), role: 'learner', learner }),
    [baseUrl],
  );
  /** program id → name, from the API's programs (null while they load; empty when they failed) */
  const [programNames, setProgramNames] = useState<ReadonlyMap<string, string> | null>(null);
  const w = dictionary[locale];

  useEffect(() => {
    const controller = new AbortController();
    pageClient(baseUrl, token)
      .request(getPrograms(), { signal: controller.signal })
      .then(({ items }) => setProgramNames(new Map(items.map((p) => [p.id, p.name]))))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        console.error('[demo] GET /v1/catalog/programs failed', error);
        setProgramNames(new Map());
      });
    return () => controller.abort();
  }, [baseUrl, token]);
  // the summary waits for the program's name (the id only if the programs failed to load)
  const summary = plan && programNames ? plan : null;

  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dataset.theme = theme;
    document.title = w.pageTitle ?? document.title;
    const url = new URL(location.href);
    url.searchParams.set('lang', locale);
    url.searchParams.set('theme', theme);
    history.replaceState(history.state, '', url);
  }, [locale, theme, w]);

  const snippet = `import { CreditBankProvider, CreditBalance, LearningRecord, CertificatePicker, TransferCalculator } from '@creditbank/react';

<CreditBankProvider baseUrl="${baseUrl}" token={tokenFunction} locale="${locale}" theme="${theme}">
  <CreditBalance learner="${learner}" ledgerLimit={5} />
  <LearningRecord learner="${learner}" />
  <CertificatePicker withLevel multiple onCbCertificatesChanged={(e) => setPicked(e.detail.selected)} />
  <TransferCalculator learner="${learner}" program="${program}" onCbTransferCalculated={(e) => setPlan(e.detail)} />
</CreditBankProvider>`;

  return (
    <>
      <a className="skip-link" href="#main">
        {w.skip}
      </a>
      <header className="topbar react">
        <div className="inner">
          <div className="brand">
            <span className="logo" aria-hidden="true">
              云
            </span>
            <span>{w.brand}</span>
          </div>
          <nav aria-label={w.navLabel}>
            <ul>
              <li>
                <a href="#main" aria-current="page">
                  {w.navHome}
                </a>
              </li>
              <li>
                <a href="#account">{w.navBank}</a>
              </li>
            </ul>
          </nav>
          <div className="user">
            <div className="switch" role="group" aria-label="语言 Language">
              <button
                type="button"
                lang="zh-CN"
                aria-pressed={locale === 'zh-CN'}
                onClick={() => setLocale('zh-CN')}
              >
                中文
              </button>
              <button
                type="button"
                lang="en"
                aria-pressed={locale === 'en'}
                onClick={() => setLocale('en')}
              >
                English
              </button>
            </div>
            <div className="switch" role="group" aria-label={w.themeLabel}>
              <button
                type="button"
                aria-pressed={theme === 'light'}
                onClick={() => setTheme('light')}
              >
                {w.light}
              </button>
              <button
                type="button"
                aria-pressed={theme === 'dark'}
                onClick={() => setTheme('dark')}
              >
                {w.dark}
              </button>
            </div>
          </div>
        </div>
      </header>
      <div className="page">
        <main id="main" tabIndex={-1}>
          <div>
            <h1>{w.title}</h1>
            <p className="muted">{w.lead}</p>
          </div>
          <CreditBankProvider baseUrl={baseUrl} token={token} locale={locale} theme={theme}>
            <div className="react-grid">
              <section id="account" aria-labelledby="account-title" className="column">
                <h2 id="account-title">{w.account}</h2>
                <CreditBalance learner={learner} ledgerLimit={5} />
                <LearningRecord learner={learner} />
              </section>
              <section aria-labelledby="plan-title" className="column">
                <h2 id="plan-title">{w.plan}</h2>
                <p
                  className="panel plan-note"
                  role="status"
                  data-transferred={summary?.plan.transferredCredits}
                >
                  {summary
                    ? format(w.summary ?? '', {
                        program: programNames?.get(summary.program) ?? summary.program,
                        transferred: credits(summary.plan.transferredCredits, locale),
                        remaining: credits(summary.plan.remainingCredits, locale),
                        amount: new Intl.NumberFormat(locale, {
                          style: 'currency',
                          currency: summary.plan.savings.currency,
                          currencyDisplay: 'narrowSymbol',
                        }).format(summary.plan.savings.amount),
                      })
                    : w.waiting}
                </p>
                <div className="panel">
                  <label className="field-label" htmlFor="react-picker">
                    {w.pickLabel}
                  </label>
                  <CertificatePicker
                    id="react-picker"
                    withLevel
                    multiple
                    onCbCertificatesChanged={(event) => setPicked(event.detail.selected)}
                  />
                  {picked.length > 0 && (
                    <p className="muted picked" data-picked={picked.map((p) => p.id).join(' ')}>
                      {format(w.picked ?? '', {
                        list: picked
                          .map((p) => certificateText(p, locale))
                          .join(locale === 'en' ? ', ' : '、'),
                      })}
                    </p>
                  )}
                </div>
                <TransferCalculator
                  learner={learner}
                  program={program}
                  onCbTransferCalculated={(event) => setPlan(event.detail)}
                />
              </section>
            </div>
          </CreditBankProvider>
          <section className="panel source" aria-labelledby="source-title">
            <details open>
              <summary>
                <h2 id="source-title">{w.source}</h2>
              </summary>
              <pre tabIndex={0}>
                <code id="snippet">{snippet}</code>
              </pre>
            </details>
          </section>
        </main>
      </div>
      <footer className="site">
        <div className="inner">
          <span>{w.footer}</span>
        </div>
      </footer>
    </>
  );
}

async function main(): Promise<void> {
  const { baseUrl } = await loadConfig();
  const container = document.querySelector('#root') as HTMLElement;
  createRoot(container).render(
    <StrictMode>
      <App baseUrl={baseUrl} />
    </StrictMode>,
  );
}

main().catch((error: unknown) => {
  document.body.insertAdjacentHTML(
    'afterbegin',
    '<p id="page-error" class="page-error" role="alert"></p>',
  );
  showPageError(error);
});
