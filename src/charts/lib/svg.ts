export const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element with attributes and optional text, for the charts drawn by hand (Plot has no flow or arc mark). */
export function svgElement(document: Document, name: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const node = document.createElementNS(SVG_NS, name) as SVGElement;
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}
