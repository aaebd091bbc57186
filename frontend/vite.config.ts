/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const backend = process.env.MILEPOST_BACKEND_URL ?? 'http://localhost:8080';
const proxied = { target: backend, changeOrigin: false, xfwd: true };

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    port: 5173,
    // One origin in development too: the session cookie of the backend is sent with every API call.
    proxy: { '/api': proxied, '/auth': proxied, '/q': proxied },
  },
  build: {
    target: 'es2022',
    sourcemap: true,
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/testing/setup-tests.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    // Component tests with drag and drop take a few seconds on a busy shared machine.
    testTimeout: 20_000,
    // Node's fetch needs absolute URLs; the browser resolves "/api" against the page.
    env: { VITE_API_BASE_URL: 'http://localhost' },
  },
});
