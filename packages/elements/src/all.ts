/** Registers every credit-bank widget (the `all.js` bundle of CDN pages). */
import './provider/provider.js';
import './credit-balance/credit-balance.js';
import './certificate-picker/certificate-picker.js';
import './transfer-calculator/transfer-calculator.js';
import './course-browser/course-browser.js';
import './learning-record/learning-record.js';
import './certificate-verify/certificate-verify.js';

export * from './index.js';
