import { existsSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startStaticServer } from '../../scripts/static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const root = path.resolve('dist');
  if (!existsSync(path.join(root, 'index.html'))) throw new Error('No built site in dist/: run `npm run build` first.');
  const site = await startStaticServer(root);
  project.provide('baseUrl', site.url);
  return () => site.close();
}
