// Every field's declared maximum against the column that stores it, on the real database: a value
// the check lets through always fits (PostgreSQL would refuse it, SQLite would keep it whole).
import type { Knex } from 'knex';
import { storedMaxOf } from '../../src/clients/fields/kinds';
import { steps } from '../../src/clients/fields/steps';
import { columnOf } from '../../src/clients/fields/types';
import { createTestApp, TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const fields = steps.flatMap((step) =>
  step.fields
    .filter((f) => f.kind !== 'fixed')
    .map((field) => [`${step.table}.${columnOf(field)}`, step.table, field] as const),
);

it.each(fields)('%s holds the longest value its field stores', async (_name, table, field) => {
  const info: Partial<Record<string, Knex.ColumnInfo>> = await t.db(table).columnInfo();
  const column = info[columnOf(field)];
  expect(column).toBeDefined();
  const declared = storedMaxOf(field);
  const size = column!.maxLength === null ? undefined : Number(column!.maxLength);
  if (declared === undefined) {
    // Not a bounded string: a boolean, a number of cents, a JSON list.
    expect(size).toBeUndefined();
  } else if (size === undefined) {
    // A text column (a comment): bounded by what may be typed.
    expect(column!.type).toBe('text');
  } else if (field.options) {
    // A choice stores an option's value.
    expect(declared).toBeLessThanOrEqual(size);
  } else {
    expect([field.name, declared]).toEqual([field.name, size]);
  }
});
