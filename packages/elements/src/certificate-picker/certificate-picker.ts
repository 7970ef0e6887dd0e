/** Registers `<cb-certificate-picker>`. */
import { define } from '../shared/define.js';
import {
  CbCertificatePicker,
  type CertificatesChangedDetail,
} from './certificate-picker.component.js';

define('cb-certificate-picker', CbCertificatePicker);

export { CbCertificatePicker };

declare global {
  interface HTMLElementTagNameMap {
    'cb-certificate-picker': CbCertificatePicker;
  }
  interface GlobalEventHandlersEventMap {
    'cb-certificates-changed': CustomEvent<CertificatesChangedDetail>;
  }
}
