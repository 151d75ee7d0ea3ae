# syntax=docker/dockerfile:1
# One image for every process of the forum: the GraphQL API (default command), the search worker
# (node dist/apps/worker/src/main.js) and the admin CLI (node dist/apps/cli/src/main.js <command>).

FROM node:20-bookworm-slim AS build
WORKDIR /app
# Manifests first: editing the sources does not invalidate the dependency layer.
# scripts/ is needed by the postinstall hook that npm ci runs.
COPY package.json package-lock.json .npmrc ./
COPY scripts ./scripts
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json schema.gql ./
COPY apps ./apps
COPY libs ./libs
COPY migrations ./migrations
# Compile (dist/ holds the apps, the libs, the migrations and the web client in dist/web; the
# client's types are generated from schema.gql), then drop the devDependencies,
# among them the embedded Meilisearch binary: in production MEILI_URL points at a real server.
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The duplicate-detection model fetched by npm ci (empty when the fetch failed: lexical-only).
COPY --from=build /app/.data/models ./.data/models
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
