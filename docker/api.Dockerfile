# syntax=docker/dockerfile:1
# hookrelay admin API (NestJS) with the admin console it serves at /. Build from the repository root:
#   docker build -f docker/api.Dockerfile -t hookrelay-api .
# Node 22 LTS; the code also runs on 20.19+ and 24.
ARG NODE_VERSION=22-bookworm-slim

# 1. The workspace pruned to @hookrelay/api and the packages it depends on; for the build, the console too
#    (static files only at run time, so its packages stay out of the runtime's node_modules).
FROM node:${NODE_VERSION} AS prune
WORKDIR /repo
RUN npm install --global --no-audit --no-fund turbo@2.11.11
COPY . .
RUN turbo prune @hookrelay/api --docker --out-dir /pruned \
 && turbo prune @hookrelay/api @hookrelay/console --docker --out-dir /pruned-with-console

# 2. Build with the same commands as CI (.ci/run): npm ci, then turbo run build.
FROM node:${NODE_VERSION} AS build
WORKDIR /repo
RUN npm install --global --no-audit --no-fund npm@11.19.1
# Manifests first, so the dependency layer is cached until a package.json or the lockfile changes.
COPY --from=prune /pruned-with-console/json/ ./
RUN npm ci --no-audit --no-fund
COPY --from=prune /pruned-with-console/full/ ./
# turbo prune copies workspaces only; every tsconfig extends this root file.
COPY tsconfig.base.json ./
RUN npx turbo run build --filter=@hookrelay/api --filter=@hookrelay/console

# 3. Production dependencies only: no dev tools, no embedded PostgreSQL binaries (optional, for npm start).
FROM node:${NODE_VERSION} AS production-deps
WORKDIR /repo
RUN npm install --global --no-audit --no-fund npm@11.19.1
COPY --from=prune /pruned/json/ ./
RUN npm ci --omit=dev --omit=optional --ignore-scripts --no-audit --no-fund

# 4. Runtime: node_modules, manifests and compiled output, as the unprivileged `node` user.
FROM node:${NODE_VERSION} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=production-deps --chown=root:root /repo/ ./
COPY --from=build --chown=root:root /repo/apps/api/dist apps/api/dist
COPY --from=build --chown=root:root /repo/packages/core/dist packages/core/dist
COPY --from=build --chown=root:root /repo/packages/db/dist packages/db/dist
COPY --from=build --chown=root:root /repo/packages/targets/dist packages/targets/dist
# found beside the API (apps/api/src/console/static/console-dir.ts); HOOKRELAY_CONSOLE_DIR may point elsewhere
COPY --from=build --chown=root:root /repo/apps/console/dist apps/console/dist
USER node
ENV PORT=3000
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "apps/api/dist/main.js"]
