# syntax=docker/dockerfile:1
# Multi-stage: compile with dev dependencies, run with production ones only.

FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
# The whole tree (less .dockerignore): the build's scripts read the explorer's documents, the
# examples of docs/api and data/ to render the trusted-document manifest.
COPY . .
RUN npm run build && npm run build:web

FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./web/dist
COPY --from=build /app/trusted-documents.json ./
COPY data ./data
COPY cypher ./cypher
USER node
EXPOSE 4000
CMD ["node", "dist/src/main.js"]
