// Where to go after signing in: only a path of this site, never another origin (no open redirect).
const BASE = 'http://myopenip.invalid';

export function safeNextPath(next: unknown, fallback = '/clients'): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) {
    return fallback;
  }
  try {
    const url = new URL(next, BASE);
    if (url.origin !== BASE) return fallback;
    return url.pathname + url.search;
  } catch {
    return fallback;
  }
}
