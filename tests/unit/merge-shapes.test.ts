import { describe, expect, it } from 'vitest';
import { mergeShapes, unwrapLoneChildren } from '../../src/charts/lib/merge-shapes.ts';
import { serverDocument } from '../../src/charts/lib/server-document.ts';

function svgOf(inner: string): Element {
  const host = serverDocument().createElement('div');
  host.innerHTML = `<svg xmlns="http://www.w3.org/2000/svg">${inner}</svg>`;
  return host.firstElementChild!;
}

describe('mergeShapes', () => {
  it('draws a run of identical grid lines, ticks and bars as one path each', () => {
    const svg = svgOf(
      '<g stroke="currentColor" stroke-opacity="0.1"><line x1="52" x2="326" y1="332" y2="332"/><line x1="52" x2="326" y1="299.3" y2="299.3"/></g>' +
        '<g stroke="currentColor" fill="none"><path d="M0,0L0,6" transform="translate(63.7,332)"/><path d="M0,0L0,6" transform="translate(122,332)"/></g>' +
        '<g fill="#0072B2"><rect x="10" y="20" width="5" height="30"/><rect x="20" y="25" width="5" height="25"/></g>',
    );
    mergeShapes(svg);
    const paths = Array.from(svg.querySelectorAll('path'));
    expect(svg.querySelectorAll('line, rect').length).toBe(0);
    expect(paths.map((p) => p.getAttribute('d'))).toEqual(['M52,332L326,332M52,299.3L326,299.3', 'M63.7,332L63.7,338M122,332L122,338', 'M10,20h5v30h-5ZM20,25h5v25h-5Z']);
    expect(paths[0]!.parentElement!.getAttribute('stroke-opacity')).toBe('0.1');
    expect(paths[1]!.hasAttribute('transform')).toBe(false);
    expect(paths[2]!.parentElement!.getAttribute('fill')).toBe('#0072B2');
  });

  it('keeps marks something refers to, marks with children, and shapes that paint differently or are not consecutive', () => {
    const svg = svgOf(
      '<g><rect x="1" y="1" width="2" height="2" data-row="0"/><rect x="3" y="1" width="2" height="2" data-tip="b"/><rect x="5" y="1" width="2" height="2" class="c"/>' +
        '<rect x="7" y="1" width="2" height="2"><title>t</title></rect><rect x="9" y="1" width="2" height="2" rx="1"/><rect x="11" y="1" width="2" height="2" rx="1"/></g>' +
        '<g><line x1="0" x2="1" stroke="red"/><line x1="0" x2="1" stroke="blue"/><line x1="0" x2="1" stroke="red"/></g>' +
        '<g><path d="M0,0A5,5 0 0 1 10,0"/><path d="M0,0A5,5 0 0 1 20,0"/><path d="M0,0L1,1" transform="rotate(45)"/><path d="M0,0L1,1" transform="rotate(45)"/></g>',
    );
    const before = svg.outerHTML;
    mergeShapes(svg);
    expect(svg.outerHTML).toBe(before);
  });
});

describe('unwrapLoneChildren', () => {
  it('puts a lone element in its group’s place, with the group’s attributes under its own and its transform first', () => {
    const svg = svgOf('<g transform="translate(0,9)" aria-label="x-axis label" fill="red"><text transform="translate(5,3)" fill="blue">x</text></g>');
    unwrapLoneChildren(svg);
    const text = svg.firstElementChild!;
    expect([text.tagName.toLowerCase(), svg.children.length, text.textContent]).toEqual(['text', 1, 'x']);
    expect(text.getAttribute('transform')).toBe('translate(0,9) translate(5,3)');
    expect(text.getAttribute('fill')).toBe('blue');
    expect(text.getAttribute('aria-label')).toBe('x-axis label');
  });

  it('keeps groups with more than one element, a class or data-*, or an effect that would change on one element', () => {
    const svg = svgOf(
      '<g><line x1="1"/><line x1="2"/></g><g class="arcs"><path d="M0,0"/></g><g data-row="1"><path d="M0,0"/></g><g opacity="0.5"><rect/></g><g clip-path="url(#c)"><rect/></g>',
    );
    const before = svg.outerHTML;
    unwrapLoneChildren(svg);
    expect(svg.outerHTML).toBe(before);
  });
});
