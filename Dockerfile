# Production image of the RELAB server (API + web app on one port).
FROM node:22-slim AS build
WORKDIR /app
RUN npm install -g pnpm
COPY . .
RUN pnpm install --frozen-lockfile && pnpm build && pnpm --filter @relab/server deploy --prod /out

FROM node:22-slim
WORKDIR /app/server
ENV NODE_ENV=production PORT=3000
COPY --from=build /out /app/server
COPY --from=build /app/web/dist /app/web/dist
COPY --from=build /app/server/dist /app/server/dist
USER node
EXPOSE 3000
CMD ["node", "dist/main.js"]
