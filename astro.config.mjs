import { defineConfig } from 'astro/config';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import mdx from '@astrojs/mdx';
import { headersFile } from './src/site/security.ts';
import { inlineEntryAssets } from './src/site/inline-assets.ts';
import { precompress, precompressWanted } from './src/site/precompress.ts';
import { checkBuild, publishBuild, recoverOutput, stagingDir, topLevelEntries } from './src/site/build-output.ts';
import { DEFAULT_SITE_URL } from './src/config.ts';
import { paletteCss } from './src/charts/lib/chart-colors.ts';
import { siteModel } from './src/data/model.ts';
import { DataValidationError } from './src/data/types.ts';

/** Where this build will end up (dist/, or --outDir), and the staging folder it is written into until it succeeds. */
let finalDir;
let staging;

export default defineConfig({
  // The public origin, used in embed codes and citations; set SITE_URL when deploying.
  site: process.env.SITE_URL || DEFAULT_SITE_URL,
  output: 'static',
  integrations: [
    mdx(),
    {
      name: 'site-data-and-headers',
      hooks: {
        // Build into a staging folder beside the output folder; it replaces the output only when everything succeeded
        // (see src/site/build-output.ts), so a failed build never leaves a half-written site.
        'astro:config:setup': ({ config, command, updateConfig }) => {
          if (command !== 'build') return;
          finalDir = fileURLToPath(config.outDir).replace(/[\\/]+$/, '');
          staging = stagingDir(finalDir);
          const restored = recoverOutput(finalDir);
          if (restored) console.warn(`A build that died while swapping its output had left ${finalDir} aside; it is back in place (from ${restored}).`);
          updateConfig({ outDir: pathToFileURL(`${staging}${path.sep}`) });
          process.once('exit', () => rmSync(staging, { recursive: true, force: true }));
        },
        // Load and validate all the data before anything is built, so bad input stops the build with nothing written.
        // Its problems name the file, line and column; a stack trace would only point into our own code.
        'astro:build:start': () => {
          try {
            siteModel();
          } catch (error) {
            if (error instanceof DataValidationError) error.stack = error.message;
            throw error;
          }
        },
        'astro:build:done': async ({ dir, logger }) => {
          const out = fileURLToPath(dir);
          const inline = inlineEntryAssets(out);
          // After the inlining (which rewrites pages) and before _headers (which has a rule for each top-level file).
          if (precompressWanted()) {
            const { files } = await precompress(out);
            logger.info(`Precompressed: ${files} .br and .gz files (VITW_PRECOMPRESS=0 leaves them out)`);
          }
          writeFileSync(path.join(out, '_headers'), headersFile(topLevelEntries(out), inline));
          const missing = checkBuild(out);
          if (missing.length) {
            throw new Error(`The build is incomplete, so ${finalDir} was left as it was. Missing:\n  ${missing.slice(0, 20).join('\n  ')}`);
          }
          if (finalDir) {
            publishBuild(out, finalDir);
            logger.info(`Checked and moved into place: ${finalDir}`);
          }
        },
      },
    },
  ],
  // Scripts and styles stay files, so pages can run under a strict Content-Security-Policy. The report and the embeds
  // get their stylesheets and classic scripts written in after the build, allowed by hash (src/site/inline-assets.ts).
  build: { inlineStylesheets: 'never' },
  vite: {
    build: { assetsInlineLimit: 0 },
    // The chart colours' dark-mode swaps, written from the palette (src/charts/lib/chart-colors.ts), imported with the site's stylesheet (Head.astro).
    plugins: [
      {
        name: 'palette-css',
        resolveId: (id) => (id === 'virtual:palette.css' ? '\0virtual:palette.css' : undefined),
        load: (id) => (id === '\0virtual:palette.css' ? paletteCss() : undefined),
      },
    ],
  },
  devToolbar: { enabled: false },
});
