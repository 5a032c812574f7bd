// The only code that reads and writes companies and users.
import { insertedId, type Db } from '../db/connect';

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

type UserRow = {
  id: number;
  company_id: number;
  company_name: string;
  email: string;
  password_hash: string;
  role: Role;
  failed_sign_ins: number;
  locked_until: string | Date | null;
};

function toUser(row: UserRow): User {
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
      .select('users.*', 'companies.name as company_name');

  return {
    async findByEmail(email: string): Promise<User | undefined> {
      const row = await selectUsers().where('users.email', normaliseEmail(email)).first();
      return row ? toUser(row) : undefined;
    },

    async findById(id: number): Promise<User | undefined> {
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
     * Counts one more failure in a single UPDATE, so that concurrent attempts on several instances
     * cannot lose a count, and locks the account when the count reaches the limit.
     */
    async recordFailure(id: number, limit: number, lockUntil: Date): Promise<void> {
      await db.transaction(async (trx) => {
        await trx('users').where({ id }).increment('failed_sign_ins', 1);
        await trx('users')
          .where({ id })
          .andWhere('failed_sign_ins', '>=', limit)
          .update({ failed_sign_ins: 0, locked_until: lockUntil.toISOString() });
      });
    },

    async recordSuccess(id: number): Promise<void> {
      await db('users').where({ id }).update({ failed_sign_ins: 0, locked_until: null });
    },
  };
}

export type UsersRepository = ReturnType<typeof usersRepository>;
