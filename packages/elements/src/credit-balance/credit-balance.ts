/** Registers `<cb-credit-balance>`. */
import { define } from '../shared/define.js';
import { CbCreditBalance, type LedgerChangedDetail } from './credit-balance.component.js';

define('cb-credit-balance', CbCreditBalance);

export { CbCreditBalance };

declare global {
  interface HTMLElementTagNameMap {
    'cb-credit-balance': CbCreditBalance;
  }
  interface GlobalEventHandlersEventMap {
    'cb-ledger-changed': CustomEvent<LedgerChangedDetail>;
  }
}
