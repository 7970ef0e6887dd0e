/** Registers `<cb-transfer-calculator>`. */
import type { TransferResult } from '@creditbank/core/api';
import type { LedgerChangedDetail } from '../credit-balance/credit-balance.component.js';
import { define } from '../shared/define.js';
import {
  CbTransferCalculator,
  type TransferCalculatedDetail,
} from './transfer-calculator.component.js';

define('cb-transfer-calculator', CbTransferCalculator);

export { CbTransferCalculator };

declare global {
  interface HTMLElementTagNameMap {
    'cb-transfer-calculator': CbTransferCalculator;
  }
  interface GlobalEventHandlersEventMap {
    'cb-transfer-calculated': CustomEvent<TransferCalculatedDetail>;
    'cb-transfer-applied': CustomEvent<TransferResult>;
    'cb-ledger-changed': CustomEvent<LedgerChangedDetail>;
  }
}
