// The only code that reads and writes the sessions table (sid, sess as JSON, expired).
// A signed-in request reads its session and its user with its company in one statement: the user
// id is inside the session's JSON, so the join reads it there (json_extract / ->>), by primary key.
import type { Db } from '../db/connect';
import { prepareStatement } from '../db/prepared';
import { parseJson } from '../db/rows';
import { toUser, type User, type UserRow } from './users-repository';

export type StoredSession = { data: Record<string, unknown>; user: User | undefined };

type Row = Omit<UserRow, 'id'> & { sess: string | Record<string, unknown>; user_id: number | null };

const select = (userIdFromJson: string, sid: string, now: string) => `
  select s.sess, u.id as user_id, u.company_id, c.name as company_name, u.email, u.password_hash,
         u.role, u.failed_sign_ins, u.locked_until
  from sessions s
  left join users u on u.id = ${userIdFromJson}
  left join companies c on c.id = u.company_id
  where s.sid = ${sid} and s.expired > ${now}`;

// One constant text per engine, prepared once per connection (src/db/prepared.ts).
const READ = {
  sqlite: select(`json_extract(s.sess, '$.userId')`, '?', '?'),
  postgres: select(`(s.sess->>'userId')::integer`, '$1', '$2'),
};
const upsert = (sid: string, sess: string, expired: string) => `insert into sessions (sid, sess, expired)
  values (${sid}, ${sess}, ${expired})
  on conflict (sid) do update set sess = excluded.sess, expired = excluded.expired`;
const UPSERT = { sqlite: upsert('?', '?', '?'), postgres: upsert('$1', '$2', '$3') };

export function sessionsRepository(db: Db) {
  const readSession = prepareStatement<Row>(db, READ);
  const upsertSession = prepareStatement<never>(db, UPSERT);
  // SQLite keeps timestamps as ISO text (compared as text: same format everywhere); PostgreSQL as
  // timestamptz, which reads the same ISO text.
  const at = (date: Date) => date.toISOString();

  return {
    async read(sid: string, now = new Date()): Promise<StoredSession | undefined> {
      const [row] = await readSession([sid, at(now)]);
      if (!row) return undefined;
      const data = typeof row.sess === 'string' ? parseJson<Record<string, unknown>>(row.sess) : row.sess;
      return { data, user: row.user_id === null ? undefined : userOf(row) };
    },

    async write(sid: string, json: string, expires: Date): Promise<void> {
      await upsertSession([sid, json, at(expires)]);
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
