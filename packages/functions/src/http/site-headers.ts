/**
 * The content security policy of the pages: only the site's own scripts, styles and images, no
 * inline script, no framing; the browser talks to the API on the same origin and PUTs uploads to
 * the documents bucket through presigned URLs.
 */
export const contentSecurityPolicy = (uploadOrigin: string) =>
  [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${uploadOrigin}`,
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "upgrade-insecure-requests",
  ].join("; ");

/**
 * The headers CloudFront's response headers policy (stacks/web.ts) puts on every static file,
 * as the local API server sends them too.
 */
export const siteSecurityHeaders = (uploadOrigin: string): Record<string, string> => ({
  "content-security-policy": contentSecurityPolicy(uploadOrigin),
  "strict-transport-security": "max-age=63072000; includeSubDomains; preload",
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
});
