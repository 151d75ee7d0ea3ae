import react from '@vitejs/plugin-react';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = path.resolve(__dirname);
const api = process.env.API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: path.resolve(root, '../../dist/web'),
    emptyOutDir: true,
    manifest: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: { main: path.resolve(root, 'index.html'), graphiql: path.resolve(root, 'graphiql.html') },
    },
  },
  server: {
    port: Number(process.env.WEB_PORT ?? 5173),
    proxy: {
      '/graphql': { target: api, ws: true, changeOrigin: true },
      '/health': { target: api },
      '/attachments': { target: api },
    },
  },
  test: {
    root,
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'node',
  },
});
