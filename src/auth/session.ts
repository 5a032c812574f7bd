// Sessions live in the database (same knex connection), so any app instance can serve any request.
// Idle timeout: the cookie and the row expire 30 minutes after the last activity (to the minute).
// Absolute timeout: 12 hours after sign-in, whatever the activity.
import { RequestHandler } from 'express';
import session from 'express-session';
import type { Logger } from 'pino';
import type { Db } from '../db/connect';
import { saveBeforeRender } from './save-before-render';
import { DatabaseSessionStore } from './session-store';
import { sessionsRepository } from './sessions-repository';

export const IDLE_TIMEOUT_MS = 30 * 60_000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60_000;
export const SESSION_COOKIE = 'myopenip.sid';

declare module 'express-session' {
  interface SessionData {
    userId: number;
    signedInAt: number;
    /** The last time activity pushed the idle timeout back (see keepAlive). */
    lastSeenAt: number;
    /** The draft this session is filling in, offered again by « Ajouter un client ». */
    currentDraftId: number;
    /** A form posted after the session had expired, offered back after signing in again. */
    pendingPost: { action: string; fields: [string, string][] };
  }
}

export function createSessionStore(db: Db, logger?: Logger): session.Store {
  // Expired rows are deleted by the server's own timer (deleteExpiredSessions), not by the store,
  // so that building the app starts no timer.
  return new DatabaseSessionStore(sessionsRepository(db), logger);
}

/** Deletes the sessions past their expiry; the server runs it every 15 minutes. */
export function deleteExpiredSessions(db: Db): Promise<number> {
  return sessionsRepository(db).removeExpired();
}

export function setUpWebSession(opts: {
  store: session.Store;
  secret: string;
  secure: boolean;
}): RequestHandler[] {
  return [
    session({
      name: SESSION_COOKIE,
      store: opts.store,
      secret: opts.secret,
      resave: false,
      saveUninitialized: false,
      rolling: false,
      cookie: { httpOnly: true, sameSite: 'lax', secure: opts.secure, maxAge: IDLE_TIMEOUT_MS },
    }),
    saveBeforeRender,
    keepAlive,
    enforceAbsoluteTimeout,
  ];
}

/** How often activity pushes the idle timeout back: once a minute is precise enough for 30 minutes. */
export const KEEP_ALIVE_MS = 60_000;

const keepAlive: RequestHandler = (req, _res, next) => {
  const inUse = req.session.userId !== undefined || req.session.csrfToken !== undefined;
  if (inUse && Date.now() - (req.session.lastSeenAt ?? 0) > KEEP_ALIVE_MS)
    req.session.lastSeenAt = Date.now();
  next();
};

const enforceAbsoluteTimeout: RequestHandler = (req, _res, next) => {
  const signedInAt = req.session.signedInAt;
  if (signedInAt && Date.now() - signedInAt > ABSOLUTE_TIMEOUT_MS) {
    delete req.session.userId;
    delete req.session.signedInAt;
    delete req.session.signedInUser;
  }
  next();
};
