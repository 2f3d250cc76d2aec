import type { Element } from '@xmldom/xmldom';
import { childElements, firstChild, isNamed } from './xml.js';

/** WordprocessingML in its transitional and strict namespaces; Word can save either. */
const W = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);
const MC = new Set(['http://schemas.openxmlformats.org/markup-compatibility/2006']);

export function isW(element: Element, localName: string): boolean {
  return isNamed(element, W, localName);
}

export function wChild(element: Element | undefined, localName: string): Element | undefined {
  return element === undefined ? undefined : firstChild(element, W, localName);
}

export function wChildren(element: Element, localName: string): Element[] {
  return childElements(element).filter((child) => isW(child, localName));
}

/** A w: attribute; attributes carry the element's own namespace prefix in WordprocessingML. */
export function wAttr(element: Element | undefined, name: string): string | undefined {
  if (element === undefined) return undefined;
  for (const ns of W) {
    const value = element.getAttributeNS(ns, name);
    if (value !== null && value !== '') return value;
  }
  return undefined;
}

/** `w:val` of the named child: the shape of nearly every property in WordprocessingML. */
export function wVal(element: Element | undefined, childName: string): string | undefined {
  return wAttr(wChild(element, childName), 'val');
}

export function wInt(element: Element | undefined, childName: string): number | undefined {
  const value = Number.parseInt(wVal(element, childName) ?? '', 10);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * Which branch of an mc:AlternateContent to read. Both hold the same content (a modern
 * drawing and its VML fallback), so reading both would duplicate text boxes.
 */
export function alternateBranch(element: Element): Element | undefined {
  if (!isNamed(element, MC, 'AlternateContent')) return undefined;
  const children = childElements(element);
  return children.find((child) => isNamed(child, MC, 'Choice')) ?? children.find((child) => isNamed(child, MC, 'Fallback'));
}
