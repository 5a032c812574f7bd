// The template engine with production's cache on: the step page (a layout, the stepper, the error
// summary, a partial per field, each with its messages partial) renders as in development, and once
// compiled it touches the filesystem no more.
import fs from 'node:fs';
import express from 'express';
import request from 'supertest';
import * as cheerio from 'cheerio';
import { steps } from '../../src/clients/fields/steps';
import { renderStep } from '../../src/clients/wizard/step-page';
import { setUpViews } from '../../src/web/views';

function appWith(cache: boolean) {
  const app = express();
  setUpViews(app, { cache });
  app.locals.stylesheet = '/static/app.css';
  app.get('/etape-1', (req, res) => {
    (req as unknown as { session: object }).session = {};
    res.locals.user = { email: 'a@exemple.test', companyName: 'Démo Télécom' } as never;
    res.locals.csrfToken = () => 'jeton';
    renderStep(req, res, {
      step: steps[0]!,
      answers: { raisonSociale: 'Boulangerie <Lemaître>' },
      errors: [{ field: 'siren', message: 'Saisissez le SIREN' }],
      status: 400,
    });
  });
  return app;
}

describe('templates', () => {
  it('renders the step page with its partials, the same with the cache on as off', async () => {
    const cached = await request(appWith(true)).get('/etape-1');
    const fresh = await request(appWith(false)).get('/etape-1');
    expect(cached.status).toBe(400);
    expect(cached.text).toBe(fresh.text);
    const $ = cheerio.load(cached.text);
    expect($('.error-summary a[href="#siren"]').text()).toBe('Saisissez le SIREN');
    expect($('#siren-error').text()).toContain('Saisissez le SIREN');
    expect($('input[name=raisonSociale]').val()).toBe('Boulangerie <Lemaître>');
    expect(cached.text).not.toContain('<Lemaître>'); // escaped, from a partial too
    expect($('.stepper li').length).toBe(4);
    expect($('header .account').text()).toContain('Démo Télécom');
  });

  it('with the cache on, renders a page again without any filesystem call', async () => {
    const app = appWith(true);
    await request(app).get('/etape-1');
    const calls = ['existsSync', 'readFileSync', 'statSync', 'readFile', 'stat'] as const;
    const spies = calls.map((name) => jest.spyOn(fs, name));
    try {
      const again = await request(app).get('/etape-1');
      expect(again.text).toContain('Saisissez le SIREN');
      expect(spies.map((s) => s.mock.calls.length)).toEqual(calls.map(() => 0));
    } finally {
      spies.forEach((s) => s.mockRestore());
    }
  });
});
