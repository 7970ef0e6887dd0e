/**
 * The widgets the embed script can load, each a separate chunk fetched only when a page uses
 * it. `needs` lists widgets a widget renders inside itself (defined first, same prefix).
 */
import type { CbElement } from '@creditbank/elements';

export type WidgetName =
  | 'provider'
  | 'credit-balance'
  | 'certificate-picker'
  | 'transfer-calculator'
  | 'course-browser'
  | 'learning-record'
  | 'certificate-verify';

export interface WidgetEntry {
  load(): Promise<CustomElementConstructor>;
  needs?: readonly WidgetName[];
}

type Ctor = CustomElementConstructor & (abstract new () => CbElement | HTMLElement);

export const WIDGETS: Record<WidgetName, WidgetEntry> = {
  provider: {
    load: () =>
      import('@creditbank/elements/provider/provider.component.js').then(
        (m) => m.CbProvider as Ctor,
      ),
  },
  'credit-balance': {
    load: () =>
      import('@creditbank/elements/credit-balance/credit-balance.component.js').then(
        (m) => m.CbCreditBalance as Ctor,
      ),
  },
  'certificate-picker': {
    load: () =>
      import('@creditbank/elements/certificate-picker/certificate-picker.component.js').then(
        (m) => m.CbCertificatePicker as Ctor,
      ),
  },
  'transfer-calculator': {
    load: () =>
      import('@creditbank/elements/transfer-calculator/transfer-calculator.component.js').then(
        (m) => m.CbTransferCalculator as Ctor,
      ),
    needs: ['certificate-picker'],
  },
  'course-browser': {
    load: () =>
      import('@creditbank/elements/course-browser/course-browser.component.js').then(
        (m) => m.CbCourseBrowser as Ctor,
      ),
  },
  'learning-record': {
    load: () =>
      import('@creditbank/elements/learning-record/learning-record.component.js').then(
        (m) => m.CbLearningRecord as Ctor,
      ),
  },
  'certificate-verify': {
    load: () =>
      import('@creditbank/elements/certificate-verify/certificate-verify.component.js').then(
        (m) => m.CbCertificateVerify as Ctor,
      ),
  },
};

export const WIDGET_NAMES = Object.keys(WIDGETS) as WidgetName[];
