import { DOMParser, onWarningStopParsing, type Document, type Element } from '@xmldom/xmldom';

/** XML parsed by a conforming parser (with namespaces) that throws on anything not well-formed, even what it could recover from. */
export function parseXml(text: string): Document {
  return new DOMParser({ onError: onWarningStopParsing }).parseFromString(text, 'text/xml');
}

/** The element and every element under it, in document order. */
export function descendants(element: Element): Element[] {
  return [element, ...Array.from(element.getElementsByTagName('*'))];
}

const childElements = (element: Element) => Array.from(element.childNodes).filter((node): node is Element => node.nodeType === 1);

/**
 * What would stop a Common Cartridge importing cleanly, found without its schemas: no manifest at the root, XML that
 * does not parse, an identifier used twice or not a valid XML name, an item pointing to no resource, a resource
 * naming a file the zip lacks (or no file at all), a question bank with duplicate item idents, a resource's role
 * metadata that Canvas and Moodle would not read (see roleProblems). Empty when sound.
 */
const XML_NAME = /^[A-Za-z_][\w.-]*$/;
const local = (element: Element) => element.localName;
const attribute = (element: Element, name: string) => element.getAttribute(name) ?? undefined;

function duplicates(values: string[]): string[] {
  return [...new Set(values.filter((value, i) => values.indexOf(value) !== i))];
}

export function cartridgeProblems(files: Map<string, Uint8Array>): string[] {
  const problems: string[] = [];
  const decoder = new TextDecoder();
  const parsed = new Map<string, Element>();
  for (const [name, bytes] of files) {
    if (!name.endsWith('.xml')) continue;
    try {
      parsed.set(name, parseXml(decoder.decode(bytes)).documentElement!);
    } catch (error) {
      problems.push(`${name}: XML: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  const manifest = parsed.get('imsmanifest.xml');
  if (!files.has('imsmanifest.xml')) return [...problems, 'imsmanifest.xml is missing from the root of the zip'];
  if (!manifest) return problems;

  const elements = descendants(manifest);
  const identifiers = elements.map((el) => attribute(el, 'identifier')).filter((id) => id !== undefined);
  for (const id of duplicates(identifiers)) problems.push(`identifier "${id}" is used more than once`);
  for (const id of identifiers.filter((id) => !XML_NAME.test(id))) problems.push(`identifier "${id}" is not a valid XML name`);

  const resources = elements.filter((el) => local(el) === 'resource');
  const resourceIds = new Set(resources.map((r) => attribute(r, 'identifier')));
  for (const item of elements.filter((el) => local(el) === 'item' && el.hasAttribute('identifierref'))) {
    if (!resourceIds.has(attribute(item, 'identifierref'))) problems.push(`item "${attribute(item, 'identifier')}" points to no resource ("${attribute(item, 'identifierref')}")`);
  }
  for (const resource of resources) {
    const id = attribute(resource, 'identifier');
    const hrefs = childElements(resource).filter((el) => local(el) === 'file').map((el) => attribute(el, 'href') ?? '');
    if (hrefs.length === 0) problems.push(`resource "${id}" lists no file`);
    const href = attribute(resource, 'href');
    if (href !== undefined && !hrefs.includes(href)) problems.push(`resource "${id}" starts at ${href}, which it does not list as a file`);
    for (const file of hrefs) if (!files.has(file)) problems.push(`resource "${id}" names ${file}, which the zip lacks`);
  }

  problems.push(...resources.flatMap((resource) => roleProblems(resource, manifest)));

  for (const [name, root] of parsed) {
    if (local(root) !== 'questestinterop') continue;
    const idents = descendants(root).filter((el) => local(el) === 'item').map((el) => attribute(el, 'ident') ?? '');
    for (const ident of duplicates(idents)) problems.push(`${name}: question "${ident}" is there more than once`);
  }
  return problems;
}

const ROLES = ['Instructor', 'Learner', 'Mentor'];

/**
 * A resource's intended end-user role, checked as its schema and the importers read it: metadata first in the resource,
 * lom/educational/intendedEndUserRole in the cartridge version's LOM resource namespace, the version's role
 * vocabulary as source, and one of the profile's three values (ccv1p1_lomresource_v1p0.xsd). Canvas reads
 * "intendedEndUserRole value" and Moodle lom:intendedEndUserRole/lom:value; a misspelt one is silently ignored.
 */
function roleProblems(resource: Element, manifest: Element): string[] {
  const children = childElements(resource);
  const metadata = children.find((el) => local(el) === 'metadata');
  if (!metadata) return [];
  const id = attribute(resource, 'identifier');
  const version = /imscc(v1p\d)\//.exec(manifest.namespaceURI ?? '')?.[1];
  const problems: string[] = [];
  if (children[0] !== metadata) problems.push(`resource "${id}": its metadata must come before its files`);
  const roles = descendants(metadata).filter((el) => local(el) === 'intendedEndUserRole');
  if (roles.length === 0) problems.push(`resource "${id}": metadata without an intendedEndUserRole`);
  for (const role of roles) {
    const path = descendants(metadata).filter((el) => el !== metadata && el !== role && descendants(el).includes(role)).map(local);
    if (path.join('/') !== 'lom/educational') problems.push(`resource "${id}": intendedEndUserRole is under ${path.join('/')}, not lom/educational`);
    const expected = `http://ltsc.ieee.org/xsd/imscc${version}/LOM/resource`;
    for (const el of descendants(role)) if (el.namespaceURI !== expected) problems.push(`resource "${id}": ${el.tagName} is not in ${expected}`);
    const text = (name: string) => childElements(role).find((el) => local(el) === name)?.textContent?.trim();
    if (text('source') !== `IMSGLC_CC_Roles${version}`) problems.push(`resource "${id}": role source "${text('source')}" is not IMSGLC_CC_Roles${version}`);
    if (!ROLES.includes(text('value') ?? '')) problems.push(`resource "${id}": role "${text('value')}" is not one of ${ROLES.join(', ')}`);
  }
  return problems;
}
