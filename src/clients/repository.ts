// The only code that reads and writes customers. Rows are snake_case, the app sees camelCase.
import type { Knex } from 'knex';
import { insertedId, type Db } from '../db/connect';
import { prepareStatement } from '../db/prepared';
import { isRowId } from '../web/parse';
import type { ClientEventRow, ClientRow, StoredDate } from '../db/tables';
import { parseJson } from '../db/rows';
import type { AllAnswers, Step } from './fields/types';
import type { StepColumns } from './fields/kinds';
import type { ListKeys } from './fields/derived';
import { steps } from './fields/steps';

export type ClientState = ClientRow['state'];

export type ClientRecord = {
  id: number;
  companyId: number;
  companyName: string;
  state: ClientState;
  version: number;
  reachedStep: number;
  answers: AllAnswers;
  raisonSociale: string | null;
  reference: string | null;
  siren: string | null;
  mainCity: string | null;
  createdAt: Date;
  updatedAt: Date;
  activatedAt: Date | null;
};

export type ClientEvent = {
  action: string;
  step: number | null;
  at: Date;
  userEmail: string | null;
  /** What the action concerned beyond the step: the file of an import. */
  detail?: string | null;
};

/** An event with the e-mail of who did it, as events() selects it. */
type EventRow = Pick<ClientEventRow, 'action' | 'step' | 'at' | 'detail'> & { user_email: string | null };

/** Who may see which customers: a partner its own company's, staff everyone's. */
export type Scope = { companyId: number } | 'all';

/** A clients row with its company's name, as find() selects it. */
type FoundRow = ClientRow & { company_name: string };

const dateOf = (v: StoredDate) => new Date(v);

function toRecord(row: FoundRow): ClientRecord {
  return {
    id: row.id,
    companyId: row.company_id,
    companyName: row.company_name,
    state: row.state,
    version: row.version,
    reachedStep: row.reached_step,
    answers: parseJson<AllAnswers>(row.answers || '{}'),
    raisonSociale: row.raison_sociale ?? null,
    reference: row.reference ?? null,
    siren: row.siren ?? null,
    mainCity: row.main_city ?? null,
    createdAt: dateOf(row.created_at),
    updatedAt: dateOf(row.updated_at),
    activatedAt: row.activated_at === null ? null : dateOf(row.activated_at),
  };
}

/** Columns of the clients row kept for the list: the search text, the sort keys, the main commune. */
export type ListColumns = ListKeys & { main_city?: string | null };

export type StepWrite = {
  step: Step;
  /** The step table's typed columns. */
  columns: StepColumns;
  answers: AllAnswers;
  reachedStep: number;
  listColumns: ListColumns;
  userId: number;
  /** The last step of a complete draft: saved and activated in the same transaction. */
  activate?: boolean;
};

export class UniqueReferenceError extends Error {}

/** A customer from an import file: every step's typed columns and answers, written at once. */
export type ImportedCustomer = {
  state: 'active' | 'draft';
  reference: string;
  answers: AllAnswers;
  columns: Record<Step['table'], StepColumns>;
  listColumns: ListColumns;
};

export type ImportedClient = { id: number; reference: string; state: ImportedCustomer['state'] };

// Under SQLite's 32,766 bound parameters per statement, for the widest table (clients).
const IMPORT_CHUNK = 400;

const PREFIX = 'CLI-';

// The partner's highest « CLI-dddddd », one constant text per engine (built once, planned once by
// the driver, prepared once per connection): a range on the (company_id, reference) index in byte order, read backwards.
const HIGHEST_REFERENCE = {
  sqlite: `select reference from clients
    where company_id = ? and reference between '${PREFIX}000000' and '${PREFIX}999999'
      and reference glob '${PREFIX}${'[0-9]'.repeat(6)}'
    order by reference desc limit 1`,
  postgres: `select reference from clients
    where company_id = $1 and reference collate "C" between '${PREFIX}000000' and '${PREFIX}999999'
      and reference ~ '^${PREFIX}[0-9]{6}$'
    order by reference collate "C" desc limit 1`,
};

/** The partner's other customers with a SIREN the warning names; one more is read to know there are more. */
export const NAMED_TWINS = 5;
// After each step 1 that has a SIREN: the first NAMED_TWINS + 1 of the partner's other customers with it.
// A seek on one of the list's sort_siren indexes: sort_siren holds the SIREN's digits, so it equals
// siren wherever siren is set; siren is still compared, for drafts whose answer is not a valid SIREN.
// (company_id, siren) cost every insert for this one read (20261203060000_drop_unused_client_indexes).
const SAME_SIREN = {
  sqlite: `select id, raison_sociale from clients
    where company_id = ?1 and sort_siren = ?2 and siren = ?2 and id <> ?3 limit ${NAMED_TWINS + 1}`,
  postgres: `select id, raison_sociale from clients
    where company_id = $1 and sort_siren = $2 and siren = $2 and id <> $3 limit ${NAMED_TWINS + 1}`,
};

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === '23505' || (e?.code === 'SQLITE_CONSTRAINT' && /UNIQUE/.test(e.message ?? ''));
}

export function clientsRepository(db: Db) {
  const now = () => new Date().toISOString();
  const highestReference = prepareStatement<{ reference: string }>(db, HIGHEST_REFERENCE);
  const customersWithSiren = prepareStatement<{ id: number; raison_sociale: string | null }>(db, SAME_SIREN);

  function scoped<TRecord extends object, TResult>(query: Knex.QueryBuilder<TRecord, TResult>, scope: Scope) {
    return scope === 'all' ? query : query.where('clients.company_id', scope.companyId);
  }

  async function writeStepTable(trx: Knex.Transaction, clientId: number, write: StepWrite, at: string) {
    const { table } = write.step;
    if (table === 'clients') return;
    const key = { client_id: clientId, ...write.step.rowKey };
    const updated = await trx(table)
      .where(key)
      .update({ ...write.columns, updated_at: at });
    if (updated === 0) await trx(table).insert({ ...key, ...write.columns, created_at: at, updated_at: at });
  }

  async function recordEvent(
    trx: Knex.Transaction | Db,
    clientId: number,
    userId: number,
    action: string,
    step: number | null,
  ) {
    await trx('client_events').insert({ client_id: clientId, user_id: userId, action, step, at: now() });
  }

  const limits = new Map<string, Promise<Record<string, number>>>();
  function columnLimits(table: string): Promise<Record<string, number>> {
    let known = limits.get(table);
    if (!known) {
      known = db(table)
        .columnInfo()
        .then((info) =>
          Object.fromEntries(
            Object.entries(info)
              .filter(([, c]) => typeof c.maxLength === 'number' && c.maxLength > 0)
              .map(([name, c]) => [name, Number(c.maxLength)]),
          ),
        );
      known.catch(() => limits.delete(table));
      limits.set(table, known);
    }
    return known;
  }

  async function guardUnique<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if (isUniqueViolation(err)) throw new UniqueReferenceError();
      throw err;
    }
  }

  return {
    async find(id: number, scope: Scope): Promise<ClientRecord | undefined> {
      if (!isRowId(id)) return undefined;
      const row = await scoped(
        db('clients')
          .join('companies', 'companies.id', 'clients.company_id')
          .select<FoundRow[]>('clients.*', 'companies.name as company_name')
          .where('clients.id', id),
        scope,
      ).first();
      return row ? toRecord(row) : undefined;
    },

    /** Creates the draft with its first step, in one transaction with its history entry. */
    createDraft(companyId: number, write: StepWrite): Promise<number> {
      return guardUnique(() =>
        db.transaction(async (trx) => {
          const at = now();
          const stepColumns = write.step.table === 'clients' ? write.columns : {};
          const [inserted] = await trx('clients')
            .insert({
              company_id: companyId,
              state: 'draft',
              version: 1,
              reached_step: write.reachedStep,
              answers: JSON.stringify(write.answers),
              ...stepColumns,
              ...write.listColumns,
              created_by: write.userId,
              updated_by: write.userId,
              created_at: at,
              updated_at: at,
            })
            .returning('id');
          const id = insertedId(inserted);
          await writeStepTable(trx, id, write, at);
          await recordEvent(trx, id, write.userId, 'created', write.step.number);
          return id;
        }),
      );
    },

    /**
     * Saves one step over the version the form was read at, and activates the draft with it when
     * asked: one transaction, so that no crash can leave a complete customer saved but not activated.
     * Returns false, writing nothing, when someone saved a newer version in between (or, to
     * activate, when it is no longer a draft).
     */
    saveStep(clientId: number, expectedVersion: number, write: StepWrite): Promise<boolean> {
      return guardUnique(() =>
        db.transaction(async (trx) => {
          const at = now();
          const stepColumns = write.step.table === 'clients' ? write.columns : {};
          const activation = write.activate ? { state: 'active' as const, activated_at: at } : {};
          const updated = await trx('clients')
            .where({ id: clientId, version: expectedVersion, ...(write.activate ? { state: 'draft' } : {}) })
            .update({
              ...stepColumns,
              ...write.listColumns,
              ...activation,
              answers: JSON.stringify(write.answers),
              reached_step: write.reachedStep,
              version: expectedVersion + 1,
              updated_by: write.userId,
              updated_at: at,
            });
          if (updated === 0) return false;
          await writeStepTable(trx, clientId, write, at);
          const event = { client_id: clientId, user_id: write.userId, at };
          await trx('client_events').insert([
            { ...event, action: 'updated', step: write.step.number },
            ...(write.activate ? [{ ...event, action: 'activated', step: null }] : []),
          ]);
          return true;
        }),
      );
    },

    async referenceOwner(companyId: number, reference: string, exceptId?: number) {
      const query = db('clients').where({ company_id: companyId, reference }).first('id', 'raison_sociale');
      if (exceptId) query.whereNot('id', exceptId);
      const row = await query;
      return row ? { id: row.id, raisonSociale: row.raison_sociale ?? '' } : undefined;
    },

    /**
     * The next free reference of the form CLI-000124 for this partner: one past the highest such
     * reference, found by one seek down the (partner, reference) index that stops at the first
     * match, case-sensitively and byte by byte on both databases (LIKE ignores case on SQLite only,
     * and PostgreSQL's collation may order « cli-… » among « CLI-… »). One past the highest
     * « CLI-dddddd » is free by construction (uniqueness is case-sensitive), so no second statement
     * checks it — except past CLI-999999, where seven digits leave the pattern.
     */
    async suggestReference(companyId: number): Promise<string> {
      const rows = await highestReference([companyId]);
      let next = (rows[0] ? Number(rows[0].reference.slice(PREFIX.length)) : 0) + 1;
      for (;;) {
        const candidate = `${PREFIX}${String(next).padStart(6, '0')}`;
        if (next <= 999_999) return candidate;
        if (!(await db('clients').where({ company_id: companyId, reference: candidate }).first('id')))
          return candidate;
        next += 1;
      }
    },

    /**
     * The columns of a step's values that are longer than the database's column (knex reads the
     * declared sizes from either database once). Nothing longer than its column may reach a write:
     * PostgreSQL would refuse it with an error where SQLite would keep it.
     */
    async overlongColumns(table: Step['table'], columns: StepColumns): Promise<string[]> {
      const limits = await columnLimits(table);
      return Object.entries(columns)
        .filter(([name, value]) => typeof value === 'string' && value.length > (limits[name] ?? Infinity))
        .map(([name]) => name);
    },

    async sameSiren(companyId: number, siren: string, exceptId?: number) {
      const rows = await customersWithSiren([companyId, siren, exceptId ?? 0]);
      return rows.map((r) => ({ id: Number(r.id), raisonSociale: r.raison_sociale ?? '' }));
    },

    async events(clientId: number): Promise<ClientEvent[]> {
      const rows = await db('client_events')
        .leftJoin('users', 'users.id', 'client_events.user_id')
        .where('client_events.client_id', clientId)
        .orderBy([
          { column: 'client_events.at', order: 'desc' },
          { column: 'client_events.id', order: 'desc' },
        ])
        .select<EventRow[]>(
          'client_events.action',
          'client_events.step',
          'client_events.at',
          'client_events.detail',
          'users.email as user_email',
        );
      return rows.map((r) => ({
        action: r.action,
        step: r.step ?? null,
        at: new Date(r.at),
        userEmail: r.user_email ?? null,
        detail: r.detail ?? null,
      }));
    },

    /**
     * Writes customers from an import as the wizard would have, every step at once, in one
     * transaction with their history entries (« Importé depuis fichier.csv ») and whatever `alongside`
     * records (the import's progress). The database's unique (company, reference) decides: a
     * reference already taken creates nothing. Returns the customers created.
     */
    importCustomers(
      input: { companyId: number; userId: number; importId: number; fileName: string },
      customers: ImportedCustomer[],
      alongside: (trx: Knex.Transaction, created: ImportedClient[]) => Promise<void>,
    ): Promise<ImportedClient[]> {
      return db.transaction(async (trx) => {
        const at = now();
        const created: ImportedClient[] = [];
        for (let start = 0; start < customers.length; start += IMPORT_CHUNK) {
          const chunk = customers.slice(start, start + IMPORT_CHUNK);
          const inserted: { id: number; reference: string }[] = await trx('clients')
            .insert(
              chunk.map((c) => ({
                company_id: input.companyId,
                state: c.state,
                version: 1,
                reached_step: 4,
                answers: JSON.stringify(c.answers),
                ...c.columns.clients,
                ...c.listColumns,
                reference: c.reference,
                import_id: input.importId,
                created_by: input.userId,
                updated_by: input.userId,
                created_at: at,
                updated_at: at,
                activated_at: c.state === 'active' ? at : null,
              })),
            )
            .onConflict(['company_id', 'reference'])
            .ignore()
            .returning(['id', 'reference']);
          const byReference = new Map(chunk.map((c) => [c.reference, c]));
          const rows = inserted.map((r) => ({ id: Number(r.id), customer: byReference.get(r.reference)! }));
          if (!rows.length) continue;
          for (const step of steps.filter((s) => s.rowKey)) {
            const table = step.table;
            await trx(table).insert(
              rows.map(({ id, customer }) => ({
                client_id: id,
                ...step.rowKey,
                ...customer.columns[table],
                created_at: at,
                updated_at: at,
              })),
            );
          }
          await trx('client_events').insert(
            rows.map(({ id }) => ({
              client_id: id,
              user_id: input.userId,
              action: 'imported',
              step: null,
              at,
              detail: input.fileName.slice(0, 255),
            })),
          );
          for (const { id, customer } of rows)
            created.push({ id, reference: customer.reference, state: customer.state });
        }
        await alongside(trx, created);
        return created;
      });
    },

    /**
     * Moves a customer from one état to another over the version the confirmation was read at, in
     * one transaction with its history entry. False, writing nothing, when it is no longer that
     * version in that état.
     */
    changeState(
      clientId: number,
      change: { expectedVersion: number; from: ClientState; to: ClientState; action: string; userId: number },
    ): Promise<boolean> {
      return db.transaction(async (trx) => {
        const updated = await trx('clients')
          .where({ id: clientId, version: change.expectedVersion, state: change.from })
          .update({
            state: change.to,
            version: change.expectedVersion + 1,
            updated_at: now(),
            updated_by: change.userId,
          });
        if (updated === 0) return false;
        await recordEvent(trx, clientId, change.userId, change.action, null);
        return true;
      });
    },

    /** Deletes a draft with all it is made of (the tables cascade); false when it is no longer one. */
    async deleteDraft(clientId: number, expectedVersion: number): Promise<boolean> {
      const deleted = await db('clients')
        .where({ id: clientId, version: expectedVersion, state: 'draft' })
        .delete();
      return deleted > 0;
    },
  };
}

export type ClientsRepository = ReturnType<typeof clientsRepository>;
