import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Built from the repository root (`vite build --config tab/vite.config.ts`), so paths are taken
// from this file's own location rather than the working directory.
const here = decodeURIComponent(new URL('.', import.meta.url).pathname);

/**
 * Vendor code goes into chunks named `vendor-*`, so the size of our own code (benchmark P5)
 * can be measured on its own. Higher priority claims a module first. `vendor-fluent` takes only
 * what the entry loads at once (`$initial`); whatever only the lazily loaded chart needs (d3,
 * the charts, the Fluent parts they alone use) is left to `vendor-charts`, which the plan view
 * never downloads.
 */
const VENDORS: readonly { name: string; test: RegExp; tags?: '$initial'[] }[] = [
  { name: 'vendor-react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
  { name: 'vendor-zod', test: /node_modules[\\/]zod[\\/]/ },
  { name: 'vendor-teams', test: /node_modules[\\/](@microsoft[\\/]teams-js|base64-js|debug|ms)[\\/]/ },
  { name: 'vendor-fluent', test: /node_modules[\\/]/, tags: ['$initial'] },
  { name: 'vendor-charts', test: /node_modules[\\/]/ },
];

export default defineConfig({
  root: here,
  base: '/tab/',
  plugins: [react()],
  build: {
    outDir: `${here}../dist/tab`,
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: VENDORS.map((group, index) => ({ ...group, priority: VENDORS.length - index })),
        },
      },
    },
  },
});
