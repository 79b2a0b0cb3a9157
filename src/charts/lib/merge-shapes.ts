/**
 * Draw runs of identical plain shapes as one path: grid lines, axis ticks, a histogram's bars. Plot writes one element
 * per datum, and a page with fourteen charts carried hundreds of them; a path with one subpath per shape paints the
 * same pixels (the shapes of a run share every paint attribute and do not overlap). Only shapes nothing refers to are
 * merged: none with a class, id, data-* or aria-* attribute (a keyboard walk's row, a tooltip), a child or rounding.
 */

const MERGEABLE = new Set(['line', 'rect', 'path']);
const GEOMETRY: Record<string, string[]> = {
  line: ['x1', 'y1', 'x2', 'y2'],
  rect: ['x', 'y', 'width', 'height'],
  path: ['d', 'transform'],
};

export function mergeShapes(svg: Element): void {
  for (const parent of [svg, ...Array.from(svg.querySelectorAll('g'))]) {
    let run: { key: string; shapes: Element[]; subpaths: string[] } | undefined;
    const flush = () => {
      if (run && run.shapes.length > 1) replaceRun(run.shapes, run.subpaths);
      run = undefined;
    };
    for (const child of Array.from(parent.children)) {
      const subpath = subpathOf(child);
      const key = subpath === null ? null : paintKey(child);
      if (subpath === null || key === null) {
        flush();
        continue;
      }
      if (run?.key !== key) {
        flush();
        run = { key, shapes: [], subpaths: [] };
      }
      run.shapes.push(child);
      run.subpaths.push(subpath);
    }
    flush();
  }
}

/** The attributes that decide how a shape paints (everything but its geometry), or null if it must stay itself. */
function paintKey(shape: Element): string | null {
  const geometry = GEOMETRY[shape.tagName.toLowerCase()]!;
  const rest: string[] = [];
  for (const { name, value } of Array.from(shape.attributes)) {
    if (name === 'class' || name === 'id' || name === 'rx' || name === 'ry' || name.startsWith('data-') || name.startsWith('aria-')) return null;
    if (!geometry.includes(name)) rest.push(`${name}=${value}`);
  }
  return rest.sort().join('\u0000');
}

const num = (value: string | null) => (value !== null && /^-?\d*\.?\d+$/.test(value.trim()) ? Number(value) : null);
const round = (n: number) => Math.round(n * 10) / 10;

/** The shape as an absolute subpath, or null for shapes this does not handle. */
function subpathOf(shape: Element): string | null {
  const tag = shape.tagName.toLowerCase();
  if (!MERGEABLE.has(tag) || shape.children.length > 0) return null;
  if (tag === 'line') {
    const [x1, y1, x2, y2] = ['x1', 'y1', 'x2', 'y2'].map((a) => num(shape.getAttribute(a) ?? '0'));
    if ([x1, y1, x2, y2].some((n) => n === null)) return null;
    return `M${x1},${y1}L${x2},${y2}`;
  }
  if (tag === 'rect') {
    const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((a) => num(shape.getAttribute(a) ?? '0'));
    if ([x, y, w, h].some((n) => n === null) || w! < 0 || h! < 0) return null;
    return `M${x},${y}h${w}v${h}h${-w!}Z`;
  }
  return translatedPath(shape.getAttribute('d') ?? '', shape.getAttribute('transform'));
}

/** A path of absolute M/L/H/V/Z commands moved by its translate(), or null for anything else (arcs, curves, rotations). */
function translatedPath(d: string, transform: string | null): string | null {
  let dx = 0;
  let dy = 0;
  if (transform) {
    const match = /^translate\(\s*(-?[\d.]+)(?:[\s,]+(-?[\d.]+))?\s*\)$/.exec(transform.trim());
    if (!match) return null;
    dx = Number(match[1]);
    dy = Number(match[2] ?? 0);
  }
  if (!/^[MLHVZ\d\s,.-]+$/.test(d)) return null;
  const commands = d.match(/[MLHVZ][^MLHVZ]*/g);
  if (!commands || !commands[0]!.startsWith('M')) return null;
  const out: string[] = [];
  for (const command of commands) {
    const type = command[0]!;
    const values = command.slice(1).trim().split(/[\s,]+/).filter(Boolean).map(Number);
    if (values.some((n) => Number.isNaN(n))) return null;
    if (type === 'Z') out.push('Z');
    else if (type === 'H') out.push(...values.map((x) => `H${round(x + dx)}`));
    else if (type === 'V') out.push(...values.map((y) => `V${round(y + dy)}`));
    else {
      if (values.length % 2) return null;
      for (let i = 0; i < values.length; i += 2) out.push(`${i === 0 ? type : 'L'}${round(values[i]! + dx)},${round(values[i + 1]! + dy)}`);
    }
  }
  return out.join('');
}

function replaceRun(shapes: Element[], subpaths: string[]): void {
  const first = shapes[0]!;
  const path = first.ownerDocument.createElementNS('http://www.w3.org/2000/svg', 'path');
  const geometry = GEOMETRY[first.tagName.toLowerCase()]!;
  for (const { name, value } of Array.from(first.attributes)) if (!geometry.includes(name)) path.setAttribute(name, value);
  path.setAttribute('d', subpaths.join(''));
  first.replaceWith(path);
  for (const shape of shapes.slice(1)) shape.remove();
}

/** Group attributes whose effect on one child differs from the same attribute set on that child. */
const GROUP_ONLY = new Set(['opacity', 'clip-path', 'mask', 'filter', 'style', 'id', 'class']);

/**
 * A group around one element (Plot wraps each mark in one, and merged ticks or grid lines leave one path in theirs)
 * becomes that element, carrying the group's attributes: its transform first, then the element's own; any other
 * attribute the element sets itself wins, as it would have inherited. Groups with a class, id or data-*, and groups
 * whose opacity, clipping, mask or filter would apply differently to the element alone, stay.
 */
export function unwrapLoneChildren(svg: Element): void {
  for (const group of Array.from(svg.querySelectorAll('g')).reverse()) {
    const child = group.firstElementChild;
    if (!child || group.children.length !== 1 || Array.from(group.childNodes).some((n) => n.nodeType === 3 && n.textContent!.trim())) continue;
    const attributes = Array.from(group.attributes);
    if (attributes.some(({ name }) => GROUP_ONLY.has(name) || name.startsWith('data-'))) continue;
    for (const { name, value } of attributes) {
      if (name === 'transform') child.setAttribute('transform', `${value} ${child.getAttribute('transform') ?? ''}`.trim());
      else if (!child.hasAttribute(name)) child.setAttribute(name, value);
    }
    group.replaceWith(child);
  }
}
