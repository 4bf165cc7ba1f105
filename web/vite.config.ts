import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The API server (NestJS) runs on port 3000 in development; in production it serves web/dist itself. */
const API_TARGET = 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: API_TARGET, changeOrigin: false },
      '/socket.io': { target: API_TARGET, ws: true, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      treeshake: {
        // @relab/shared is pure (constants, types and zod schemas). The web only uses its constants, so modules of it
        // whose exports are unused (the schemas) are dropped, and zod with them. Other modules keep the default.
        moduleSideEffects: (id) => (/[\\/]shared[\\/]dist[\\/]/.test(id) ? false : undefined),
      },
    },
  },
});
