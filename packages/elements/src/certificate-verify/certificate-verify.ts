/** Registers `<cb-certificate-verify>`. */
import { define } from '../shared/define.js';
import {
  CbCertificateVerify,
  type CertificateVerifiedDetail,
} from './certificate-verify.component.js';

define('cb-certificate-verify', CbCertificateVerify);

export { CbCertificateVerify };

declare global {
  interface HTMLElementTagNameMap {
    'cb-certificate-verify': CbCertificateVerify;
  }
  interface GlobalEventHandlersEventMap {
    'cb-certificate-verified': CustomEvent<CertificateVerifiedDetail>;
  }
}
