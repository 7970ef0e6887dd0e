/** Registers `<cb-course-browser>`. */
import { define } from '../shared/define.js';
import {
  CbCourseBrowser,
  type CourseSelectDetail,
  type QueryChangeDetail,
} from './course-browser.component.js';

define('cb-course-browser', CbCourseBrowser);

export { CbCourseBrowser };

declare global {
  interface HTMLElementTagNameMap {
    'cb-course-browser': CbCourseBrowser;
  }
  interface GlobalEventHandlersEventMap {
    'cb-course-select': CustomEvent<CourseSelectDetail>;
    'cb-query-change': CustomEvent<QueryChangeDetail>;
  }
}
