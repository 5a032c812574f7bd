// The only code that reads and writes companies and users.
import { insertedId, isSqlite, type Db } from '../db/connect';
import { isRowId } from '../web/parse';

export type Role = 'partner' | 'staff';

export type User = {
  id: number;
  companyId: number;
  companyName: string;
  email: string;
  passwordHash: string;
  role: Role;
  failedSignIns: number;
  lockedUntil: Date | null;
};

/** A users row joined to its company's name, as every reader of users selects it. */
export type UserRow = {
  id: number;
  company_id: number;
  company_name: string;
  email: string;
  password_hash: string;
  role: Role;
  failed_sign_ins: number;
  locked_until: string | Date | null;
};

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    companyId: row.company_id,
    companyName: row.company_name,
    email: row.email,
    passwordHash: row.password_hash,
    role: row.role,
    failedSignIns: row.failed_sign_ins,
    lockedUntil: row.locked_until === null ? null : new Date(row.locked_until),
  };
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function usersRepository(db: Db) {
  const selectUsers = () =>
    db('users')
      .join('companies', 'companies.id', 'users.company_id')
      .select<UserRow[]>('users.*', 'companies.name as company_name');

  return {
    async findByEmail(email: string): Promise<User | undefined> {
      // No address has a NUL in it, and PostgreSQL would refuse to compare one.
      if (email.includes('\0')) return undefined;
      const row = await selectUsers().where('users.email', normaliseEmail(email)).first();
      return row ? toUser(row) : undefined;
    },

    async findById(id: number): Promise<User | undefined> {
      if (!isRowId(id)) return undefined;
      const row = await selectUsers().where('users.id', id).first();
      return row ? toUser(row) : undefined;
    },

    async countUsers(): Promise<number> {
      const row = await db('users').count({ n: '*' }).first();
      return Number(row?.n ?? 0);
    },

    /** Finds the company by name, creating it when new. */
    async companyIdFor(name: string): Promise<number> {
      const existing = await db('companies').where({ name }).first('id');
      if (existing) return existing.id;
      const [created] = await db('companies')
        .insert({ name, created_at: new Date().toISOString() })
        .returning('id');
      return insertedId(created);
    },

    async insertUser(user: { companyId: number; email: string; passwordHash: string; role: Role }) {
      const [created] = await db('users')
        .insert({
          company_id: user.companyId,
          email: normaliseEmail(user.email),
          password_hash: user.passwordHash,
          role: user.role,
          created_at: new Date().toISOString(),
        })
        .returning('id');
      return insertedId(created);
    },

    /**
     * Claims the right to check one password, in one conditional UPDATE: the account must not be
     * locked, and the attempt is counted before the password is checked. The attempt that reaches
     * the limit locks the account at once, so that of any number of simultaneous attempts, on any
     * number of instances, at most `limit` are ever checked per lock window (the database serialises
     * the UPDATEs on the row). A lock that is over starts a new count. A success resets it all.
     */
    async claimAttempt(id: number, limit: number, now: Date, lockUntil: Date): Promise<boolean> {
      const until = isSqlite(db) ? '?' : 'cast(? as timestamptz)';
      // Under the WHERE below, a non-null locked_until is a lock that is over.
      const count = 'case when locked_until is null then failed_sign_ins + 1 else 1 end';
      const claimed = await db('users')
        .where({ id })
        .andWhere((q) => q.whereNull('locked_until').orWhere('locked_until', '<=', now.toISOString()))
        .update({
          failed_sign_ins: db.raw(count),
          locked_until: db.raw(`case when ${count} >= ? then ${until} else null end`, [
            limit,
            lockUntil.toISOString(),
          ]),
        });
      return claimed > 0;
    },

    async recordSuccess(id: number): Promise<void> {
      await db('users').where({ id }).update({ failed_sign_ins: 0, locked_until: null });
    },
  };
}

export type UsersRepository = ReturnType<typeof usersRepository>;
