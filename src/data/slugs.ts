/** Readable, URL-safe slug: ASCII letters and digits joined by hyphens ("Filial piety!" → "filial-piety"). */
export function slugify(text: string, fallback: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || fallback;
}

/**
 * One slug per item, unique within the list. A slug shared by several names goes, unchanged, to the item with the
 * smallest id, and the others get -2, -3, … in id order, so slugs stay stable as long as the data does. A name with
 * punctuation or symbols at either end ("-helpfulness", "helpfulness!") comes after the others, so that it cannot take
 * the page of the name it imitates.
 */
export function assignSlugs(items: { id: string; name: string }[], fallback: string): Map<string, string> {
  const byBase = new Map<string, { id: string; name: string }[]>();
  for (const item of items) {
    const base = slugify(item.name, fallback);
    const group = byBase.get(base);
    if (group) group.push(item);
    else byBase.set(base, [item]);
  }
  const used = new Set(byBase.keys());
  const slugs = new Map<string, string>();
  for (const [base, group] of [...byBase].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const edged = (item: { name: string }) => (/^[\p{L}\p{N}].*[\p{L}\p{N}]$|^[\p{L}\p{N}]$/su.test(item.name.normalize('NFKD')) ? 0 : 1);
    const [first, ...rest] = group.sort((a, b) => edged(a) - edged(b) || (a.id < b.id ? -1 : 1));
    slugs.set(first!.id, base);
    let n = 2;
    for (const item of rest) {
      while (used.has(`${base}-${n}`)) n++;
      used.add(`${base}-${n}`);
      slugs.set(item.id, `${base}-${n}`);
    }
  }
  return slugs;
}

/** Where a value's or a cluster's page lives. The one place the URL scheme is written. */
export function nodeHref(level: number, slug: string): string {
  return `/${level === 0 ? 'values' : 'clusters'}/${slug}/`;
}

/** Lower-case words of a name, without the small words that would relate everything to everything. */
const STOP_WORDS = new Set(['and', 'of', 'the', 'in', 'for', 'to', 'a', 'an', 'on', 'with', 'or', 'by', 'as', 'at', 'from']);
export function nameWords(name: string): string[] {
  return name.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2 && !STOP_WORDS.has(w));
}
