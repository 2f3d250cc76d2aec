import { DOMParser, type Document, type Element, type Node } from '@xmldom/xmldom';

/**
 * Parses one XML part. Without an error handler xmldom reports problems on console.error
 * and carries on; a damaged part should instead stop the import, so every error throws.
 */
export function parseXml(xml: string): Document {
  const parser = new DOMParser({
    // Line numbers of XML nodes are never reported; not tracking them parses faster.
    locator: false,
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(message);
    },
  });
  return parser.parseFromString(xml, 'text/xml');
}

/** Walking siblings is several times faster than xmldom's live `children` list. */
export function childElements(element: Element): Element[] {
  const elements: Element[] = [];
  for (let node = element.firstChild; node !== null; node = node.nextSibling) {
    if (isElement(node)) elements.push(node);
  }
  return elements;
}

function isElement(node: Node): node is Element {
  return node.nodeType === node.ELEMENT_NODE;
}

/** The first child with this local name in one of these namespaces. */
export function firstChild(element: Element, namespaces: ReadonlySet<string>, localName: string): Element | undefined {
  return childElements(element).find((child) => isNamed(child, namespaces, localName));
}

export function isNamed(element: Element, namespaces: ReadonlySet<string>, localName: string): boolean {
  return element.localName === localName && namespaces.has(element.namespaceURI ?? '');
}
