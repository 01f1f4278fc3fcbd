# syntax=docker/dockerfile:1.7
# One image for every service of the suite (and the migration tool). The container picks its service from
# the SERVICE variable, e.g. `docker run -e SERVICE=customers -e PORT=4001 … crm-suite`.
# Node 22 LTS, as package.json "engines" says: file-type, cookie and content-disposition (through NestJS and
# Fastify) require Node 22. Development and the tests also run on Node 20.19+, with npm warning about those three.
ARG NODE_IMAGE=node:22-bookworm-slim

# --- deps: every dependency, for the build --------------------------------------------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund

# --- prod-deps: production dependencies only, for the runtime image (runs in parallel with the build) -----
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund

# --- build: compile apps, libs and tools to dist/ ---------------------------------------------------------
# `npm run build` also type-checks the repository and checks the committed supergraph against the
# services' schemas, so an image never ships code that fails either.
FROM deps AS build
COPY . .
RUN npm run build

# --- runtime ----------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/dist ./dist
# The gateway loads the composed supergraph at start (SUPERGRAPH_PATH, relative to /app by default).
COPY --from=build /app/apps/gateway/supergraph.graphql ./apps/gateway/supergraph.graphql

# The image's `node` user, by number: Kubernetes can only verify runAsNonRoot against a numeric user.
USER 1000:1000

# Readiness of the service in this container (database and Redis reachable; for the gateway: every
# service ready). Slim images have no curl, so Node's own fetch does it. PORT is set per container.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# `exec` makes node PID 1 so it receives SIGTERM directly (Nest's shutdown hooks close the server and
# queues). Extra arguments pass through, e.g. `docker run … crm-suite --describe-env`. Other programs
# (the migration) replace the entrypoint: compose `entrypoint:`, k8s `command:`.
ENTRYPOINT ["/bin/sh", "-c", "exec node \"dist/apps/${SERVICE:?set SERVICE to the app to run, e.g. customers}/src/main.js\" \"$@\"", "--"]
