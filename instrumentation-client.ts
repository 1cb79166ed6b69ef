// Runs in the browser before the app hydrates.
import { config } from 'zod';

// zod probes `new Function` to decide whether to compile its parsers; under the pages' script CSP
// (no 'unsafe-eval') that probe is reported as a violation even though zod catches it. jitless skips it.
config({ jitless: true });
