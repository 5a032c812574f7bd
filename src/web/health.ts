// /healthz: 200 while the database answers, 503 otherwise — what a load balancer polls.
import { Router } from 'express';
import { databaseAnswers, Db } from '../db/connect';

export function healthRoutes(router: Router, db: Db): void {
  router.get('/healthz', async (_req, res) => {
    const ok = await databaseAnswers(db);
    res
      .status(ok ? 200 : 503)
      .type('text/plain')
      .send(ok ? 'ok' : 'base de données injoignable');
  });
}
