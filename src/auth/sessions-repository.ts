// The only code that reads and writes the sessions table (sid, sess as JSON, expired).
// A signed-in request reads its session and its user with its company in one statement: the user
// id is inside the session's JSON, so the join reads it there (json_extract / ->>), by primary key.
import { isSqlite, type Db } from '../db/connect';
import { parseJson, rawRow } from '../db/rows';
import { toUser, type User, type UserRow } from './users-repository';

export type StoredSession = { data: Record<string, unknown>; user: User | undefined };

type Row = Omit<UserRow, 'id'> & { sess: string | Record<string, unknown>; user_id: number | null };

const select = (userIdFromJson: string) => `
  select s.sess, u.id as user_id, u.company_id, c.name as company_name, u.email, u.password_hash,
         u.role, u.failed_sign_ins, u.locked_until
  from sessions s
  left join users u on u.id = ${userIdFromJson}
  left join companies c on c.id = u.company_id
  where s.sid = ? and s.expired > ?`;

// One constant text per engine: knex builds nothing per request, the drivers cache the plan.
const READ = {
  sqlite: select(`json_extract(s.sess, '$.userId')`),
  postgres: select(`(s.sess->>'userId')::integer`),
};
const UPSERT = `insert into sessions (sid, sess, expired) values (?, ?, ?)
  on conflict (sid) do update set sess = excluded.sess, expired = excluded.expired`;

export function sessionsRepository(db: Db) {
  const sqlite = isSqlite(db);
  // SQLite keeps timestamps as ISO text (compared as text: same format everywhere); PostgreSQL as
  // timestamptz, which reads the same ISO text.
  const at = (date: Date) => date.toISOString();

  return {
    async read(sid: string, now = new Date()): Promise<StoredSession | undefined> {
      const row = await rawRow<Row>(db, sqlite ? READ.sqlite : READ.postgres, [sid, at(now)]);
      if (!row) return undefined;
      const data = typeof row.sess === 'string' ? parseJson<Record<string, unknown>>(row.sess) : row.sess;
      return { data, user: row.user_id === null ? undefined : userOf(row) };
    },

    async write(sid: string, json: string, expires: Date): Promise<void> {
      await db.raw(UPSERT, [sid, json, at(expires)]);
    },

    async remove(sid: string): Promise<void> {
      await db('sessions').where({ sid }).delete();
    },

    async removeExpired(now = new Date()): Promise<number> {
      return db('sessions').where('expired', '<=', at(now)).delete();
    },
  };
}

export type SessionsRepository = ReturnType<typeof sessionsRepository>;

const userOf = (row: Row): User => toUser({ ...row, id: Number(row.user_id) });
