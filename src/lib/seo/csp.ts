/**
 * The site's Content Security Policy, written as a <meta> at the top of every page's head.
 *
 * The site has no inline script or style at all (scripts and the stylesheet are files; JSON-LD is
 * data, not script), so the policy needs no hashes: only the site's own files run. Pagefind compiles
 * its WebAssembly, which needs exactly 'wasm-unsafe-eval'. Astro's own CSP option would add the hashes
 * of seven island scripts this site never ships (some 350 bytes of every page, compressed).
 * frame-ancestors cannot be set from a <meta>: public/_headers carries it for static hosts.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join(';');
