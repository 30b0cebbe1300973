/**
 * The page to return to (after signing in, after choosing a language), if it is a path on this site. Anything else (another
 * origin, a protocol-relative "//host" or its backslash twin "/\host", which browsers treat alike)
 * falls back to the home page, so the sign-in page cannot send people elsewhere.
 */
export function safeSitePath(value: string | string[] | undefined): string {
  const path = Array.isArray(value) ? value[0] : value;
  if (!path || !/^\/(?![/\\])/.test(path) || /[\u0000-\u001f\\]/.test(path)) return "/";
  return path;
}
