import type { EmbedHeight } from './contract.ts';

/** The width (px) a chart is drawn at in an embed in a 360 px host: less the host's margins (16) and the embed's (24). */
const NARROW_DRAWING_WIDTH = 320;

/**
 * Frame heights for a chart whose drawing grows with its options (more bars): what surrounds the drawing in the embed
 * (measured at the default options) plus the drawing itself, scaled down to the narrow host's width.
 */
export function embedHeightAround(around: EmbedHeight, drawing: { width: number; height: number }): EmbedHeight {
  const scale = Math.min(1, NARROW_DRAWING_WIDTH / drawing.width);
  return { narrow: Math.ceil(around.narrow + scale * drawing.height), wide: Math.ceil(around.wide + drawing.height) };
}
