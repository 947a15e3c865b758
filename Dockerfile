# Cổng thông tin: multi-stage image of the standalone Next.js build with Payload.
# Migrations are applied on start (Payload's prodMigrations); demo content is not loaded.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 NODE_ENV=production NEXT_OUTPUT=standalone
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN mkdir -p public && npx next build

FROM node:20-bookworm-slim AS run
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0 \
    SEED_DEMO=false MEDIA_DIR=/app/media
RUN groupadd --system portal && useradd --system --gid portal --home /app portal \
 && mkdir -p /app/media /app/data && chown portal:portal /app/media /app/data
COPY --from=build --chown=portal:portal /app/.next/standalone ./
COPY --from=build --chown=portal:portal /app/.next/static ./.next/static
COPY --from=build --chown=portal:portal /app/public ./public
# next.config points Next at this file for its page cache; standalone output does not trace it
COPY --from=build --chown=portal:portal /app/cache-handler.cjs ./cache-handler.cjs
USER portal
EXPOSE 3000
VOLUME ["/app/media", "/app/data"]
CMD ["node", "server.js"]
