// A fresh, empty database per test app: a SQLite file in a temporary folder, or — when
// TEST_DATABASE_URL names a PostgreSQL server — a new database created on it and dropped after.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knex from 'knex';
import { migrateToLatest, openDatabase, type Db } from '../../src/db/connect';

export type FreshDatabase = { url: string; drop(): Promise<void> };

export async function freshDatabase(kind: 'sqlite' | 'postgres' = defaultKind()): Promise<FreshDatabase> {
  if (kind === 'postgres') return freshPostgres(postgresUrl()!);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'myopenip-test-'));
  return {
    url: `sqlite:${path.join(dir, 'test.sqlite')}`,
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function postgresUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL;
  return url && /^postgres(ql)?:\/\//.test(url) ? url : undefined;
}

function defaultKind(): 'sqlite' | 'postgres' {
  return postgresUrl() && process.env.TEST_DATABASE_DEFAULT === 'postgres' ? 'postgres' : 'sqlite';
}

async function freshPostgres(serverUrl: string): Promise<FreshDatabase> {
  const name = `myopenip_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = knex({ client: 'pg', connection: serverUrl, pool: { min: 0, max: 1 } });
  try {
    await admin.raw(`create database ${name}`);
  } finally {
    await admin.destroy();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const dropper = knex({ client: 'pg', connection: serverUrl, pool: { min: 0, max: 1 } });
      try {
        await dropper.raw(`drop database if exists ${name} with (force)`);
      } finally {
        await dropper.destroy();
      }
    },
  };
}

export type MigratedDatabase = { db: Db; url: string; close(): Promise<void> };

/** A fresh database, migrated and opened; close() ends its pool, then drops it. */
export async function migratedDatabase(): Promise<MigratedDatabase> {
  const fresh = await freshDatabase();
  const db = openDatabase(fresh.url);
  await migrateToLatest(db);
  return {
    db,
    url: fresh.url,
    async close() {
      await db.destroy();
      await fresh.drop();
    },
  };
}
