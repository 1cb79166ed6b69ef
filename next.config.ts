import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const config: NextConfig = {
  // PGlite loads its WASM and data files from its own package directory, and
  // postgres.js keeps sockets: both must stay real Node modules, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres'],
  poweredByHeader: false,
  // Lets parallel builds (a second work tree, a benchmark) keep their own output.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  // The app's own sources; tests and scripts are checked by `npm run typecheck`.
  typescript: { ignoreBuildErrors: false, tsconfigPath: 'tsconfig.build.json' },
  async headers() {
    // The dashboard may frame only itself (the branding preview); nobody else may frame it (clickjacking).
    return [
      {
        source: '/dashboard/:path*',
        headers: [
          { key: 'Content-Security-Policy', value: "frame-ancestors 'self'" },
          { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'Cache-Control', value: 'private, no-store' },
        ],
      },
    ];
  },
};

export default createNextIntlPlugin('./i18n/request.ts')(config);
