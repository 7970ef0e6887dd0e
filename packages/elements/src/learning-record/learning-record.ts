/** Registers `<cb-learning-record>`. */
import { define } from '../shared/define.js';
import { CbLearningRecord, type OutcomeSelectDetail } from './learning-record.component.js';

define('cb-learning-record', CbLearningRecord);

export { CbLearningRecord };

declare global {
  interface HTMLElementTagNameMap {
    'cb-learning-record': CbLearningRecord;
  }
  interface GlobalEventHandlersEventMap {
    'cb-outcome-select': CustomEvent<OutcomeSelectDetail>;
  }
}
