import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { FONT_DIR_ENV, fontDirs } from '../config.ts';

/**
 * SVG to PNG at build time, without a browser: resvg draws the text with font files it is given, so the images look
 * the same on every machine that has them. DejaVu Sans is the font the charts' label widths are estimated for.
 */
const FONT_FAMILY = 'DejaVu Sans';
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'];

function findFile(dir: string, name: string): string | undefined {
  if (!existsSync(dir)) return undefined;
  const found = readdirSync(dir, { recursive: true, encoding: 'utf8' }).find((entry) => path.basename(entry) === name);
  return found && path.join(dir, found);
}

/** The DejaVu Sans files (regular, bold) in the first of `dirs` that has the regular one; throws, saying how to fix it, if none does. */
export function findFonts(dirs: string[] = fontDirs(process.env)): string[] {
  for (const dir of dirs) {
    const regular = findFile(dir, FONT_FILES[0]!);
    if (regular) return FONT_FILES.map((name) => findFile(dir, name)).filter((file) => file !== undefined);
  }
  throw new Error(
    `The slide images are drawn in ${FONT_FAMILY}, and no ${FONT_FILES[0]} was found in ${dirs.join(' or ')}. ` +
      `Install it (Debian and Ubuntu: apt-get install fonts-dejavu-core) or set ${FONT_DIR_ENV} to a folder that holds it.`,
  );
}

let fonts: string[] | undefined;

/** The SVG drawn as a PNG at its own size, or scaled to `width` pixels wide. */
export function svgToPng(svg: string, width?: number): Uint8Array<ArrayBuffer> {
  fonts ??= findFonts();
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: fonts, defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
    ...(width ? { fitTo: { mode: 'width' as const, value: width } } : {}),
  });
  return new Uint8Array(resvg.render().asPng());
}
