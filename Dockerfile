# Cổng thông tin: the app image. It runs the way `npm start` does, with our server
# (scripts/server.mjs: the page-view fast path, client addresses, graceful stop): migrations are
# applied on start under a PostgreSQL advisory lock, so several instances starting together
# migrate once; demo content is not loaded (SEED_DEMO=false).

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --include=dev
COPY . .
RUN mkdir -p public && npx next build

FROM node:20-bookworm-slim AS run
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOST=0.0.0.0 \
    SEED_DEMO=false MEDIA_DIR=/app/media JOBS_AUTORUN=true
# pg_dump/pg_restore for `npm run backup` / `restore` on PostgreSQL (15, as docker-compose's server)
RUN apt-get update && apt-get install -y --no-install-recommends postgresql-client \
 && rm -rf /var/lib/apt/lists/*
RUN groupadd --system portal && useradd --system --gid portal --home /app portal \
 && mkdir -p /app/media /app/data /app/backups && chown portal:portal /app/media /app/data /app/backups
# The payload CLI (migrations) loads the TypeScript config: the image keeps the sources and
# node_modules next to the build.
COPY --from=build --chown=portal:portal /app ./
USER portal
EXPOSE 3000
VOLUME ["/app/media", "/app/data", "/app/backups"]
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "scripts/start.mjs"]
