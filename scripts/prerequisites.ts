import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { engineMissing, onPath } from './browser.ts';

/**
 * What `npm test` needs from the machine beyond npm, checked before it starts so that a fresh machine stops at once
 * with one message naming the Debian packages to install, rather than deep in a test. Firefox and WebKit (the
 * cross-browser suite) are required where CI is set; elsewhere that suite skips an engine that is missing.
 */
export interface Prerequisite {
  /** The Debian package that provides it. */
  pkg: string;
  /** What needs it, for the message. */
  purpose: string;
  present: boolean;
}

/** Whether PHP says yes to a test of its extensions (checked only where PHP is there, which php-cli reports). */
const phpHas = (test: string) => spawnSync('php', ['-r', `exit(${test} ? 0 : 1);`], { stdio: 'ignore' }).status === 0;

export function prerequisites(env: NodeJS.ProcessEnv = process.env): Prerequisite[] {
  const php = onPath('php', env);
  const purifier = env.VITW_HTMLPURIFIER_LIB ? existsSync(env.VITW_HTMLPURIFIER_LIB) : existsSync('/usr/share/php/HTMLPurifier.auto.php');
  const list: Prerequisite[] = [
    { pkg: 'chromium', purpose: 'the browser tests (or set CHROMIUM_PATH)', present: engineMissing('chromium', env) === null },
    { pkg: 'default-jre-headless', purpose: 'the Nu HTML Checker (Java 11 or later)', present: onPath('java', env) },
    { pkg: 'php-cli', purpose: 'the Moodle filter tests (PHP)', present: php },
    { pkg: 'php-htmlpurifier', purpose: 'the Moodle filter tests (or set VITW_HTMLPURIFIER_LIB)', present: purifier },
    { pkg: 'php-xml', purpose: 'HTML Purifier (PHP DOM)', present: !php || phpHas('class_exists("DOMDocument")') },
    { pkg: 'php-mbstring', purpose: 'HTML Purifier (multibyte strings)', present: !php || phpHas('function_exists("mb_strlen")') },
    { pkg: 'unzip', purpose: 'the course pack test (Info-ZIP unzip -t)', present: onPath('unzip', env) },
  ];
  if (env.CI) {
    for (const engine of ['firefox', 'webkit'] as const) {
      const missing = engineMissing(engine, env);
      list.push({ pkg: missing ?? engine, purpose: `the cross-browser suite (${engine === 'firefox' ? 'Firefox ESR' : 'WebKit under Xvfb'})`, present: missing === null });
    }
  }
  return list;
}

/** One message for everything missing, with the command that installs it; null when nothing is. */
export function missingMessage(list: Prerequisite[]): string | null {
  const missing = list.filter((p) => !p.present);
  if (missing.length === 0) return null;
  const packages = [...new Set(missing.map((p) => p.pkg))];
  return (
    `npm test needs ${packages.length === 1 ? 'a package' : 'packages'} this machine lacks:\n` +
    missing.map((p) => `  ${p.pkg}: for ${p.purpose}`).join('\n') +
    `\nInstall (Debian, Ubuntu):\n  sudo apt-get install ${packages.join(' ')}\n`
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const message = missingMessage(prerequisites());
  if (message) {
    process.stderr.write(message);
    process.exit(1);
  }
}
