import { inject } from 'vitest';

// The server the global setup started (or npm test's), where e2e/support/merchant.ts reads it.
process.env.CAISSE_TEST_URL ??= inject('caisseUrl');
process.env.CAISSE_TEST_OPERATOR_KEY ??= inject('caisseOperatorKey');
