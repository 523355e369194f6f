import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The API for `npm run dev -w @peduli/web`: the dev server forwards API calls there, so the browser sees one origin
// (the refresh cookie is SameSite=Strict) exactly as when the API serves the built app.
const API_URL = process.env.PEDULI_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      // The workspace packages are built as CommonJS for Node; the browser bundle takes their TypeScript sources.
      '@peduli/api-client': source('../../packages/api-client/src/index.ts'),
      '@peduli/domain/time-zones': source('../../packages/domain/src/time-zones.ts'),
      '@peduli/domain/documents': source('../../packages/domain/src/documents.ts'),
    },
  },
  server: {
    proxy: { '/api': API_URL, '/health': API_URL },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Hashed file names under assets/: the API serves them with a year-long immutable cache.
    assetsDir: 'assets',
  },
});
