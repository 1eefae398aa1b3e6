import { DOMParser, type Element } from '@xmldom/xmldom';

/**
 * XMP is RDF/XML, and writers use every form RDF allows for the same value: attributes (`xmp:Rating="5"`) or
 * elements, rdf:Bag/Seq/Alt arrays, structs as `rdf:parseType="Resource"`, as a nested rdf:Description, or as
 * attributes on an empty element (`<mwg-rs:Area stArea:x="0.5"/>`). This reads all of them into plain values keyed
 * by namespace URI + local name, so prefixes a writer chose do not matter. Parsed by a namespace-aware XML parser
 * (@xmldom/xmldom); exifr's XMP reader was measured to drop rdf:Description-form MWG regions and to overwrite
 * sibling structs, which is why it is not used here.
 */
export type RdfValue = string | readonly RdfValue[] | RdfStruct;
export interface RdfStruct {
  readonly [property: string]: RdfValue;
}

export const RDF_NS = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/** Packets beyond this are not photo metadata (or are hostile). */
export const MAX_XMP_CHARS = 2_000_000;
/** Real XMP nests structs a few levels deep (regions → list → region → area); deeper is hostile. */
const MAX_DEPTH = 12;

/**
 * The properties of every top-level rdf:Description in the packet, merged (writers may split them across several).
 * Malformed, oversized or DTD-carrying input yields an empty struct: metadata never costs a photo.
 */
export function readRdf(packet: Buffer | string | undefined): RdfStruct {
  if (packet === undefined) return {};
  let text = typeof packet === 'string' ? packet : packet.toString('utf8');
  if (text.length > MAX_XMP_CHARS) return {};
  // XMP never carries a DTD; refusing one rules out entity expansion attacks whatever the parser does with it.
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) return {};
  const start = text.indexOf('<');
  if (start < 0 || !text.includes(RDF_NS)) return {};
  // Padding and NULs after the packet are common in files; the XML ends at the last '>'.
  text = text.slice(start, text.lastIndexOf('>') + 1);
  let rdf: Element | undefined;
  try {
    // Recoverable errors (an undeclared prefix, an unclosed tag) keep what was read; fatal ones throw.
    const document = new DOMParser({ onError: () => undefined }).parseFromString(text, 'text/xml');
    rdf = findRdf(document.documentElement ?? undefined);
  } catch {
    return {};
  }
  if (!rdf) return {};
  const merged: Record<string, RdfValue> = {};
  for (const description of childElements(rdf)) {
    if (!is(description, RDF_NS, 'Description')) continue;
    Object.assign(merged, propertiesOf(description, 0));
  }
  return merged;
}

/** The first text of a value: a simple value, the x-default item of an Alt (read first), the first item of a list. */
export function rdfText(value: RdfValue | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') {
    const text = value.trim();
    return text.length > 0 ? text : undefined;
  }
  if (isList(value)) {
    for (const item of value) {
      const text = rdfText(item);
      if (text !== undefined) return text;
    }
  }
  return undefined;
}

/** Every text of a value: the items of a Bag or Seq, or the one simple value. */
export function rdfTexts(value: RdfValue | undefined): string[] {
  if (value === undefined) return [];
  if (isList(value)) return value.flatMap((item) => (typeof item === 'string' ? rdfTexts(item) : []));
  const text = rdfText(value);
  return text === undefined ? [] : [text];
}

/** The structs in a value: a struct, or the structs among a list's items. */
export function rdfStructs(value: RdfValue | undefined): RdfStruct[] {
  if (value === undefined || typeof value === 'string') return [];
  if (isList(value)) return value.flatMap((item) => rdfStructs(item));
  return [value];
}

export function isList(value: RdfValue): value is readonly RdfValue[] {
  return Array.isArray(value);
}

function findRdf(element: Element | undefined): Element | undefined {
  if (!element) return undefined;
  if (is(element, RDF_NS, 'RDF')) return element;
  for (const child of childElements(element)) {
    const found = findRdf(child);
    if (found) return found;
  }
  return undefined;
}

/** Properties of a Description or a struct: its non-RDF attributes and its child elements. */
function propertiesOf(element: Element, depth: number): Record<string, RdfValue> {
  const properties: Record<string, RdfValue> = {};
  for (const attribute of propertyAttributes(element)) {
    properties[key(attribute.namespaceURI, attribute.localName)] = attribute.value;
  }
  for (const child of childElements(element)) {
    const value = valueOf(child, depth + 1);
    if (value !== undefined) properties[key(child.namespaceURI, child.localName)] = value;
  }
  return properties;
}

function valueOf(element: Element, depth: number): RdfValue | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const resource = element.getAttributeNS(RDF_NS, 'resource');
  if (resource) return resource;
  if (element.getAttributeNS(RDF_NS, 'parseType') === 'Resource') return propertiesOf(element, depth);
  const children = childElements(element);
  if (children.length === 0) {
    return propertyAttributes(element).length > 0
      ? propertiesOf(element, depth)
      : (element.textContent ?? '').trim();
  }
  const [only] = children;
  if (children.length === 1 && only) {
    if (is(only, RDF_NS, 'Bag') || is(only, RDF_NS, 'Seq')) return listItems(only, depth);
    if (is(only, RDF_NS, 'Alt')) return altItems(only, depth);
    if (is(only, RDF_NS, 'Description')) return propertiesOf(only, depth);
  }
  return propertiesOf(element, depth);
}

function listItems(container: Element, depth: number): RdfValue[] {
  return childElements(container)
    .filter((li) => is(li, RDF_NS, 'li'))
    .map((li) => valueOf(li, depth + 1))
    .filter((value): value is RdfValue => value !== undefined);
}

/** An Alt's items with the x-default language first, so rdfText reads the default. */
function altItems(container: Element, depth: number): RdfValue[] {
  const items = childElements(container).filter((li) => is(li, RDF_NS, 'li'));
  const isDefault = (li: Element): boolean => li.getAttributeNS(XML_NS, 'lang') === 'x-default';
  return [...items.filter(isDefault), ...items.filter((li) => !isDefault(li))]
    .map((li) => valueOf(li, depth + 1))
    .filter((value): value is RdfValue => value !== undefined);
}

function propertyAttributes(element: Element): { namespaceURI: string; localName: string; value: string }[] {
  const attributes: { namespaceURI: string; localName: string; value: string }[] = [];
  for (let i = 0; i < element.attributes.length; i++) {
    const attribute = element.attributes.item(i);
    if (!attribute?.namespaceURI) continue;
    const ns = attribute.namespaceURI;
    if (ns === RDF_NS || ns === XML_NS || ns === XMLNS_NS) continue;
    attributes.push({ namespaceURI: ns, localName: attribute.localName ?? '', value: attribute.value });
  }
  return attributes;
}

function childElements(element: Element): Element[] {
  const elements: Element[] = [];
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1) elements.push(node as Element);
  }
  return elements;
}

function is(element: Element, namespace: string, localName: string): boolean {
  return element.namespaceURI === namespace && element.localName === localName;
}

function key(namespace: string | null, localName: string | null): string {
  return `${namespace ?? ''}${localName ?? ''}`;
}
