import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  site: 'https://values-in-the-wild.example',
  output: 'static',
  integrations: [mdx()],
  build: { inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
});
