// Browser tests of the built widget bundles (dist/cdn, what the size budget measures).
import { wtrConfig } from './wtr.shared.mjs';

export default wtrConfig({ files: ['test/**/*.test.ts'] });
