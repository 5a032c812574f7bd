// What the app does with an error that comes from the database: tell an outage (503, retry soon)
// from a bug (500), and make sure no logged error carries a value a user typed or a secret.
//
// Knex writes the SQL into the error message with every bound value inlined (a session id, a CSRF
// token, the form's fields), and PostgreSQL's `detail` repeats the row ("Key (sid)=(…) already
// exists"). openDatabase turns the inlining off (compileSqlOnError: false) and scrubs each failed
// query's error in place; describeError is the whitelist every log line goes through.

/** Driver codes that mean "the database cannot serve now", not "this statement is wrong". */
const UNAVAILABLE_CODES = new Set([
  // network, seen by node or pg
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  // PostgreSQL: too many connections, shutting down, starting, cancelled by statement_timeout,
  // lock timeout, serialisation under load
  '53300',
  '57P01',
  '57P02',
  '57P03',
  '57014',
  '55P03',
  '40001',
  '40P01',
  // SQLite: the write lock held past the busy timeout, the file gone or unwritable
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_CANTOPEN',
  'SQLITE_IOERR',
  'SQLITE_FULL',
  'SQLITE_READONLY',
]);

/** Messages of pg and knex for a connection that broke or could not be had in time. */
const UNAVAILABLE_MESSAGES =
  /Connection terminated|connection timeout|Timeout acquiring a connection|not queryable|Unable to acquire a connection|the database system is|Query read timeout/i;

export function isDatabaseUnavailable(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const { code, name, message } = err as { code?: unknown; name?: unknown; message?: unknown };
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
  if (name === 'KnexTimeoutError') return true;
  if (err instanceof AggregateError) return err.errors.some(isDatabaseUnavailable);
  return typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message);
}

/** Properties of a pg error that may repeat a row's values or the statement's parameters. */
const VALUE_CARRIERS = ['detail', 'where', 'internalQuery', 'parameters', 'bindings', 'hint'];

/**
 * Removes bound values from a failed query's error, in place, before any caller sees it: knex's
 * `query-error` event fires before the promise rejects. Quoted parts of the driver's message are
 * masked too ('invalid input syntax for type integer: "abc"'); constraint and column names stay in
 * their own properties.
 */
export function scrubQueryError(err: unknown): void {
  if (typeof err !== 'object' || err === null) return;
  const e = err as Record<string, unknown>;
  for (const key of VALUE_CARRIERS) delete e[key];
  if (typeof e.message === 'string') {
    const safe = maskQuoted(e.message);
    if (safe !== e.message) {
      e.message = safe;
      if (typeof e.stack === 'string') e.stack = replaceHeadline(e.stack, e.name, safe);
    }
  }
}

export function maskQuoted(message: string): string {
  return message.replace(/"(?:[^"]|"")*"/g, '"…"').replace(/'(?:[^']|'')*'/g, "'…'");
}

function replaceHeadline(stack: string, name: unknown, message: string): string {
  const frames = stack.split('\n').filter((line) => /^\s+at /.test(line));
  return [`${String(name ?? 'Error')}: ${message}`, ...frames].join('\n');
}

export type SafeError = { type: string; message: string; code?: string; stack?: string };

/**
 * An error as a log line may show it: its kind, code, and message with quoted values masked,
 * never its bindings, detail or SQL parameters — whatever the error is and wherever it comes from.
 */
export function describeError(err: unknown): SafeError {
  if (typeof err !== 'object' || err === null) return { type: typeof err, message: maskQuoted(String(err)) };
  const e = err as { name?: unknown; message?: unknown; code?: unknown; stack?: unknown };
  const type = typeof e.name === 'string' ? e.name : 'Error';
  const message = maskQuoted(typeof e.message === 'string' ? e.message : '');
  const safe: SafeError = { type, message };
  if (typeof e.code === 'string' || typeof e.code === 'number') safe.code = String(e.code);
  if (typeof e.stack === 'string') safe.stack = replaceHeadline(e.stack, type, message);
  return safe;
}

/** A database error in a few French words, for the one line the server prints when it cannot start. */
export function reasonInFrench(err: unknown): string {
  const e = (err ?? {}) as { code?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  const reasons: Record<string, string> = {
    ECONNREFUSED: 'connexion refusée (le serveur est-il démarré, sur ce port ?)',
    ENOTFOUND: 'hôte inconnu',
    EAI_AGAIN: 'hôte introuvable pour le moment (DNS)',
    ETIMEDOUT: 'pas de réponse du serveur',
    EHOSTUNREACH: 'hôte injoignable',
    ENETUNREACH: 'réseau injoignable',
    ECONNRESET: 'connexion coupée par le serveur',
    '28P01': 'mot de passe refusé',
    '28000': 'connexion refusée à cet utilisateur',
    '3D000': 'cette base n’existe pas',
    '53300': 'trop de connexions ouvertes sur le serveur',
    '57P03': 'le serveur démarre ou s’arrête',
    SQLITE_CANTOPEN: 'fichier impossible à ouvrir (dossier absent ou sans droit d’écriture ?)',
    SQLITE_BUSY: 'base verrouillée par un autre processus',
    SQLITE_READONLY: 'fichier en lecture seule',
  };
  if (reasons[code]) return `${reasons[code]} [${code}]`;
  if (err instanceof AggregateError && err.errors.length) return reasonInFrench(err.errors[0]);
  const message = typeof e.message === 'string' ? e.message : String(err);
  if (/timeout/i.test(message)) return `pas de réponse dans le délai imparti (${maskQuoted(message)})`;
  return maskQuoted(message) + (code ? ` [${code}]` : '');
}
