// express-session's Store for this app, on its documented interface (get, set, destroy, touch).
//
// Why not connect-session-knex: it calls back with a database error and then rethrows it from a
// promise nobody awaits (express-session ignores what its store returns), so one unreachable
// database ended the process on an unhandled rejection; and it cannot read the user with the
// session, which cost every signed-in request a second statement.
//
// Rules kept here: every callback is called exactly once, errors only through it; no method throws
// or leaves a promise rejected.
import session from 'express-session';
import type { Logger } from 'pino';
import { describeError } from '../db/errors';
import type { SessionsRepository } from './sessions-repository';
import type { User } from './users-repository';

declare module 'express-session' {
  interface SessionData {
    /**
     * The signed-in user, read by the store in the same statement as the session. Never written
     * back (set() leaves it out), so it is always as fresh as the request.
     */
    signedInUser: User;
  }
}

type Callback<T> = (err: unknown, value?: T) => void;

/** One day, for a session without a cookie expiry (express-session's default cookie has none). */
const DEFAULT_LIFETIME_MS = 24 * 60 * 60_000;

export class DatabaseSessionStore extends session.Store {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly logger?: Logger,
  ) {
    super();
  }

  override get(sid: string, callback: Callback<session.SessionData | null>): void {
    this.settle(
      this.sessions.read(sid).then((stored) => {
        if (!stored) return null;
        const data = stored.data as unknown as session.SessionData;
        if (stored.user) data.signedInUser = stored.user;
        return data;
      }),
      callback,
    );
  }

  override set(sid: string, data: session.SessionData, callback?: Callback<void>): void {
    const expires = data.cookie?.expires
      ? new Date(data.cookie.expires)
      : new Date(Date.now() + (data.cookie?.maxAge ?? DEFAULT_LIFETIME_MS));
    // Nothing loaded with the session is stored with it.
    const json = JSON.stringify(data, (key, value: unknown) => (key === 'signedInUser' ? undefined : value));
    this.settle(this.sessions.write(sid, json, expires), callback);
  }

  override destroy(sid: string, callback?: Callback<void>): void {
    this.settle(this.sessions.remove(sid), callback);
  }

  /**
   * Called by express-session on every request that did not change the session. It writes nothing:
   * keepAlive (session.ts) changes the session once a minute, which saves the row with its new
   * expiry and re-sends the cookie with it — pushing only the row's expiry back would leave the
   * browser's cookie to expire first.
   */
  override touch(_sid: string, _data: session.SessionData, callback?: () => void): void {
    callback?.();
  }

  /** Calls back once, with the value or the error; a callback that throws is logged, not rethrown. */
  private settle<T>(work: Promise<T>, callback: Callback<T> | undefined): void {
    work
      .then(
        (value) => callback?.(null, value),
        (err) => callback?.(err),
      )
      .catch((thrown) =>
        this.logger?.error({ err: describeError(thrown) }, 'session : le rappel a levé une erreur'),
      );
  }
}
