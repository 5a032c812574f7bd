// The two edges where a value read from the database cannot be typed by knex: JSON kept in a text
// column (answers, an import's headers and rows), and a select knex cannot follow. Each is trusted
// to be what our own code wrote or selected, here and nowhere else.
import type { Knex } from 'knex';

/** A JSON text column read back as what was written into it. */
export function parseJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

/**
 * The first row of a raw statement as the drivers give it back: sqlite3 a list of rows, pg a
 * result with its rows. Typed as its select names them.
 */
export async function rawRow<T>(
  db: Knex,
  sql: string,
  bindings: readonly Knex.Value[],
): Promise<T | undefined> {
  const result: unknown = await db.raw(sql, bindings);
  const rows: unknown = Array.isArray(result) ? result : (result as { rows?: unknown } | null)?.rows;
  return Array.isArray(rows) ? (rows[0] as T | undefined) : undefined;
}

/**
 * The rows of a query knex cannot type (raw expressions in its select, a virtual table, a
 * subquery), as its select names them.
 */
export async function selected<T>(query: Knex.QueryBuilder): Promise<T[]> {
  return (await query) as T[];
}
