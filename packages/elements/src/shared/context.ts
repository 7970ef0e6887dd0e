/** What `<cb-provider>` gives every widget below it through `@lit/context`. */
import { createContext } from '@lit/context';
import type { BaseClient } from '@creditbank/client';
import type { Locale } from './i18n.js';

export type Theme = 'light' | 'dark' | 'auto';

export interface CbContextValue {
  /** the shared client; null while the provider has no base URL */
  readonly client: BaseClient | null;
  readonly locale: Locale;
  readonly theme: Theme;
  /** true when the provider's token may write (apply transfers) */
  readonly canWrite: boolean;
}

export const cbContext = createContext<CbContextValue>(Symbol.for('creditbank.context'));
