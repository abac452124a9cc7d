import { DomUtils, parseDocument } from "htmlparser2";

export type Element = ReturnType<typeof DomUtils.getElementsByTagName>[number];
export type Document = ReturnType<typeof parseDocument>;

/** The page as a browser-grade tokenizer reads it (entities decoded, as a browser shows them). */
export function parsePage(html: string): Document {
  return parseDocument(html);
}

export function elements(root: Document | Element, name?: string): Element[] {
  return DomUtils.findAll((el) => name === undefined || el.name === name, [root]);
}

export function one(root: Document | Element, name: string): Element {
  const found = elements(root, name);
  if (found.length !== 1) throw new Error(`expected one <${name}>, found ${found.length}`);
  return found[0] as Element;
}

export function attr(el: Element, name: string): string | undefined {
  return DomUtils.getAttributeValue(el, name);
}

/** The `content` of `<meta name|property=key>`, or undefined when there is none. */
export function meta(doc: Document, key: string): string | undefined {
  const el = elements(doc, "meta").find((m) => attr(m, "name") === key || attr(m, "property") === key);
  return el && attr(el, "content");
}

/** `<link rel=...>` elements in the head. */
export function headLinks(doc: Document, rel: string): Element[] {
  return elements(one(doc, "head"), "link").filter((l) => attr(l, "rel") === rel);
}

/** Text as a reader sees it: whitespace runs folded to one space. */
export function visibleText(el: Element | Document): string {
  return DomUtils.textContent(el).replace(/\s+/g, " ").trim();
}
