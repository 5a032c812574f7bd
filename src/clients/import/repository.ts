// The only code that reads and writes imports: the file's rows waiting between the preview and the
// confirmation (so that any instance can show the one and run the other), dropped once confirmed
// or after a day.
import type { Knex } from 'knex';
import { insertedId, type Db } from '../../db/connect';

export type ImportStatus = 'mapping' | 'preview' | 'importing' | 'done';

export type ImportResult = { active: number; draft: number; skipped: number };

export type ImportRecord = {
  id: number;
  companyId: number;
  fileName: string;
  status: ImportStatus;
  headers: string[];
  mapping: (string | null)[];
  preview: unknown;
  result: ImportResult;
  progress: number;
  createdAt: Date;
  updatedAt: Date;
};

const DAY_MS = 24 * 3600_000;
/** A confirmation that has not advanced for this long died with its process: another may resume it. */
export const STALLED_MS = 2 * 60_000;
const ROW_CHUNK = 500;

/** A waiting row: its line in the file, and what it holds (cells, or a prepared customer) as JSON. */
export type StoredRow = { line: number; json: string };

const json = <T>(text: unknown, fallback: T): T => (text ? (JSON.parse(String(text)) as T) : fallback);

function toRecord(row: Record<string, unknown>): ImportRecord {
  return {
    id: Number(row.id),
    companyId: Number(row.company_id),
    fileName: String(row.file_name),
    status: row.status as ImportStatus,
    headers: json(row.headers, []),
    mapping: json(row.mapping, []),
    preview: json(row.preview, null),
    result: json(row.result, { active: 0, draft: 0, skipped: 0 }),
    progress: Number(row.progress),
    createdAt: new Date(row.created_at as string),
    updatedAt: new Date(row.updated_at as string),
  };
}

export function importsRepository(db: Db) {
  const now = () => new Date().toISOString();
  const expiry = () => new Date(Date.now() - DAY_MS).toISOString();

  async function insertRows(trx: Knex.Transaction | Db, importId: number, rows: StoredRow[]) {
    for (let start = 0; start < rows.length; start += ROW_CHUNK) {
      const chunk = rows.slice(start, start + ROW_CHUNK);
      await trx('import_rows').insert(
        chunk.map((r) => ({ import_id: importId, line: r.line, payload: r.json })),
      );
    }
  }

  return {
    /** The partner's import; undefined (a 404) for another partner's, or one left unconfirmed a day. */
    async find(id: number, companyId: number): Promise<ImportRecord | undefined> {
      if (!Number.isSafeInteger(id) || id <= 0) return undefined;
      const row = await db('imports').where({ id, company_id: companyId }).first();
      if (!row) return undefined;
      const record = toRecord(row);
      const expired = record.status !== 'done' && record.createdAt.getTime() < Date.now() - DAY_MS;
      return expired ? undefined : record;
    },

    /** A new import with the file's rows, in one transaction. */
    create(input: {
      companyId: number;
      userId: number;
      fileName: string;
      status: ImportStatus;
      headers: string[];
      mapping: (string | null)[];
      preview?: unknown;
      rows: StoredRow[];
    }): Promise<number> {
      return db.transaction(async (trx) => {
        const at = now();
        const [inserted] = await trx('imports')
          .insert({
            company_id: input.companyId,
            user_id: input.userId,
            file_name: input.fileName.slice(0, 255),
            status: input.status,
            headers: JSON.stringify(input.headers),
            mapping: JSON.stringify(input.mapping),
            preview: input.preview === undefined ? null : JSON.stringify(input.preview),
            created_at: at,
            updated_at: at,
          })
          .returning('id');
        const id = insertedId(inserted);
        await insertRows(trx, id, input.rows);
        return id;
      });
    },

    /** Replaces the rows as read by the rows as they will be written, with the preview. */
    toPreview(
      id: number,
      input: { mapping: (string | null)[]; preview: unknown; rows: StoredRow[] },
    ): Promise<boolean> {
      return db.transaction(async (trx) => {
        const updated = await trx('imports')
          .where({ id, status: 'mapping' })
          .update({
            status: 'preview',
            mapping: JSON.stringify(input.mapping),
            preview: JSON.stringify(input.preview),
            updated_at: now(),
          });
        if (updated === 0) return false;
        await trx('import_rows').where('import_id', id).delete();
        await insertRows(trx, id, input.rows);
        return true;
      });
    },

    /** Every row of an import, in order. */
    async rows<T>(id: number, after = 0, limit?: number): Promise<{ line: number; payload: T }[]> {
      const query = db('import_rows').where('import_id', id).andWhere('line', '>', after).orderBy('line');
      if (limit) query.limit(limit);
      const rows = await query.select('line', 'payload');
      return rows.map((r: { line: number; payload: string }) => ({
        line: Number(r.line),
        payload: JSON.parse(r.payload) as T,
      }));
    },

    /**
     * Takes the confirmation: only one request (on any instance) gets true, so a double press or a
     * replay writes nothing twice. One that stalled (its process died) can be taken over.
     */
    async startImport(id: number): Promise<boolean> {
      const stalled = new Date(Date.now() - STALLED_MS).toISOString();
      const updated = await db('imports')
        .where('id', id)
        .andWhere((q) =>
          q
            .where('status', 'preview')
            .orWhere((s) => s.where('status', 'importing').andWhere('updated_at', '<', stalled)),
        )
        .update({ status: 'importing', updated_at: now() });
      return updated > 0;
    },

    /** Records, in the transaction that wrote them, the rows done and what they created. */
    async advance(trx: Knex.Transaction, id: number, progress: number, result: ImportResult) {
      await trx('imports')
        .where('id', id)
        .update({ progress, result: JSON.stringify(result), updated_at: now() });
    },

    /** The import is done: its result stays (the result page, Mes clients' filter), its rows go. */
    finish(id: number): Promise<void> {
      return db.transaction(async (trx) => {
        await trx('imports').where('id', id).update({ status: 'done', updated_at: now() });
        await trx('import_rows').where('import_id', id).delete();
      });
    },

    /** Imports left unconfirmed for a day, with their rows (the tables cascade). */
    async dropExpired(): Promise<number> {
      return db('imports').whereNot('status', 'done').andWhere('created_at', '<', expiry()).delete();
    },

    /** The references among these that the partner's customers already use, with their names. */
    async referencesInUse(companyId: number, references: string[]): Promise<Map<string, string>> {
      const used = new Map<string, string>();
      for (let start = 0; start < references.length; start += ROW_CHUNK) {
        const rows = await db('clients')
          .where('company_id', companyId)
          .whereIn('reference', references.slice(start, start + ROW_CHUNK))
          .select('reference', 'raison_sociale');
        for (const r of rows) used.set(String(r.reference), String(r.raison_sociale ?? ''));
      }
      return used;
    },
  };
}

export type ImportsRepository = ReturnType<typeof importsRepository>;
