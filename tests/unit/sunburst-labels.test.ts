import { describe, expect, it } from 'vitest';
import { siteModel } from '../../src/data/model.ts';
import { sunburstLayout } from '../../src/charts/lib/sunburst-layout.ts';
import { arcGeometry, arcLabel, childrenOf, labelPlacement, roomShape, visibleArcs } from '../../src/charts/lib/sunburst.ts';
import { WIDE_ROOM } from '../../src/charts/lib/size.ts';

const deg = (d: number) => (d * Math.PI) / 180;

describe('sunburst labels', () => {
  it('set on one line by default, as the phone-first drawing always was', () => {
    const label = labelPlacement({ a0: 0, a1: deg(20), r0: 100, r1: 180 }, 'Professional and technical excellence', 11);
    expect(label!.lines).toHaveLength(1);
    expect(label!.lines[0]).toMatch(/…$/);
  });

  it('in a room, wrap a name onto the lines its arc holds rather than cut it', () => {
    const arc = { a0: 0, a1: deg(30), r0: 100, r1: 220 };
    expect(labelPlacement(arc, 'Professional and technical excellence', 11)!.lines).toEqual(['Professional and …']);
    expect(labelPlacement(arc, 'Professional and technical excellence', 11, 3)!.lines).toEqual(['Professional and', 'technical', 'excellence']);
  });

  it('in a room, cut only where no room exists, and leave out a stub of a name', () => {
    // A sliver: one line across it, cut; a thinner one holds nothing worth reading.
    expect(labelPlacement({ a0: 0, a1: deg(2.5), r0: 300, r1: 400 }, 'Professional and technical excellence', 12, 3)!.lines).toEqual(['Professional…']);
    expect(labelPlacement({ a0: 0, a1: deg(2.5), r0: 300, r1: 340 }, 'Professional and technical excellence', 12, 3)).toBeNull();
    // A short name that fits whole stays whole, on one line.
    expect(labelPlacement({ a0: 0, a1: deg(40), r0: 100, r1: 180 }, 'Autonomy', 12, 3)!.lines).toEqual(['Autonomy']);
  });

  it('name every category and most level-2 clusters whole on a wide screen, more than on a phone', () => {
    const layout = sunburstLayout(siteModel().taxonomy);
    const children = childrenOf(layout);
    const wide = roomShape(WIDE_ROOM);
    const named = (shape: ReturnType<typeof roomShape> | undefined, font: number, lines: number) => {
      const arcs = visibleArcs(layout, 0, children, shape).filter((arc) => arc.merged.length === 0 && layout.level[arc.node]! >= 2);
      const whole = arcs.filter((arc) => labelPlacement(arcGeometry(layout, arc, 0, shape), arcLabel(layout, arc), font, lines)?.lines.join(' ') === arcLabel(layout, arc));
      return { categories: whole.filter((arc) => layout.level[arc.node] === 3).length, clusters: whole.length, of: arcs.length };
    };
    const onPhone = named(undefined, 11, 1);
    const onWide = named(wide, WIDE_ROOM.font, 3);
    expect(onWide.categories).toBe(5);
    expect(onWide.clusters).toBeGreaterThan(onPhone.clusters);
    // Measured: 15 of the 29 whole on a wide screen, 3 on a phone (the rest are arcs too thin for a word).
    expect(onWide.clusters / onWide.of).toBeGreaterThan(0.45);
    expect(onPhone.clusters / onPhone.of).toBeLessThan(0.25);
  });
});
