// Sessions live in the database (same knex connection), so any app instance can serve any request.
// Idle timeout: the cookie and the row expire 30 minutes after the last request (rolling).
// Absolute timeout: 12 hours after sign-in, whatever the activity.
import { ConnectSessionKnexStore } from 'connect-session-knex';
import { RequestHandler, Router } from 'express';
import session from 'express-session';
import type { Db } from '../db/connect';

export const IDLE_TIMEOUT_MS = 30 * 60_000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60_000;
export const SESSION_COOKIE = 'myopenip.sid';

declare module 'express-session' {
  interface SessionData {
    userId: number;
    signedInAt: number;
    /** The draft this session is filling in, offered again by « Ajouter un client ». */
    currentDraftId: number;
    /** A form posted after the session had expired, offered back after signing in again. */
    pendingPost: { action: string; fields: [string, string][] };
  }
}

export function createSessionStore(db: Db): ConnectSessionKnexStore {
  // Expired rows are deleted by the server's own timer (deleteExpiredSessions), not by the store,
  // so that building the app starts no timer.
  return new ConnectSessionKnexStore({
    knex: db,
    tableName: 'sessions',
    createTable: false,
    cleanupInterval: 0,
  });
}

export async function deleteExpiredSessions(db: Db): Promise<number> {
  return db('sessions').where('expired', '<', new Date().toISOString()).delete();
}

export function setUpWebSession(opts: { store: session.Store; secret: string; secure: boolean }): Router {
  const router = Router();
  router.use(
    session({
      name: SESSION_COOKIE,
      store: opts.store,
      secret: opts.secret,
      resave: false,
      saveUninitialized: false,
      rolling: true,
      cookie: { httpOnly: true, sameSite: 'lax', secure: opts.secure, maxAge: IDLE_TIMEOUT_MS },
    }),
  );
  router.use(enforceAbsoluteTimeout);
  return router;
}

const enforceAbsoluteTimeout: RequestHandler = (req, _res, next) => {
  const signedInAt = req.session.signedInAt;
  if (signedInAt && Date.now() - signedInAt > ABSOLUTE_TIMEOUT_MS) {
    delete req.session.userId;
    delete req.session.signedInAt;
  }
  next();
};
