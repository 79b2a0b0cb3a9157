import { defineConfig } from 'astro/config';
import { readdirSync, writeFileSync } from 'node:fs';
import mdx from '@astrojs/mdx';
import { headersFile } from './src/site/security.ts';
import { DEFAULT_SITE_URL } from './src/config.ts';
import { siteData } from './src/data/site-data.ts';

export default defineConfig({
  // The public origin, used in embed codes and citations; set SITE_URL when deploying.
  site: process.env.SITE_URL || DEFAULT_SITE_URL,
  output: 'static',
  integrations: [
    mdx(),
    {
      name: 'site-data-and-headers',
      hooks: {
        // Load and validate all the data before anything is built, so bad input stops the build with nothing written.
        'astro:build:start': () => void siteData(),
        // One rule per top-level folder or file of the build, so every path gets one complete header set.
        'astro:build:done': ({ dir }) => {
          const entries = readdirSync(dir, { withFileTypes: true }).map((d) => (d.isDirectory() ? `${d.name}/` : d.name));
          writeFileSync(new URL('_headers', dir), headersFile(entries));
        },
      },
    },
  ],
  build: { inlineStylesheets: 'never' },
  // Scripts and styles stay files (never inlined), so pages can run under a strict Content-Security-Policy.
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
});
