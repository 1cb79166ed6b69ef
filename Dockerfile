# syntax=docker/dockerfile:1
# Caisse's image: built with the repository's own lockfile (npm ci), run as the unprivileged `node` user by
# Caisse's own HTTP server (scripts/serve.ts: client addresses from TRUSTED_PROXIES, request ids, metrics, graceful
# stop), not Next's standalone server.js, which would bypass all four. docs/DEPLOY.md, compose.yaml.
ARG NODE_IMAGE=node:20-bookworm-slim

# Every dependency, to build.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npm run build

# What runs: production dependencies only (tsx, which runs the server's TypeScript, is one of them).
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 HOST=0.0.0.0 PORT=3000
COPY --from=prod-deps /app/node_modules ./node_modules
COPY . .
COPY --from=build /app/.next ./.next
# The embedded database and the key file live under .data when DATABASE_URL / CAISSE_SECRET_KEY are not given.
RUN mkdir -p .data && chown node:node .data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM reaches the server itself (exec form, no shell): it stops taking requests and finishes what it holds.
CMD ["node", "--import", "tsx", "scripts/serve.ts"]
