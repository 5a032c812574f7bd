// Values from a request, parsed to what their column holds before anything reaches the database.
// SQLite takes almost anything; PostgreSQL refuses an integer out of range or a NUL in a text with
// an error, which would be a 500. Parsed here, both engines see the same, valid values.
import type { Request } from 'express';

/** The largest value of an `integer` column (PostgreSQL's int4; knex's increments). */
export const MAX_INTEGER = 2_147_483_647;

/** A 400 page (« Requête invalide ») through the error handler. */
export class BadRequestError extends Error {
  status = 400;
}

/** A whole number between min and MAX_INTEGER written in plain digits, or undefined. */
function boundedInteger(value: unknown, min: number): number | undefined {
  if (typeof value !== 'string' || !/^\d{1,10}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= min && n <= MAX_INTEGER ? n : undefined;
}

/** A row id from a URL or a form (« 12 »; never « 1e3 », « 12.0 » or beyond the column's range). */
export const parseId = (value: unknown): number | undefined => boundedInteger(value, 1);

/** The version a form was read at (0 for a form that creates its row). */
export const parseVersion = (value: unknown): number | undefined => boundedInteger(value, 0);

/** True when a row id found elsewhere (a session, a cursor) fits the id column. */
export const isRowId = (n: unknown): n is number =>
  Number.isSafeInteger(n) && (n as number) >= 1 && (n as number) <= MAX_INTEGER;

/**
 * Text as PostgreSQL's text type can hold it, like SQLite: without NUL characters (which no one
 * types: they come from a tampered request or a paste from a binary file), and with any lone half of
 * a surrogate pair replaced, as the UTF-8 it is sent in would replace it anyway.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function storableText(text: string): string {
  // The common case (nothing to change) costs one scan and no copy.
  if (!/[\0\uD800-\uDFFF]/.test(text)) return text;
  return text.replaceAll('\0', '').replace(LONE_SURROGATE, '\uFFFD');
}

type Body = Record<string, unknown>;

/**
 * A request's posted form, as the body parsers give it (express types it any): fields of unknown
 * shape, each read through one of the parsers here. Empty when nothing was posted.
 */
export function formOf(req: Request): Body {
  const body: unknown = req.body;
  return typeof body === 'object' && body !== null ? (body as Body) : {};
}

/** A posted form with every value storable; `cleaned` says whether anything had to be removed. */
export function storableBody(body: Body | undefined): { body: Body; cleaned: boolean } {
  let cleaned = false;
  const clean = (v: unknown) => {
    if (typeof v !== 'string') return v;
    const text = storableText(v);
    if (text !== v) cleaned = true;
    return text;
  };
  const result: Body = {};
  for (const [name, value] of Object.entries(body ?? {})) {
    result[name] = Array.isArray(value) ? value.map(clean) : clean(value);
  }
  return { body: result, cleaned };
}

/** One query-string value as text (an array or a missing value is empty), storable. */
export const queryText = (value: unknown): string => (typeof value === 'string' ? storableText(value) : '');

/** Answers cut to their length limit kept storable: a cut may split a pair of surrogates. */
export function storableValues<T extends Record<string, string | string[]>>(values: T): T {
  const result: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(values)) {
    result[name] = Array.isArray(value) ? value.map(storableText) : storableText(value);
  }
  return result as T;
}
