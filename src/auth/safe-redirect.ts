// Where to go after signing in: only a path of this site, never another origin (no open redirect).
// The check runs on the path as the URL parser normalises it, which is what ends in `Location`:
// « /.//evil.example », « /..//evil.example » and « /%2e%2e//evil.example » all normalise to
// « //evil.example », a link to another site, although none of them starts with « // ».
const BASE = 'http://myopenip.invalid';

const leavesSite = (path: string) => !path.startsWith('/') || path.startsWith('//') || path.includes('\\');

export function safeNextPath(next: unknown, fallback = '/clients'): string {
  if (typeof next !== 'string' || next.length > 2000 || leavesSite(next)) return fallback;
  try {
    const url = new URL(next, BASE);
    const path = url.pathname + url.search;
    if (url.origin !== BASE || leavesSite(path)) return fallback;
    return path;
  } catch {
    return fallback;
  }
}
