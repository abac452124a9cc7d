/**
 * The URL to put in an `href`, or null when it must not be a link: only http(s) ever is, so a shared
 * `javascript:` or `data:` URL (however it is spelled: leading spaces, tabs inside the scheme, upper
 * case) stays text. The WHATWG parser is the one browsers use, so what it calls http(s) is what a
 * click would open; its serialization also percent-encodes quotes and spaces.
 */
export function safeHref(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
}
