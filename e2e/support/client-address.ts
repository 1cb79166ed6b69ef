import { randomInt } from 'node:crypto';

/**
 * A private address (10.x.y.z) for one client: one test's customer, or a test's other browser. Sent as
 * x-forwarded-for, which the test server trusts from loopback as the proxy in front of Caisse would give it,
 * so per-client limits (card attempts, code guesses) count per test and not for the whole suite.
 */
export const randomClientAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
