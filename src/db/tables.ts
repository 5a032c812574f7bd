// The rows of our tables as the drivers give them back, declared to knex so that `db('clients')`
// returns typed rows (see migrations/). Both engines are described at once: SQLite keeps timestamps
// as ISO text and booleans as 0/1, PostgreSQL gives Date and boolean, and a bigint as a string.
import type { Knex } from 'knex';

/** A timestamp: ISO text on SQLite, a Date on PostgreSQL. */
export type StoredDate = string | Date;
/** A boolean: 0/1 on SQLite, true/false on PostgreSQL. */
export type StoredBoolean = boolean | number;
/** What a typed column of a step holds. */
export type ColumnValue = string | number | boolean | null;

export type CompanyRow = { id: number; name: string; created_at: StoredDate };

export type UserTableRow = {
  id: number;
  company_id: number;
  email: string;
  password_hash: string;
  role: 'partner' | 'staff';
  failed_sign_ins: number;
  locked_until: StoredDate | null;
  created_at: StoredDate;
};

export type SessionRow = { sid: string; sess: string | Record<string, unknown>; expired: StoredDate };

type Timestamps = { created_at: StoredDate; updated_at: StoredDate };

/** The clients row: its state, its answers (JSON text), step 1's typed columns and the list's keys. */
export type ClientRow = Timestamps & {
  id: number;
  company_id: number;
  state: 'draft' | 'active' | 'inactive';
  version: number;
  reached_step: number;
  answers: string;
  raison_sociale: string | null;
  reference: string | null;
  en_creation: StoredBoolean | null;
  siren: string | null;
  legal_form: string | null;
  comment: string | null;
  website: string | null;
  universe: string | null;
  guarantee_type: string | null;
  /** A bigint: a string on PostgreSQL. */
  deposit_cents: number | string | null;
  email_commercial: string | null;
  email_sales_admin: string | null;
  email_admin: string | null;
  main_city: string | null;
  search_text: string | null;
  sort_name: string;
  sort_reference: string;
  sort_siren: string;
  sort_city: string;
  created_by: number | null;
  updated_by: number | null;
  activated_at: StoredDate | null;
  import_id: number | null;
};

type AddressColumns = {
  street_number: string | null;
  street: string | null;
  building: string | null;
  floor: string | null;
  door: string | null;
  staircase: string | null;
  complement: string | null;
  country: string | null;
  postal_code: string | null;
  city: string | null;
  city_insee: string | null;
};

export type SiteRow = Timestamps &
  AddressColumns & {
    id: number;
    client_id: number;
    is_main: StoredBoolean;
    siret: string | null;
    phone: string | null;
    fax: string | null;
    email: string | null;
    comment: string | null;
    opening_hours: string | null;
  };

export type BillingPointRow = Timestamps &
  AddressColumns & {
    id: number;
    client_id: number;
    is_default: StoredBoolean;
    account_holder: string | null;
    billing_email: string | null;
    payment_method: string | null;
    iban: string | null;
    bic: string | null;
    payment_terms: string | null;
    vat_regime: string | null;
    paper_invoice: StoredBoolean | null;
  };

export type ContactRow = Timestamps & {
  id: number;
  client_id: number;
  role: string;
  civility: string | null;
  last_name: string | null;
  first_name: string | null;
  phone: string | null;
  mobile: string | null;
  fax: string | null;
  email: string | null;
  /** A JSON list of option values. */
  functions: string | null;
};

export type ClientEventRow = {
  id: number;
  client_id: number;
  user_id: number | null;
  action: string;
  step: number | null;
  at: StoredDate;
  detail: string | null;
};

export type ClientCountRow = { company_id: number; state: ClientRow['state']; n: number };

export type ImportRow = Timestamps & {
  id: number;
  company_id: number;
  user_id: number | null;
  file_name: string;
  status: 'mapping' | 'preview' | 'importing' | 'done';
  headers: string;
  mapping: string;
  preview: string | null;
  result: string | null;
  progress: number;
};

export type ImportFileRow = { import_id: number; line: number; payload: string };

/** A row of one of a step's tables, as the wizard writes it: its typed columns, which the declarations name. */
export type StepTableRow = { [column: string]: ColumnValue | StoredDate | undefined };

/** Reads give the row; writes of a step's table take the columns its fields declare. */
type StepTable<Row> = Knex.CompositeTableType<Row, Partial<Row> & StepTableRow, Partial<Row> & StepTableRow>;

/** Writes may set a column to an SQL expression (a conditional UPDATE). */
type Updatable<Row> = { [K in keyof Row]?: Row[K] | Knex.Raw };

declare module 'knex/types/tables' {
  interface Tables {
    companies: Knex.CompositeTableType<CompanyRow, Omit<CompanyRow, 'id'>>;
    users: Knex.CompositeTableType<UserTableRow, Partial<UserTableRow>, Updatable<UserTableRow>>;
    sessions: SessionRow;
    clients: StepTable<ClientRow>;
    sites: StepTable<SiteRow>;
    billing_points: StepTable<BillingPointRow>;
    contacts: StepTable<ContactRow>;
    client_events: Knex.CompositeTableType<ClientEventRow, Partial<ClientEventRow>>;
    client_counts: ClientCountRow;
    imports: Knex.CompositeTableType<ImportRow, Partial<ImportRow>>;
    import_rows: ImportFileRow;
  }
}
