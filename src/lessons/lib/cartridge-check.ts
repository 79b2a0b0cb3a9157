import { descendants, parseXml, type XmlElement } from '../../lib/xml.ts';

/**
 * What would stop a Common Cartridge importing cleanly, found without its schemas: no manifest at the root, XML that
 * does not parse, an identifier used twice or not a valid XML name, an item pointing to no resource, a resource
 * naming a file the zip lacks (or no file at all), a question bank with duplicate item idents, a resource's role
 * metadata that Canvas and Moodle would not read (see roleProblems). Empty when sound.
 */
const XML_NAME = /^[A-Za-z_][\w.-]*$/;
const local = (element: XmlElement) => element.name.replace(/^.*:/, '');

function duplicates(values: string[]): string[] {
  return [...new Set(values.filter((value, i) => values.indexOf(value) !== i))];
}

export function cartridgeProblems(files: Map<string, Uint8Array>): string[] {
  const problems: string[] = [];
  const decoder = new TextDecoder();
  const parsed = new Map<string, XmlElement>();
  for (const [name, bytes] of files) {
    if (!name.endsWith('.xml')) continue;
    try {
      parsed.set(name, parseXml(decoder.decode(bytes)));
    } catch (error) {
      problems.push(`${name}: ${(error as Error).message}`);
    }
  }
  const manifest = parsed.get('imsmanifest.xml');
  if (!files.has('imsmanifest.xml')) return [...problems, 'imsmanifest.xml is missing from the root of the zip'];
  if (!manifest) return problems;

  const elements = descendants(manifest);
  const identifiers = elements.map((el) => el.attributes.identifier).filter((id) => id !== undefined);
  for (const id of duplicates(identifiers)) problems.push(`identifier "${id}" is used more than once`);
  for (const id of identifiers.filter((id) => !XML_NAME.test(id))) problems.push(`identifier "${id}" is not a valid XML name`);

  const resources = elements.filter((el) => local(el) === 'resource');
  const resourceIds = new Set(resources.map((r) => r.attributes.identifier));
  for (const item of elements.filter((el) => local(el) === 'item' && el.attributes.identifierref)) {
    if (!resourceIds.has(item.attributes.identifierref)) problems.push(`item "${item.attributes.identifier}" points to no resource ("${item.attributes.identifierref}")`);
  }
  for (const resource of resources) {
    const hrefs = resource.children.filter((el) => local(el) === 'file').map((el) => el.attributes.href ?? '');
    if (hrefs.length === 0) problems.push(`resource "${resource.attributes.identifier}" lists no file`);
    const href = resource.attributes.href;
    if (href !== undefined && !hrefs.includes(href)) problems.push(`resource "${resource.attributes.identifier}" starts at ${href}, which it does not list as a file`);
    for (const file of hrefs) if (!files.has(file)) problems.push(`resource "${resource.attributes.identifier}" names ${file}, which the zip lacks`);
  }

  problems.push(...resources.flatMap((resource) => roleProblems(resource, manifest)));

  for (const [name, root] of parsed) {
    if (root.name !== 'questestinterop') continue;
    const idents = descendants(root).filter((el) => el.name === 'item').map((el) => el.attributes.ident ?? '');
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
function roleProblems(resource: XmlElement, manifest: XmlElement): string[] {
  const metadata = resource.children.find((el) => local(el) === 'metadata');
  if (!metadata) return [];
  const id = resource.attributes.identifier;
  const version = /imscc(v1p\d)\//.exec(manifest.attributes.xmlns ?? '')?.[1];
  const namespaceOf = (el: XmlElement) => manifest.attributes[el.name.includes(':') ? `xmlns:${el.name.replace(/:.*$/, '')}` : 'xmlns'];
  const problems: string[] = [];
  if (resource.children[0] !== metadata) problems.push(`resource "${id}": its metadata must come before its files`);
  const roles = descendants(metadata).filter((el) => local(el) === 'intendedEndUserRole');
  if (roles.length === 0) problems.push(`resource "${id}": metadata without an intendedEndUserRole`);
  for (const role of roles) {
    const path = descendants(metadata).filter((el) => el !== metadata && el !== role && descendants(el).includes(role)).map(local);
    if (path.join('/') !== 'lom/educational') problems.push(`resource "${id}": intendedEndUserRole is under ${path.join('/')}, not lom/educational`);
    const expected = `http://ltsc.ieee.org/xsd/imscc${version}/LOM/resource`;
    for (const el of descendants(role)) if (namespaceOf(el) !== expected) problems.push(`resource "${id}": ${el.name} is not in ${expected}`);
    const text = (name: string) => role.children.find((el) => local(el) === name)?.text.trim();
    if (text('source') !== `IMSGLC_CC_Roles${version}`) problems.push(`resource "${id}": role source "${text('source')}" is not IMSGLC_CC_Roles${version}`);
    if (!ROLES.includes(text('value') ?? '')) problems.push(`resource "${id}": role "${text('value')}" is not one of ${ROLES.join(', ')}`);
  }
  return problems;
}
