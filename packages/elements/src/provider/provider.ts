/** Registers `<cb-provider>`. */
import { define } from '../shared/define.js';
import { CbProvider } from './provider.component.js';

define('cb-provider', CbProvider);

export { CbProvider };

declare global {
  interface HTMLElementTagNameMap {
    'cb-provider': CbProvider;
  }
}
