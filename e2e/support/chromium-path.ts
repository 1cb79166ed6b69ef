import { existsSync } from 'node:fs';

/** The Chromium the browser suite and the bench drive: CHROMIUM_PATH, else Debian's, else Playwright's own (undefined). */
export const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
