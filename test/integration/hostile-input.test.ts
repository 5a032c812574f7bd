// Values a browser would never send, each as PostgreSQL used to answer with a 500: they are parsed
// to what their column holds before the database, so both engines give the same French 4xx page
// or the same saved data. Run on SQLite, and on PostgreSQL with TEST_DATABASE_URL.
import request from 'supertest';
import { Browser, formFields } from '../support/browser';
import { createTestApp, TestApp } from '../support/test-app';
import { createClient, STEP_ANSWERS, submitStep } from '../support/wizard';
import { parseJson } from '../../src/db/rows';
import type { AllAnswers } from '../../src/clients/fields/types';

let t: TestApp;
let partner: { email: string; password: string; company: string };
let staff: Browser;
let a: Browser;
let clientId: number;
beforeAll(async () => {
  t = await createTestApp();
  partner = await t.createUser({ company: 'Télécom Ouest' });
  a = new Browser(t.app);
  await a.signIn(partner.email, partner.password);
  const staffUser = await t.createUser({ company: 'OpenIP', role: 'staff' });
  staff = new Browser(t.app);
  await staff.signIn(staffUser.email, staffUser.password);
  const created = await createClient(a);
  clientId = Number(/\/clients\/(\d+)/.exec(created.url)![1]);
}, 60_000);
afterAll(() => t.close());

const text = (page: { $: (s: string) => { text(): string } }, selector: string) =>
  page.$(selector).text().replace(/\s+/g, ' ').trim();

async function newDraft(browser: Browser, overrides: Record<string, string | string[]> = {}) {
  const page = await browser.get('/clients/nouveau?nouveau=1');
  const saved = await submitStep(browser, page, { ...STEP_ANSWERS[1], ...overrides }, 'brouillon');
  const id = Number(/\/clients\/(\d+)/.exec(saved.$('a[href*="/etape/"]').attr('href') ?? '')?.[1]);
  return { saved, id };
}

describe('ids, versions and filters beyond what their column holds', () => {
  it.each([
    '/clients/2147483648',
    '/clients/99999999999999999999',
    '/clients/1e3',
    '/clients/-1',
    '/clients/0',
    '/clients/2147483648/etape/1',
    '/clients/2147483648/cree',
    '/clients/2147483648/desactiver',
  ])('GET %s is the French 404 page', async (url) => {
    const page = await a.get(url);
    expect(page.status).toBe(404);
    expect(text(page, 'h1')).toBe('Page introuvable');
  });

  it.each(['99999999999', '2147483648', '-3', '1.5', 'abc'])(
    'staff’s « partenaire=%s » lists nobody’s customers by mistake and never fails',
    async (value) => {
      const page = await staff.get(`/clients?partenaire=${value}`);
      expect(page.status).toBe(200);
      expect(text(page, 'h1')).toBe('Mes clients');
      const csv = await staff.agent.get(`/clients/export?partenaire=${value}`);
      expect(csv.status).toBe(200);
    },
  );

  it.each(['abc', '1.5', '1e309', '-1', '99999999999', ''])(
    'a step posted with version=%s comes back (400) with everything typed and both versions',
    async (version) => {
      const { id } = await newDraft(a, { raisonSociale: 'Version Martin' });
      const page = await a.get(`/clients/${id}/etape/1`);
      const posted = await a.post(`/clients/${id}/etape/1`, {
        ...formFields(page, { raisonSociale: 'Tapé après coup' }),
        version,
        action: 'continuer',
      });
      expect(posted.status).toBe(400);
      expect(posted.$('#raisonSociale').val()).toBe('Tapé après coup');
      expect(posted.$('input[name=version]').val()).toBe(
        String((await t.db('clients').where({ id }).first())!.version),
      );
      expect((await t.db('clients').where({ id }).first())!.raison_sociale).toBe('Version Martin');
    },
  );

  it.each(['abc', '1.5', '1e309', '99999999999'])(
    '« Désactiver » posted with version=%s is the French 400 page and changes nothing',
    async (version) => {
      await a.get(`/clients/${clientId}/desactiver`);
      const posted = await a.post(`/clients/${clientId}/desactiver`, { version });
      expect(posted.status).toBe(400);
      expect(text(posted, 'h1')).toBe('Requête invalide');
      expect((await t.db('clients').where({ id: clientId }).first())!.state).toBe('active');
    },
  );
});

describe('a tampered paging cursor', () => {
  const cursor = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
  it.each([
    ['a timestamp that is not one', cursor(['pas une date', 1])],
    ['an id beyond the integer range', cursor(['2026-01-01T00:00:00.000Z', 2147483648])],
    ['a NUL in a text', cursor(['a\u0000b', 1])],
    ['a number where text goes', cursor([12, 1])],
    ['not JSON', 'nimportequoi'],
  ])('(%s) shows the first page', async (_name, value) => {
    for (const [sort, order] of [
      ['modifie', 'desc'],
      ['raison-sociale', 'asc'],
      ['etat', 'asc'],
    ]) {
      for (const param of ['apres', 'avant']) {
        const page = await staff.get(`/clients?tri=${sort}&ordre=${order}&${param}=${value}`);
        expect(page.status).toBe(200);
        expect(page.$('table a[href^="/clients/"]').length).toBeGreaterThan(0);
      }
    }
  });
});

describe('NUL characters', () => {
  it('« Enregistrer en brouillon » keeps everything typed but the NUL, and says so', async () => {
    const { saved, id } = await newDraft(a, {
      raisonSociale: 'Boulan\u0000gerie',
      comment: 'ligne\u0000 1',
      website: 'www.\u0000exemple.fr',
    });
    expect(saved.status).toBe(200);
    expect(saved.url).toBe('/clients?etat=brouillon');
    expect(text(saved, 'main')).toContain('Des caractères nuls');
    const reopened = await a.get(`/clients/${id}/etape/1`);
    expect(reopened.$('#raisonSociale').val()).toBe('Boulangerie');
    expect(reopened.$('#comment').text()).toBe('ligne 1');
    expect(reopened.$('#website').val()).toBe('https://www.exemple.fr');
  });

  it('« Enregistrer et continuer » on a later step keeps it too', async () => {
    const { id } = await newDraft(a, { raisonSociale: 'Étape Deux' });
    const step1 = await a.get(`/clients/${id}/etape/1`);
    const step2 = await submitStep(a, step1, {});
    expect(step2.url).toBe(`/clients/${id}/etape/2`);
    const step3 = await submitStep(a, step2, { ...STEP_ANSWERS[2], street: 'rue de la\u0000 Paix' });
    expect(step3.url).toBe(`/clients/${id}/etape/3`);
    expect((await t.db('sites').where({ client_id: id }).first())!.street).toBe('rue de la Paix');
  });

  it('in the list’s search and the export’s is ignored', async () => {
    const page = await a.get('/clients?q=Boulan%00gerie');
    expect(page.status).toBe(200);
    expect(page.$('#q').val()).toBe('Boulangerie');
    const csv = await a.agent.get('/clients/export?q=Boulan%00gerie%20Martin');
    expect(csv.status).toBe(200);
    expect(csv.text.split('\r\n').filter(Boolean).length).toBeGreaterThan(1);
    expect(csv.text.endsWith('\r\n')).toBe(true);
  });

  it('in the sign-in e-mail is the usual refusal', async () => {
    const browser = new Browser(t.app);
    await browser.get('/connexion');
    const page = await browser.post('/connexion', {
      email: `${partner.email}\u0000`,
      password: 'x'.repeat(12),
    });
    expect(page.status).toBe(401);
    expect(text(page, '.error-summary')).toContain('E-mail ou mot de passe incorrect');
  });
});

describe('a web address longer than its column once normalised', () => {
  it('is refused with a French message, everything typed kept; as a draft it is kept as typed', async () => {
    // 290 characters typed, within the field's 300; « https:// » and the percent-encoding of « é »
    // (three characters each) make far more than the column's 300.
    const typed = `www.exemple.fr/${'é'.repeat(140)}`;
    const page = await a.get('/clients/nouveau?nouveau=1');
    const refused = await submitStep(a, page, { ...STEP_ANSWERS[1], website: typed });
    expect(refused.status).toBe(400);
    expect(text(refused, '#website-error')).toMatch(/caractères une fois complétée \(300 au maximum\)/);
    expect(refused.$('#website').val()).toBe(typed);
    const draft = await submitStep(a, refused, {}, 'brouillon');
    expect(draft.url).toBe('/clients?etat=brouillon');
    const row = await t.db('clients').orderBy('id', 'desc').first();
    expect(row!.website).toBeNull();
    expect(parseJson<AllAnswers>(row!.answers)[1]!.website).toBe(typed);
  });
});

describe('where sign-in leads', () => {
  it.each([
    '/.//evil.example',
    '/..//evil.example',
    '/%2e%2e//evil.example',
    '/%2E%2E//evil.example/x',
    '/./..//evil.example',
    '/\\evil.example',
    '/%5C%5Cevil.example',
    '/%2F%2Fevil.example',
    '//evil.example',
    '/\t/evil.example',
    'https://evil.example',
  ])('next=%s never leaves the site', async (next) => {
    const browser = new Browser(t.app);
    await browser.get('/connexion');
    const res = await browser.agent
      .post('/connexion')
      .type('form')
      .send({ _csrf: browser.csrfToken(), email: partner.email, password: partner.password, next });
    expect(res.status).toBe(303);
    const location = String(res.headers.location);
    expect(location.startsWith('/')).toBe(true);
    expect(location.startsWith('//')).toBe(false);
    expect(location).not.toContain('\\');
    expect(new URL(location, 'https://myopenip.example').host).toBe('myopenip.example');
  });
});

describe('a form posted from another site', () => {
  const post = (headers: Record<string, string>) =>
    request(t.app).post('/clients/nouveau').set(headers).type('form').send({ raisonSociale: 'Piège' });

  it.each([
    [{ 'Sec-Fetch-Site': 'cross-site' }],
    [{ 'Sec-Fetch-Site': 'same-site' }],
    [{ Origin: 'https://evil.example' }],
  ])('(%o) is refused (403), with no session cookie set and nothing kept to replay', async (headers) => {
    const res = await post(headers);
    expect(res.status).toBe(403);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.text).toContain('Action refusée');
  });

  it('from this site (or a client that says nothing, as a text browser) is kept for after sign-in', async () => {
    const own = await post({ 'Sec-Fetch-Site': 'same-origin' });
    expect(own.status).toBe(303);
    expect(own.headers.location).toBe('/connexion?expiree=1');
    const silent = await post({});
    expect(silent.headers.location).toBe('/connexion?expiree=1');
    const res = await request(t.app)
      .post('/clients/nouveau')
      .set('Host', 'portail.example')
      .set('Origin', 'http://portail.example')
      .type('form')
      .send({ raisonSociale: 'Bon' });
    expect(res.headers.location).toBe('/connexion?expiree=1');
  });
});

describe('the browser’s cache', () => {
  it('keeps no signed-in page (Cache-Control: no-store); the stylesheet stays cacheable', async () => {
    for (const url of ['/clients', `/clients/${clientId}`, '/clients/nouveau?nouveau=1', '/entreprise']) {
      const res = await a.agent.get(url);
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
    }
    const css = await request(t.app).get(String(t.app.locals.stylesheet));
    expect(css.headers['cache-control']).toMatch(/max-age=31536000/);
  });
});

describe('the suggested reference', () => {
  it('is one past the highest « CLI-dddddd », case-sensitively, the same on both databases, and free', async () => {
    const user = await t.createUser({ company: 'Références Mêlées' });
    const company = await t.db('companies').where({ name: user.company }).first();
    const at = new Date().toISOString();
    for (const reference of [
      'CLI-000001',
      'cli-000900',
      'CLI-000123',
      'CLI-00012a',
      'CLI-5',
      'CLI-0001234',
      'CLI-000122',
    ]) {
      await t.db('clients').insert({ company_id: company!.id, reference, created_at: at, updated_at: at });
    }
    const browser = new Browser(t.app);
    await browser.signIn(user.email, user.password);
    const page = await browser.get('/clients/nouveau?nouveau=1');
    expect(page.$('#reference').val()).toBe('CLI-000124');
  });

  it('past CLI-999999, goes on with seven digits, to one that is free', async () => {
    const user = await t.createUser({ company: 'Références Pleines' });
    const company = await t.db('companies').where({ name: user.company }).first();
    const at = new Date().toISOString();
    for (const reference of ['CLI-999999', 'CLI-1000000']) {
      await t.db('clients').insert({ company_id: company!.id, reference, created_at: at, updated_at: at });
    }
    const browser = new Browser(t.app);
    await browser.signIn(user.email, user.password);
    const page = await browser.get('/clients/nouveau?nouveau=1');
    expect(page.$('#reference').val()).toBe('CLI-1000001');
  });
});
