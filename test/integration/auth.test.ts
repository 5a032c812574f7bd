import request from 'supertest';
import { Browser } from '../support/browser';
import { createTestApp, TestApp } from '../support/test-app';
import { SESSION_COOKIE } from '../../src/auth/session';
import { parseJson } from '../../src/db/rows';

/** A stored session's data, as either engine gives it back (JSON text, or a parsed json column). */
type StoredSess = Record<string, unknown> & { userId?: number; signedInAt?: number };
const sessionOf = (sess: string | Record<string, unknown>): StoredSess =>
  typeof sess === 'string' ? parseJson<StoredSess>(sess) : sess;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

function sessionId(
  browser: Browser,
  ...responses: { headers: Record<string, unknown> }[]
): string | undefined {
  for (const res of responses) {
    const cookies = (res.headers['set-cookie'] as string[] | undefined) ?? [];
    const cookie = cookies.find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    if (cookie) return cookie.split(';')[0];
  }
  return undefined;
}

describe('sign-in', () => {
  it('shows the French sign-in form at / to a signed-out visitor', async () => {
    const page = await new Browser(t.app).get('/');
    expect(page.status).toBe(200);
    expect(page.$('html').attr('lang')).toBe('fr');
    expect(page.$('label[for=email]').text()).toBe('E-mail');
    expect(page.$('label[for=password]').text()).toBe('Mot de passe');
    expect(page.$('button[type=submit]').text()).toBe('Se connecter');
  });

  it('signs a partner in and lands on Mes clients inside the layout', async () => {
    const user = await t.createUser({ company: 'Télécom Ouest' });
    const browser = new Browser(t.app);
    const page = await browser.signIn(user.email.toUpperCase(), user.password);
    expect(page.url).toBe('/clients');
    expect(page.$('h1').text()).toBe('Mes clients');
    expect(
      page
        .$('nav[aria-label="Menu principal"] a')
        .map((_, a) => page.$(a).text())
        .get(),
    ).toEqual(['Entreprise', 'Mes clients']);
    expect(page.$('.account').text()).toContain('Télécom Ouest');
    expect(page.$('a.skip-link').text()).toBe('Aller au contenu');
    // Signed in, / leads to Mes clients.
    expect((await browser.get('/')).url).toBe('/clients');
  });

  it('gives the same answer for an unknown e-mail and a wrong password', async () => {
    const user = await t.createUser();
    const wrongPassword = await new Browser(t.app).signIn(user.email, 'pas-le-bon-mot-de-passe');
    const unknownEmail = await new Browser(t.app).signIn('personne@exemple.test', 'pas-le-bon-mot-de-passe');
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    const message = (p: typeof wrongPassword) => p.$('.error-summary').text().trim();
    expect(message(wrongPassword)).toContain('E-mail ou mot de passe incorrect');
    expect(message(unknownEmail)).toBe(message(wrongPassword));
    expect(wrongPassword.$('title').text()).toMatch(/^Erreur : /);
    // What was typed in the e-mail field is kept, the password is not sent back.
    expect(wrongPassword.$('#email').val()).toBe(user.email);
    expect(wrongPassword.$('#password').val()).toBeUndefined();
  });

  it('locks the account after 5 failures: the 6th attempt fails even with the right password', async () => {
    const user = await t.createUser();
    for (let i = 0; i < 5; i++) {
      expect((await new Browser(t.app).signIn(user.email, 'mauvais-mot-de-passe')).status).toBe(401);
    }
    const sixth = await new Browser(t.app).signIn(user.email, user.password);
    expect(sixth.status).toBe(401);
    const row = await t.db('users').where({ email: user.email }).first();
    expect(new Date(row!.locked_until!).getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
  });

  it('unlocks once the 15 minutes are over, and a success resets the count', async () => {
    const user = await t.createUser();
    await t
      .db('users')
      .where({ email: user.email })
      .update({ locked_until: new Date(Date.now() - 1000).toISOString(), failed_sign_ins: 4 });
    const page = await new Browser(t.app).signIn(user.email, user.password);
    expect(page.url).toBe('/clients');
    const row = await t.db('users').where({ email: user.email }).first();
    expect(row!.failed_sign_ins).toBe(0);
    expect(row!.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('gives a new session id at sign-in', async () => {
    const user = await t.createUser();
    const browser = new Browser(t.app);
    const form = await browser.agent.get('/connexion');
    const before = sessionId(browser, form);
    expect(before).toBeDefined();
    const token = /name="_csrf" value="([^"]+)"/.exec(form.text)?.[1] ?? '';
    const signedIn = await browser.agent
      .post('/connexion')
      .type('form')
      .send({ _csrf: token, email: user.email, password: user.password });
    expect(signedIn.status).toBe(303);
    const after = sessionId(browser, signedIn);
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
    // The old id no longer opens a session.
    const withOldCookie = await request(t.app).get('/clients').set('Cookie', before!);
    expect(withOldCookie.status).toBe(302);
  });

  it('ends the session at sign-out (a POST)', async () => {
    const user = await t.createUser();
    const browser = new Browser(t.app);
    const page = await browser.signIn(user.email, user.password);
    expect(page.$('form[action="/deconnexion"] button').text()).toBe('Se déconnecter');
    const out = await browser.post('/deconnexion', {});
    expect(out.url).toBe('/connexion');
    const after = await browser.agent.get('/clients');
    expect(after.status).toBe(302);
    expect(after.headers.location).toBe('/connexion?next=%2Fclients');
  });

  it('sends a signed-out visitor to sign-in, then back to the page asked for', async () => {
    const user = await t.createUser();
    const browser = new Browser(t.app);
    const redirect = await browser.agent.get('/entreprise?x=1');
    expect(redirect.headers.location).toBe('/connexion?next=%2Fentreprise%3Fx%3D1');
    await browser.get(redirect.headers.location as string);
    const page = await browser.post('/connexion', {
      email: user.email,
      password: user.password,
      next: '/entreprise?x=1',
    });
    expect(page.url).toBe('/entreprise?x=1');
  });

  it.each(['https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)'])(
    'refuses to redirect to %s after sign-in',
    async (next) => {
      const user = await t.createUser();
      const browser = new Browser(t.app);
      const form = await browser.get(`/connexion?next=${encodeURIComponent(next)}`);
      expect(form.$('input[name=next]').length).toBe(0);
      const res = await browser.agent
        .post('/connexion')
        .type('form')
        .send({ _csrf: browser.csrfToken(), email: user.email, password: user.password, next });
      expect(res.headers.location).toBe('/clients');
    },
  );

  it('expires a session 12 hours after sign-in whatever the activity', async () => {
    const user = await t.createUser();
    const browser = new Browser(t.app);
    await browser.signIn(user.email, user.password);
    const rows = await t.db('sessions').select('sid', 'sess');
    for (const row of rows) {
      const sess = sessionOf(row.sess);
      if (sess.userId) {
        sess.signedInAt = Date.now() - 12 * 60 * 60_000 - 1000;
        await t
          .db('sessions')
          .where({ sid: row.sid })
          .update({ sess: JSON.stringify(sess) });
      }
    }
    const res = await browser.agent.get('/clients');
    expect(res.status).toBe(302);
  });

  it('pushes the idle timeout back with activity, writing the session at most once a minute', async () => {
    const user = await t.createUser();
    const browser = new Browser(t.app);
    await browser.signIn(user.email, user.password);
    const userId = (await t.db('users').where({ email: user.email }).first('id'))!.id;
    const row = async () => {
      for (const r of await t.db('sessions').select('sid', 'sess', 'expired')) {
        const sess = sessionOf(r.sess);
        if (sess.userId === userId) return { sid: r.sid, sess, expired: new Date(r.expired).getTime() };
      }
      throw new Error('pas de session');
    };
    // Within the minute: no write, no new cookie.
    const before = await row();
    const quiet = await browser.agent.get('/clients');
    expect(quiet.headers['set-cookie']).toBeUndefined();
    expect((await row()).expired).toBe(before.expired);
    // Ten idle minutes later: the next request gives 30 minutes again, in the database and the cookie.
    const idle = { ...before.sess, lastSeenAt: Date.now() - 10 * 60_000 };
    await t
      .db('sessions')
      .where({ sid: before.sid })
      .update({ sess: JSON.stringify(idle), expired: new Date(Date.now() + 20 * 60_000).toISOString() });
    const active = await browser.agent.get('/clients');
    expect(active.status).toBe(200);
    expect((await row()).expired).toBeGreaterThan(Date.now() + 29 * 60_000);
    const cookie = (active.headers['set-cookie'] as unknown as string[]).find((c) =>
      c.startsWith(SESSION_COOKIE),
    )!;
    expect(new Date(/Expires=([^;]+)/.exec(cookie)![1]!).getTime()).toBeGreaterThan(Date.now() + 29 * 60_000);
    // And a session idle past its expiry no longer opens.
    await t
      .db('sessions')
      .where({ sid: before.sid })
      .update({ expired: new Date(Date.now() - 1000).toISOString() });
    expect((await browser.agent.get('/clients')).status).toBe(302);
  });

  it('sets an HttpOnly, SameSite=Lax session cookie with a 30-minute idle timeout', async () => {
    const res = await request(t.app).get('/connexion');
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) =>
      c.startsWith(SESSION_COOKIE),
    )!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const expires = new Date(/Expires=([^;]+)/.exec(cookie)![1]!).getTime();
    expect(expires - Date.now()).toBeGreaterThan(29 * 60_000);
    expect(expires - Date.now()).toBeLessThanOrEqual(30 * 60_000);
  });
});

describe('CSRF', () => {
  it('refuses a POST without a token with a French 403 page', async () => {
    const user = await t.createUser();
    const browser = new Browser(t.app);
    await browser.signIn(user.email, user.password);
    const page = await browser.post('/deconnexion', {}, { csrf: null });
    expect(page.status).toBe(403);
    expect(page.$('h1').text()).toBe('Action refusée');
    // The layout and its menu are kept, and the session was not ended.
    expect(page.$('nav[aria-label="Menu principal"]').length).toBe(1);
    expect((await browser.get('/clients')).url).toBe('/clients');
  });

  it('refuses a POST with a wrong token', async () => {
    const browser = new Browser(t.app);
    await browser.get('/connexion');
    const page = await browser.post('/connexion', { email: 'a@b.fr', password: 'x' }, { csrf: 'faux-jeton' });
    expect(page.status).toBe(403);
    expect(page.html).toContain('Action refusée');
  });
});

describe('a form posted after the session expired', () => {
  it('is offered back, to confirm, after signing in again', async () => {
    const user = await t.createUser();
    const browser = new Browser(t.app);
    await browser.signIn(user.email, user.password);
    const token = browser.csrfToken();
    await t.db('sessions').delete(); // the session expires while the form is open
    const expired = await browser.post(
      '/entreprise',
      { raisonSociale: 'Boulangerie Martin' },
      { csrf: token },
    );
    expect(expired.url).toBe('/connexion?expiree=1');
    expect(expired.html).toContain('Votre session a expiré');
    const confirm = await browser.post('/connexion', { email: user.email, password: user.password });
    expect(confirm.url).toBe('/renvoyer-formulaire');
    expect(confirm.$('form[action="/entreprise"] input[name=raisonSociale]').val()).toBe(
      'Boulangerie Martin',
    );
    expect(confirm.$('button.primary').text()).toBe('Envoyer à nouveau');
  });
});

describe('a form posted after the 12 hours of a sign-in', () => {
  it('is offered back too, after signing in again', async () => {
    const user = await t.createUser();
    const browser = new Browser(t.app);
    await browser.signIn(user.email, user.password);
    const form = await browser.get('/clients/nouveau?nouveau=1');
    const userId = (await t.db('users').where({ email: user.email }).first('id'))!.id;
    for (const row of await t.db('sessions').select('sid', 'sess')) {
      const sess = sessionOf(row.sess);
      if (sess.userId !== userId) continue;
      sess.signedInAt = Date.now() - 12 * 60 * 60_000 - 1000;
      await t
        .db('sessions')
        .where({ sid: row.sid })
        .update({ sess: JSON.stringify(sess) });
    }
    // The session (and its CSRF token) still exists, but no longer signs anyone in.
    const token = form.$('form.step-form input[name=_csrf]').val() as string;
    const posted = await browser.post(
      '/clients/nouveau',
      { raisonSociale: 'Boulangerie Martin', action: 'brouillon' },
      { csrf: token },
    );
    expect(posted.url).toBe('/connexion?expiree=1');
    const confirm = await browser.post('/connexion', { email: user.email, password: user.password });
    expect(confirm.url).toBe('/renvoyer-formulaire');
    expect(confirm.$('form[action="/clients/nouveau"] input[name=raisonSociale]').val()).toBe(
      'Boulangerie Martin',
    );
  });
});

describe('pages for everyone', () => {
  it('answers /healthz with 200 while the database answers', async () => {
    const res = await request(t.app).get('/healthz');
    expect(res.status).toBe(200);
  });

  it('shows a French 404 inside the layout, menu included', async () => {
    const user = await t.createUser();
    const browser = new Browser(t.app);
    await browser.signIn(user.email, user.password);
    const page = await browser.get('/nulle-part');
    expect(page.$('nav[aria-label="Menu principal"]').length).toBe(1);
    expect(page.status).toBe(404);
    expect(page.$('h1').text()).toBe('Page introuvable');
    expect(page.$('html').attr('lang')).toBe('fr');
  });

  it('sends strict security headers: no script allowed at all', async () => {
    const res = await request(t.app).get('/connexion');
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('script-src');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.text).not.toMatch(/<script/i);
  });

  it('serves the stylesheet with long-lived cache headers', async () => {
    const page = await request(t.app).get('/connexion');
    const href = /<link rel="stylesheet" href="([^"]+)"/.exec(page.text)![1]!;
    const css = await request(t.app).get(href);
    expect(css.status).toBe(200);
    expect(css.headers['cache-control']).toContain('immutable');
  });
});
