import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Moodle's HTML filter, run for real: HTML Purifier configured as Moodle's purify_html() (tests/moodle/purify.php).
 * The library is Debian's php-htmlpurifier, copied to a temp folder with a PHP 8 syntax shim (it is 4.11, whose
 * `$s{$i}` string offsets PHP 8 no longer parses), or any HTML Purifier library folder named by VITW_HTMLPURIFIER_LIB
 * (e.g. a release's library/). Nothing of HTML Purifier is kept in this repository.
 */
export const PURIFIER_LIB_ENV = 'VITW_HTMLPURIFIER_LIB';
const DEBIAN_LIBRARY = '/usr/share/php';
/** The lines of 4.11 that PHP 8 rejects ($x{expr} string offsets), and nothing else, become $x[expr]. */
const SHIMMED_FILES = ['HTMLPurifier/Encoder.php', 'HTMLPurifier/ChildDef/Custom.php', 'HTMLPurifier/TagTransform/Font.php'];
const CURLY_OFFSET = /(\$\w+(?:\['\w+'\])?)\{(\$?\w+)\}/g;

let library: string | undefined;

/** The folder holding HTMLPurifier.auto.php: the one named by the environment, or a shimmed copy of Debian's. */
export function purifierLibrary(env: NodeJS.ProcessEnv = process.env): string {
  if (env[PURIFIER_LIB_ENV]) return env[PURIFIER_LIB_ENV];
  if (library) return library;
  const dir = mkdtempSync(path.join(tmpdir(), 'htmlpurifier-'));
  for (const entry of readdirSync(DEBIAN_LIBRARY).filter((name) => name.startsWith('HTMLPurifier'))) {
    cpSync(path.join(DEBIAN_LIBRARY, entry), path.join(dir, entry), { recursive: true });
  }
  for (const file of SHIMMED_FILES) {
    const full = path.join(dir, file);
    writeFileSync(full, readFileSync(full, 'utf8').replace(CURLY_OFFSET, '$1[$2]'));
  }
  return (library = dir);
}

/** The HTML as Moodle would store it after a teacher pastes or imports it. */
export function moodlePurify(html: string, lib = purifierLibrary()): string {
  return execFileSync('php', [path.resolve('tests/moodle/purify.php'), lib], { input: html, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}
