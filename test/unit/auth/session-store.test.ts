// The session store's contract with express-session: every callback called exactly once, errors
// only through it, nothing thrown and no promise left rejected — whatever the database does.
import type { SessionData } from 'express-session';
import { DatabaseSessionStore } from '../../../src/auth/session-store';
import type { SessionsRepository } from '../../../src/auth/sessions-repository';
import type { User } from '../../../src/auth/users-repository';
import { createLogger } from '../../../src/web/request-logging';
import { parseJson } from '../../../src/db/rows';

const user: User = {
  id: 7,
  companyId: 3,
  companyName: 'Démo Télécom',
  email: 'demo@myopenip.test',
  passwordHash: 'hash',
  role: 'partner',
  failedSignIns: 0,
  lockedUntil: null,
};

const outage = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

function repository(overrides: Partial<SessionsRepository> = {}): SessionsRepository {
  return {
    read: async () => undefined,
    write: async () => undefined,
    remove: async () => undefined,
    removeExpired: async () => 0,
    ...overrides,
  };
}

/** Calls a store method and resolves with every call its callback received, once things settle. */
async function calls(run: (callback: (...args: unknown[]) => void) => void): Promise<unknown[][]> {
  const received: unknown[][] = [];
  run((...args) => received.push(args));
  await new Promise((r) => setTimeout(r, 20));
  return received;
}

const session = (extra: Partial<SessionData> = {}) =>
  ({ cookie: { expires: new Date(Date.now() + 60_000), originalMaxAge: 60_000 }, ...extra }) as SessionData;

let rejections: unknown[];
const onRejection = (reason: unknown) => rejections.push(reason);
beforeEach(() => {
  rejections = [];
  process.on('unhandledRejection', onRejection);
});
afterEach(() => {
  process.off('unhandledRejection', onRejection);
  expect(rejections).toEqual([]);
});

describe.each([
  ['get', (s: DatabaseSessionStore, cb: (...a: unknown[]) => void) => s.get('sid', cb)],
  ['set', (s: DatabaseSessionStore, cb: (...a: unknown[]) => void) => s.set('sid', session(), cb)],
  ['destroy', (s: DatabaseSessionStore, cb: (...a: unknown[]) => void) => s.destroy('sid', cb)],
])('%s when the database fails', (_name, call) => {
  it('passes the error to the callback exactly once, and throws nothing', async () => {
    const failing = async () => {
      throw outage;
    };
    const store = new DatabaseSessionStore(repository({ read: failing, write: failing, remove: failing }));
    const received = await calls((cb) => expect(() => call(store, cb)).not.toThrow());
    expect(received).toEqual([[outage]]);
  });

  it('never calls back twice, even when the callback itself throws', async () => {
    const store = new DatabaseSessionStore(repository(), createLogger('silent'));
    let count = 0;
    call(store, () => {
      count += 1;
      throw new Error('bug in the caller');
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(count).toBe(1);
  });
});

it('get gives the session with its user, read in the same statement', async () => {
  const store = new DatabaseSessionStore(
    repository({ read: async () => ({ data: { userId: 7, cookie: {} }, user }) }),
  );
  const [[err, data] = []] = await calls((cb) => store.get('sid', cb));
  expect(err).toBeNull();
  expect(data).toMatchObject({
    userId: 7,
    signedInUser: { email: 'demo@myopenip.test', companyName: 'Démo Télécom' },
  });
});

it('get gives null for an unknown or expired session', async () => {
  const store = new DatabaseSessionStore(repository());
  expect(await calls((cb) => store.get('sid', cb))).toEqual([[null, null]]);
});

it('set never stores the user loaded with the session, and keeps the cookie expiry', async () => {
  const writes: [string, string, Date][] = [];
  const store = new DatabaseSessionStore(
    repository({ write: async (sid, json, expires) => void writes.push([sid, json, expires]) }),
  );
  const data = session({ userId: 7, signedInUser: user });
  expect(await calls((cb) => store.set('sid', data, cb))).toEqual([[null, undefined]]);
  expect(writes).toHaveLength(1);
  expect(parseJson<unknown>(writes[0]![1])).toEqual({ userId: 7, cookie: expect.any(Object) as unknown });
  expect(writes[0]![2].getTime()).toBe(new Date(data.cookie.expires!).getTime());
});

it('touch writes nothing and calls back', async () => {
  const write = jest.fn();
  const store = new DatabaseSessionStore(repository({ write }));
  expect(await calls((cb) => store.touch('sid', session(), cb))).toEqual([[]]);
  expect(write).not.toHaveBeenCalled();
});
