// The 500 page: French, inside the layout, and with no stack trace in production.
import express from 'express';
import request from 'supertest';
import { errorHandler } from '../../src/web/errors';
import { setUpViews } from '../../src/web/views';
import { stylesheetHref } from '../../src/web/static-files';
import { createTestApp } from '../support/test-app';

function appThatFails(production: boolean) {
  const app = express();
  setUpViews(app, { cache: production });
  app.locals.stylesheet = stylesheetHref();
  app.get('/panne', () => {
    throw new Error('secret interne: mot de passe de la base');
  });
  app.use(errorHandler({ production }));
  return app;
}

it('shows a French 500 page without the stack trace in production', async () => {
  const res = await request(appThatFails(true)).get('/panne');
  expect(res.status).toBe(500);
  expect(res.text).toContain('Le service a rencontré une erreur');
  expect(res.text).toContain('lang="fr"');
  expect(res.text).not.toContain('secret interne');
});

it('shows the stack trace outside production, to the developer', async () => {
  const res = await request(appThatFails(false)).get('/panne');
  expect(res.status).toBe(500);
  expect(res.text).toContain('secret interne');
});

it('/healthz answers 503 when the database does not', async () => {
  const t = await createTestApp();
  await t.db.destroy();
  const res = await request(t.app).get('/healthz');
  expect(res.status).toBe(503);
  await t.close().catch(() => undefined);
});
