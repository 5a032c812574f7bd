// The database settings read from the environment: defaults, and a French refusal of a bad value.
import { readConfig } from '../../src/config';

it('defaults to 10 connections and a 5-second statement timeout', () => {
  expect(readConfig({})).toMatchObject({ databasePoolSize: 10, statementTimeoutMs: 5000 });
});

it('takes whole numbers in range, 0 meaning no statement timeout', () => {
  const config = readConfig({ DATABASE_POOL_SIZE: '4', DATABASE_STATEMENT_TIMEOUT: '0' });
  expect(config).toMatchObject({ databasePoolSize: 4, statementTimeoutMs: 0 });
});

it.each([
  ['DATABASE_POOL_SIZE', '0'],
  ['DATABASE_POOL_SIZE', 'dix'],
  ['DATABASE_POOL_SIZE', '2.5'],
  ['DATABASE_STATEMENT_TIMEOUT', '-1'],
  ['DATABASE_STATEMENT_TIMEOUT', '5s'],
])('refuses %s=%s and says what it expects', (name, value) => {
  expect(() => readConfig({ [name]: value })).toThrow(
    new RegExp(`${name} invalide : « ${value} » \\(un nombre entier de \\d+ à \\d+\\)`),
  );
});
