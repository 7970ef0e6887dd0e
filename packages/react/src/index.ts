/**
 * @creditbank/react — React wrappers of the credit-bank web components, generated with
 * `@lit/react` (typed props, typed `onCb…` event callbacks). Importing registers the tags.
 * For the bare tags in JSX, add `import type {} from '@creditbank/react/jsx';`.
 */
export {
  CertificatePicker,
  CertificateVerify,
  CourseBrowser,
  CreditBalance,
  CreditBankProvider,
  LearningRecord,
  TransferCalculator,
} from './components.js';
