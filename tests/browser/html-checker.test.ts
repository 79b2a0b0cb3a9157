import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageKindsIn } from '../../scripts/page-kinds.ts';
import { CHARTS } from '../../src/charts/lib/registry.ts';

/**
 * The Nu HTML Checker (vnu.jar, from npm; it runs on Java, which .ci/run installs if absent) over the built pages: one
 * of every kind, and every chart's page, embed, handout and teacher's page. Errors only: its warnings are advice.
 */
const vnuJar = String(createRequire(import.meta.url)('vnu-jar'));

/**
 * What the checker's CSS validator (which reads the stylesheet the report and the embeds carry inline) does not know yet:
 * size container queries, CSS Containment Level 3, in every current browser. Only these messages are set aside.
 */
const UNKNOWN_TO_THE_CHECKER = [/^CSS: Unrecognized at-rule “@container”/, /^CSS: “container-type”: Property “container-type” doesn't exist\./];

interface VnuMessage { type: string; url?: string; lastLine?: number; lastColumn?: number; message: string; extract?: string }

function pagesToCheck(): string[] {
  const kinds = Object.values(pageKindsIn('dist'));
  const perChart = CHARTS.map((c) => c.id).flatMap((id) => [`/embed/${id}/`, `/charts/${id}/`, `/charts/${id}/handout/`, `/charts/${id}/teach/`]);
  return [...new Set([...kinds, ...perChart, '/404.html'])].map((p) => path.join('dist', p.endsWith('.html') ? p : `${p}index.html`));
}

describe('the Nu HTML Checker', () => {
  it('finds no errors on any kind of page', () => {
    const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
    expect(java.error, 'Java is needed to run the Nu HTML Checker (.ci/run installs default-jre-headless)').toBeUndefined();
    const files = pagesToCheck();
    for (const file of files) expect(existsSync(file), file).toBe(true);
    let output: string;
    try {
      output = execFileSync('java', ['-jar', vnuJar, '--errors-only', '--format', 'json', '--stdout', '--exit-zero-always', ...files], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        maxBuffer: 64 * 1024 * 1024,
      });
    } catch (error) {
      throw new Error(`vnu.jar did not run: ${(error as Error).message}`);
    }
    const messages: VnuMessage[] = JSON.parse(output || '{"messages":[]}').messages;
    const errors = messages
      .filter((m) => m.type === 'error' || m.type === 'non-document-error')
      .filter((m) => !UNKNOWN_TO_THE_CHECKER.some((known) => known.test(m.message)))
      .map((m) => `${m.url?.replace(/^.*\/dist\//, '/')}:${m.lastLine}:${m.lastColumn} ${m.message} [${m.extract ?? ''}]`);
    expect(files.length).toBeGreaterThan(50);
    expect(errors).toEqual([]);
  }, 120_000);
});
