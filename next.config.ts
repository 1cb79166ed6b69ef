import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const config: NextConfig = {
  // PGlite loads its WASM and data files from its own package directory, and
  // postgres.js keeps sockets: both must stay real Node modules, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres', 'prom-client', 'pino'],
  poweredByHeader: false,
  // Lets parallel builds (a second work tree, a benchmark) keep their own output.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  // The app's own sources; tests and scripts are checked by `npm run typecheck`.
  typescript: { ignoreBuildErrors: false, tsconfigPath: 'tsconfig.build.json' },
  headers() {
    // The dashboard's CSP (a script nonce per request, frame-ancestors 'self') and other security headers come from proxy.ts.
    return Promise.resolve([{ source: '/dashboard/:path*', headers: [{ key: 'Cache-Control', value: 'private, no-store' }] }]);
  },
};

export default createNextIntlPlugin({
  requestConfig: './i18n/request.ts',
  // The message files are compiled when the app is built, so the page ships no ICU parser.
  experimental: { messages: { path: './messages', format: 'json', locales: 'infer', sourceLocale: 'en', precompile: true } },
})(config);
