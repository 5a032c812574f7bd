// One way to load and authorise the customer a URL names (/clients/:id/…), for every route that
// has such URLs: `router.param('id', loadClient(clients))`, once in createApp. A customer the user
// may not see is a 404, whatever the reason (absent, or another partner's), so that ids reveal nothing.
import type { RequestParamHandler, Response } from 'express';
import { currentUser } from '../auth/current-user';
import { NotFoundError } from '../web/errors';
import { parseId } from '../web/parse';
import { scopeOf } from './model';
import type { ClientRecord, ClientsRepository } from './repository';

declare module 'express-serve-static-core' {
  interface Locals {
    /** The customer of the URL, loaded by loadClient: one the user may see. */
    client?: ClientRecord;
  }
}

export function loadClient(clients: ClientsRepository): RequestParamHandler {
  return async (_req, res, next, id) => {
    // An id beyond the column's integer range is no customer: a 404, never a database error.
    const parsed = parseId(id);
    const client = parsed && (await clients.find(parsed, scopeOf(currentUser(res))));
    if (!client) throw new NotFoundError();
    res.locals.client = client;
    next();
  };
}

/** The customer of the URL: one the user may see (staff: any partner's). */
export function visibleClient(res: Response): ClientRecord {
  const client = res.locals.client;
  if (!client) throw new Error('router.param(id, loadClient) must run before this handler');
  return client;
}

/** The customer of the URL, when it is the user's own company's to change; a 404 otherwise. */
export function ownClient(res: Response): ClientRecord {
  const client = visibleClient(res);
  if (client.companyId !== currentUser(res).companyId) throw new NotFoundError();
  return client;
}
