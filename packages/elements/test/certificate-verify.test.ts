import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../dist/cdn/provider.js';
import '../dist/cdn/certificate-verify.js';
import type { CbCertificateVerify } from '../src/certificate-verify/certificate-verify.js';
import type { CertificateVerifiedDetail } from '../src/certificate-verify/certificate-verify.component.js';
import { clearFaults, env, fault, shadow, text, until } from './helpers.js';

interface MountOptions {
  number?: string;
  locale?: string;
  theme?: string;
}

/** Only `base-url`: the lookup is public and sends no token. */
async function mount(o: MountOptions = {}) {
  const el = await fixture<CbCertificateVerify>(
    html`<cb-certificate-verify
      base-url=${env.baseUrl}
      locale=${o.locale ?? 'zh-CN'}
      theme=${o.theme ?? 'light'}
    ></cb-certificate-verify>`,
  );
  if (o.number !== undefined) {
    el.setAttribute('number', o.number);
    await el.updateComplete;
  }
  return el;
}

const part = (el: Element, name: string) => shadow(el).querySelector(`[part="${name}"]`);
const input = (el: Element) => part(el, 'input') as HTMLInputElement;
const result = (el: Element) => part(el, 'result') as HTMLElement | null;
const statusText = (el: Element) => part(el, 'status')?.textContent?.trim();
const found = (el: Element) => until(() => !!result(el), 'the result card');
const background = (el: Element, name: string) =>
  getComputedStyle(part(el, name) as Element).backgroundColor;

/** Counts the lookups the page sends and records whether any carried a token. */
function watchRequests() {
  const original = window.fetch;
  const seen: { url: string; authorization: string | null }[] = [];
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    if (request.url.includes('/v1/verify/'))
      seen.push({ url: request.url, authorization: request.headers.get('authorization') });
    return original(input, init);
  };
  return { seen, restore: () => (window.fetch = original) };
}

const COMBOS = [
  { locale: 'zh-CN', theme: 'light' },
  { locale: 'zh-CN', theme: 'dark' },
  { locale: 'en', theme: 'light' },
  { locale: 'en', theme: 'dark' },
] as const;

describe('<cb-certificate-verify>', () => {
  afterEach(clearFaults);

  it('looks up the number attribute at once: valid, holder masked, no token sent', async () => {
    const requests = watchRequests();
    try {
      const events: CertificateVerifiedDetail[] = [];
      const el = await fixture<CbCertificateVerify>(
        html`<cb-certificate-verify
          base-url=${env.baseUrl}
          number="WEB-2025-000001"
          @cb-certificate-verified=${(e: CustomEvent<CertificateVerifiedDetail>) =>
            events.push(e.detail)}
        ></cb-certificate-verify>`,
      );
      await found(el);
      expect(result(el)?.dataset.status).to.equal('valid');
      expect(statusText(el)).to.equal('有效');
      const holder = part(el, 'holder')?.textContent?.trim() ?? '';
      const fullName = env.fixtures.find((f) => f.id === 'trn-0001')?.displayName as string;
      expect(fullName).to.equal('陈思远');
      expect(holder).to.equal('陈*远');
      expect(text(el)).to.not.contain(fullName);
      expect(text(el)).to.contain('Web 前端开发');
      expect(text(el)).to.contain('中级');
      expect(text(el)).to.contain('1+X 职业技能等级');
      expect(text(el)).to.contain('发证日期');
      expect(text(el)).to.contain('2025年6月20日');
      expect(text(el)).to.contain('长期有效');
      expect(input(el).value).to.equal('WEB-2025-000001');
      expect(events).to.have.length(1);
      expect(events[0]?.number).to.equal('WEB-2025-000001');
      expect(events[0]?.result?.status).to.equal('valid');
      expect(events[0]?.result?.holder).to.equal('陈*远');
      expect(requests.seen).to.have.length(1);
      expect(requests.seen[0]?.authorization).to.equal(null);
      await expect(el).to.be.accessible();
    } finally {
      requests.restore();
    }
  });

  it('shows a revoked certificate as revoked', async () => {
    const el = await mount({ number: 'LGO-2023-000003' });
    await found(el);
    expect(result(el)?.dataset.status).to.equal('revoked');
    expect(statusText(el)).to.equal('已撤销');
    expect(text(el)).to.contain('该证书已被撤销');
    expect(part(el, 'holder')?.textContent?.trim()).to.equal('林*桐');
    await expect(el).to.be.accessible();
  });

  it('shows expired and pending certificates with their dates', async () => {
    const el = await mount({ number: 'ELEC-2016-000008' });
    await found(el);
    expect(result(el)?.dataset.status).to.equal('expired');
    expect(statusText(el)).to.equal('已过期');
    expect(text(el)).to.contain('有效期至');
    expect(text(el)).to.contain('2022年3月10日');
    // the level as the catalog names it (五级/初级工), not the built-in 五级
    expect(text(el)).to.contain('五级/初级工');
    el.locale = 'en';
    await el.updateComplete;
    expect(text(el)).to.contain('Level 5 (junior worker)');
    el.locale = 'zh-CN';
    await expect(el).to.be.accessible();
    el.number = 'BIM-2026-000004';
    await until(() => result(el)?.dataset.status === 'pending', 'the pending certificate');
    expect(statusText(el)).to.equal('待核验');
    await expect(el).to.be.accessible();
  });

  it('shows an unknown number as not found, distinct from an error', async () => {
    const events: CertificateVerifiedDetail[] = [];
    const el = await mount();
    el.addEventListener('cb-certificate-verified', (e) => events.push(e.detail));
    el.number = 'NOPE-2099-999999';
    await until(() => !!part(el, 'not-found'), 'the not-found state');
    expect(text(el)).to.contain('未找到该证书编号');
    expect(text(el)).to.contain('NOPE-2099-999999');
    expect(part(el, 'error')).to.equal(null);
    expect(result(el)).to.equal(null);
    expect(events).to.deep.equal([{ number: 'NOPE-2099-999999', result: null }]);
    await expect(el).to.be.accessible();
  });

  it('validates an empty or too long input with a message tied by aria-describedby', async () => {
    const requests = watchRequests();
    try {
      const el = await mount();
      (part(el, 'submit') as HTMLButtonElement).click();
      await el.updateComplete;
      const message = part(el, 'field-error') as HTMLElement;
      expect(message.textContent?.trim()).to.equal('请输入证书编号');
      expect(input(el).getAttribute('aria-invalid')).to.equal('true');
      expect(input(el).getAttribute('aria-describedby')?.split(' ')).to.include(message.id);
      expect(shadow(el).activeElement).to.equal(input(el));
      await expect(el).to.be.accessible();

      input(el).value = 'X'.repeat(65);
      input(el).dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(part(el, 'field-error')).to.equal(null);
      expect(input(el).getAttribute('aria-invalid')).to.equal('false');
      (part(el, 'submit') as HTMLButtonElement).click();
      await el.updateComplete;
      expect(part(el, 'field-error')?.textContent).to.contain('不能超过 64 个字符');
      expect(requests.seen).to.have.length(0);
      await expect(el).to.be.accessible();
    } finally {
      requests.restore();
    }
  });

  it('a refused number leaves no earlier answer beside its message; lower case is found', async () => {
    const el = await mount({ number: 'WEB-2025-000001' });
    await found(el);
    input(el).value = '';
    input(el).dispatchEvent(new Event('input'));
    (part(el, 'submit') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(part(el, 'field-error')).to.not.equal(null);
    expect(result(el)).to.equal(null);
    input(el).value = ' web-2025-000001 ';
    input(el).dispatchEvent(new Event('input'));
    (part(el, 'submit') as HTMLButtonElement).click();
    await found(el);
    expect(result(el)?.dataset.status).to.equal('valid');
    expect(text(el)).to.contain('WEB-2025-000001');
    await expect(el).to.be.accessible();
  });

  it('works from the keyboard: type, Enter, Tab to the button, Enter again', async () => {
    const requests = watchRequests();
    try {
      const el = await mount();
      input(el).focus();
      expect(shadow(el).activeElement).to.equal(input(el));
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(part(el, 'field-error')?.textContent).to.contain('请输入证书编号');
      expect(shadow(el).activeElement).to.equal(input(el));

      await sendKeys({ type: 'WEB-2025-000001' });
      expect(shadow(el).activeElement).to.equal(input(el));
      expect(input(el).value).to.equal('WEB-2025-000001');
      expect(part(el, 'field-error')).to.equal(null);
      await sendKeys({ press: 'Enter' });
      await found(el);
      expect(statusText(el)).to.equal('有效');
      expect(requests.seen).to.have.length(1);

      await sendKeys({ press: 'Tab' });
      expect(shadow(el).activeElement).to.equal(part(el, 'submit'));
      await sendKeys({ press: 'Enter' });
      await until(() => requests.seen.length === 2, 'a second lookup');
      await found(el);

      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expect(shadow(el).activeElement).to.equal(input(el));
      for (let i = 0; i < 'WEB-2025-000001'.length; i++) await sendKeys({ press: 'Backspace' });
      await sendKeys({ type: 'LGO-2023-000003' });
      await sendKeys({ press: 'Enter' });
      await until(() => result(el)?.dataset.status === 'revoked', 'the revoked certificate');
    } finally {
      requests.restore();
    }
  });

  for (const { locale, theme } of COMBOS) {
    const en = locale === 'en';
    const expectedBg = theme === 'dark' ? 'rgb(20, 20, 20)' : 'rgb(255, 255, 255)';

    it(`result, not-found and validation states in ${locale}, ${theme} theme`, async () => {
      const el = await mount({ locale, theme, number: 'WEB-2025-000001' });
      await found(el);
      expect(statusText(el)).to.equal(en ? 'Valid' : '有效');
      expect(text(el)).to.contain(en ? 'Certificate verification' : '证书查验');
      expect(text(el)).to.contain(en ? 'Holder' : '持证人');
      expect(text(el)).to.contain(en ? 'Intermediate' : '中级');
      expect(part(el, 'base')?.getAttribute('lang')).to.equal(locale);
      expect(background(el, 'base')).to.equal(expectedBg);
      expect(background(el, 'result')).to.equal(expectedBg);
      await expect(el).to.be.accessible();

      el.number = 'UNKNOWN-1';
      await until(() => !!part(el, 'not-found'), 'the not-found state');
      expect(text(el)).to.contain(en ? 'No certificate with this number' : '未找到该证书编号');
      await expect(el).to.be.accessible();

      input(el).value = '';
      input(el).dispatchEvent(new Event('input'));
      (part(el, 'submit') as HTMLButtonElement).click();
      await el.updateComplete;
      expect(part(el, 'field-error')?.textContent?.trim()).to.equal(
        en ? 'Enter a certificate number' : '请输入证书编号',
      );
      await expect(el).to.be.accessible();
    });

    it(`loading state in ${locale}, ${theme} theme`, async () => {
      await fault({ route: 'GET /v1/verify/*', delayMs: 1500, times: 1 });
      const el = await mount({ locale, theme, number: 'WEB-2025-000001' });
      const skeleton = () => part(el, 'loading');
      await until(() => !!skeleton(), 'the skeleton');
      expect(skeleton()?.getAttribute('aria-busy')).to.equal('true');
      expect(text(el)).to.contain(en ? 'Loading' : '加载中');
      expect(getComputedStyle(el).colorScheme).to.equal(theme);
      await expect(el).to.be.accessible();
      await found(el);
    });

    it(`error state with a working retry in ${locale}, ${theme} theme`, async () => {
      await fault({ route: 'GET /v1/verify/*', status: 500, times: 1 });
      const el = await mount({ locale, theme, number: 'WEB-2025-000001' });
      await until(() => !!part(el, 'error'), 'the error state');
      expect(text(el)).to.contain(
        en ? 'Certificate verification: could not load' : '证书查验加载失败',
      );
      expect(part(el, 'not-found')).to.equal(null);
      expect(background(el, 'error')).to.equal(expectedBg);
      await expect(el).to.be.accessible();
      (part(el, 'retry') as HTMLButtonElement).click();
      await found(el);
      expect(result(el)?.dataset.status).to.equal('valid');
    });
  }

  it('works inside a provider and takes its locale and theme', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<cb-provider
        base-url=${env.baseUrl}
        token=${env.tokens.training.staff}
        locale="en"
        theme="dark"
      >
        <cb-certificate-verify number="LGO-2023-000003"></cb-certificate-verify>
      </cb-provider>`,
    );
    const el = wrapper.querySelector('cb-certificate-verify') as CbCertificateVerify;
    await found(el);
    expect(statusText(el)).to.equal('Revoked');
    expect(text(el)).to.contain('This certificate has been revoked');
    expect(el.dataset.cbTheme).to.equal('dark');
    expect(background(el, 'result')).to.equal('rgb(20, 20, 20)');
    await expect(el).to.be.accessible();
  });

  it('refuses bad attributes with an error state and a warning naming each', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const long = await mount({ number: 'A'.repeat(80) });
      expect(part(long, 'error')).to.not.equal(null);
      expect(text(long)).to.contain('number');
      expect(warnings.join('\n')).to.contain('<cb-certificate-verify> number');
      await expect(long).to.be.accessible();

      const theme = await mount({ theme: 'neon' });
      expect(text(theme)).to.contain('theme');
      expect(warnings.join('\n')).to.contain('<cb-certificate-verify> theme');

      const none = await fixture<CbCertificateVerify>(
        html`<cb-certificate-verify></cb-certificate-verify>`,
      );
      expect(part(none, 'error')).to.not.equal(null);
      expect(text(none)).to.contain('base-url');
      await expect(none).to.be.accessible();
    } finally {
      console.warn = warn;
    }
  });
});
