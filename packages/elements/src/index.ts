/**
 * @creditbank/elements — the credit-bank web components. Importing this module registers
 * nothing: import a define file (`@creditbank/elements/credit-balance/credit-balance.js`) or
 * `@creditbank/elements/all.js`, or register the classes under your own tags with `define`.
 */
export { CbProvider } from './provider/provider.component.js';
export { CbCreditBalance } from './credit-balance/credit-balance.component.js';
export { CbCertificatePicker } from './certificate-picker/certificate-picker.component.js';
export { CbTransferCalculator } from './transfer-calculator/transfer-calculator.component.js';
export { CbCourseBrowser } from './course-browser/course-browser.component.js';
export {
  CbLearningRecord,
  recordStatus,
  RECORD_KINDS,
  RECORD_STATUSES,
} from './learning-record/learning-record.component.js';
export {
  CbCertificateVerify,
  MAX_NUMBER_LENGTH,
} from './certificate-verify/certificate-verify.component.js';
export { CbElement } from './shared/base.js';
export { define } from './shared/define.js';
export { cbContext } from './shared/context.js';
export { themeStyles } from './shared/theme.js';
export { LOCALES, parseLocale } from './shared/i18n.js';
export type { CbContextValue, Theme } from './shared/context.js';
export type { ConfigIssue } from './shared/base.js';
export type { Locale } from './shared/i18n.js';
export type { LedgerChangedDetail } from './credit-balance/credit-balance.component.js';
export type {
  CertificateSelection,
  CertificatesChangedDetail,
} from './certificate-picker/certificate-picker.component.js';
export type {
  TransferCalculatedDetail,
  WhatIfOutcome,
} from './transfer-calculator/transfer-calculator.component.js';
export type {
  CourseBrowserQuery,
  CourseSelectDetail,
  QueryChangeDetail,
} from './course-browser/course-browser.component.js';
export type {
  OutcomeSelectDetail,
  RecordKind,
  RecordStatus,
} from './learning-record/learning-record.component.js';
export type { CertificateVerifiedDetail } from './certificate-verify/certificate-verify.component.js';
