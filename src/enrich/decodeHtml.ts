/** Reads the charset a page declares: the Content-Type header first, then a <meta> in its first bytes. */
export function declaredCharset(contentType: string, body: Buffer): string | null {
  const fromHeader = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1];
  if (fromHeader) return fromHeader;
  const head = body.subarray(0, 2048).toString("latin1");
  return /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1] ?? null;
}

/** Turns a page's bytes into text in the encoding it declares (UTF-8 when it declares none or a bogus one). */
export function decodeHtml(contentType: string, body: Buffer): string {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf)
    return new TextDecoder("utf-8").decode(body.subarray(3));
  const charset = declaredCharset(contentType, body) ?? "utf-8";
  try {
    return new TextDecoder(charset).decode(body);
  } catch {
    return new TextDecoder("utf-8").decode(body);
  }
}
