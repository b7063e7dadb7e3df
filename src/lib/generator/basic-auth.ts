/** `Basic` credentials as HTTP defines them (RFC 7617): base64 of the UTF-8 bytes of `user:secret`. */

/** Base64 of a string's UTF-8 bytes, without depending on Node's Buffer (runs in the browser). */
export function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The Authorization header value for Basic auth. */
export function basicAuthorization(user: string, secret: string): string {
  return `Basic ${base64Utf8(`${user}:${secret}`)}`;
}
