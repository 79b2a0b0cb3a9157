/**
 * A small XML reader, enough to check that generated files are well-formed and to read a manifest: elements,
 * attributes and text, with the XML declaration, comments and CDATA skipped. It throws, saying where, on unclosed or
 * mismatched tags, a bad attribute, an unknown entity, text outside the root or a second root.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = '[A-Za-z_][\\w.:-]*';
const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[\da-fA-F]+);/g;
const TOKEN = new RegExp(`<\\?[\\s\\S]*?\\?>|<!--[\\s\\S]*?-->|<!\\[CDATA\\[[\\s\\S]*?\\]\\]>|<!DOCTYPE[^>]*>|<(/?)(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>|<|[^<]+`, 'g');
const ATTRIBUTE = new RegExp(`(${NAME})\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'g');

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Text with its entities checked and replaced by the characters they stand for. */
function checkText(text: string, where: number): string {
  if (/&/.test(text.replace(ENTITY, ''))) throw new Error(`XML: a bare & or an unknown entity near character ${where}`);
  return text.replace(ENTITY, (entity) => {
    const body = entity.slice(1, -1);
    return NAMED[body] ?? String.fromCodePoint(body.startsWith('#x') ? parseInt(body.slice(2), 16) : Number(body.slice(1)));
  });
}

export function parseXml(source: string): XmlElement {
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  for (const match of source.matchAll(TOKEN)) {
    const [token, closing, name, attributeText, selfClosing] = match;
    const at = match.index;
    if (token === '<') throw new Error(`XML: a < that starts no tag, near character ${at}`);
    if (/^<[?!]/.test(token)) {
      if (token.startsWith('<![CDATA[') && stack.length) stack.at(-1)!.text += token.slice(9, -3);
      continue;
    }
    if (!name) {
      if (stack.length) stack.at(-1)!.text += checkText(token, at);
      else if (token.trim()) throw new Error(`XML: text outside the root element near character ${at}`);
      continue;
    }
    if (closing) {
      const open = stack.pop();
      if (open?.name !== name) throw new Error(`XML: </${name}> near character ${at} closes ${open ? `<${open.name}>` : 'nothing'}`);
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const [, key, double, single] of (attributeText ?? '').matchAll(ATTRIBUTE)) {
      if (key! in attributes) throw new Error(`XML: attribute ${key} twice on <${name}> near character ${at}`);
      attributes[key!] = checkText(double ?? single ?? '', at);
    }
    const element: XmlElement = { name, attributes, children: [], text: '' };
    if (stack.length) stack.at(-1)!.children.push(element);
    else if (root) throw new Error(`XML: a second root element <${name}> near character ${at}`);
    else root = element;
    if (!selfClosing) stack.push(element);
  }
  if (stack.length) throw new Error(`XML: <${stack.at(-1)!.name}> is never closed`);
  if (!root) throw new Error('XML: no root element');
  return root;
}

/** Every element in the tree, depth first (the root included). */
export function descendants(element: XmlElement): XmlElement[] {
  return [element, ...element.children.flatMap(descendants)];
}
