import { parseHTML } from 'linkedom';

/** A DOM document for drawing charts at build time (Plot and our own SVG code need one). */
export function serverDocument(): Document {
  return parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
}
