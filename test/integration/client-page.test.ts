// A customer's page: its sections and history, « Modifier » per section, « Désactiver » /
// « Réactiver », deleting a draft; and who may do what (another partner gets a 404 everywhere).
import { Browser, formFields, Page } from '../support/browser';
import { createTestApp, TestApp } from '../support/test-app';
import { createClient, submitStep } from '../support/wizard';
import { text, signedIn as signInAs } from '../support/pages';

let t: TestApp;
let partner: { email: string };
let staffUser: { email: string };
let a: Browser;
let other: Browser;
let staff: Browser;
let clientId: number;

/** The facts at the top of the page: État, Partenaire, Référence client, TVA… */
const facts = (page: Page) =>
  Object.fromEntries(
    page
      .$('main > dl.summary dt')
      .map((_, dt) => [[page.$(dt).text().trim(), page.$(dt).next('dd').text().trim()]])
      .get(),
  ) as Record<string, string>;
const state = (page: Page) => facts(page)['État'];
const history = (page: Page) =>
  page
    .$('.history tbody tr')
    .map((_, tr) =>
      page
        .$(tr)
        .find('td')
        .slice(1)
        .map((__, td) => page.$(td).text().trim())
        .get()
        .join(' | '),
    )
    .get();

const signedIn = (user: { email: string; password: string }) => signInAs(t.app, user);

async function newClient(overrides: Parameters<typeof createClient>[1] = {}) {
  const created = await createClient(a, overrides);
  return Number(/\/clients\/(\d+)\/cree/.exec(created.url)?.[1]);
}

async function newDraft(name: string) {
  const form = await a.get('/clients/nouveau?nouveau=1');
  const landed = await submitStep(a, form, { raisonSociale: name }, 'brouillon');
  const link = landed
    .$('tbody tr')
    .filter((_, tr) => landed.$(tr).text().includes(name))
    .find('a')
    .first();
  return Number(/\/clients\/(\d+)$/.exec(link.attr('href')!)?.[1]);
}

beforeAll(async () => {
  t = await createTestApp();
  const p = await t.createUser({ company: 'Télécom Ouest' });
  const s = await t.createUser({ company: 'OpenIP', role: 'staff' });
  partner = p;
  staffUser = s;
  a = await signedIn(p);
  other = await signedIn(await t.createUser({ company: 'Réseau Est' }));
  staff = await signedIn(s);
  clientId = await newClient();
});
afterAll(() => t.close());

describe('the page', () => {
  it('shows the four sections, the TVA number, the état and the history', async () => {
    const page = await a.get(`/clients/${clientId}`);
    expect(page.status).toBe(200);
    expect(text(page, 'h1')).toBe('Boulangerie Martin');
    expect(
      page
        .$('.summary-section h2')
        .map((_, h) => page.$(h).contents().first().text().trim())
        .get(),
    ).toEqual(['Informations générales', 'Site principal', 'Point de facturation', 'Administrateur']);
    expect(facts(page)['N° de TVA intracommunautaire']).toBe('FR44732829320');
    expect(state(page)).toBe('Activé(e)');
    // The address as one block, as on an envelope.
    expect(page.$('.summary-section dt:contains("Adresse")').first().next().text()).toBe(
      '12 rue de la République\n37550 Saint-Avertin\nFrance',
    );
    // The four steps of the wizard make one « Création », not one line per step.
    expect(history(page)).toEqual([`Activation | ${partner.email}`, `Création | ${partner.email}`]);
    expect(page.$('.history time').first().text()).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    expect(page.$('.history caption').length).toBe(1);
    // Its « Modifier » links open each step; « Désactiver » is offered, not « Réactiver ».
    expect(
      page
        .$('.summary-section h2 a')
        .map((_, el) => page.$(el).attr('href'))
        .get(),
    ).toEqual([1, 2, 3, 4].map((n) => `/clients/${clientId}/etape/${n}`));
    expect(page.$('a:contains("Désactiver")').attr('href')).toBe(`/clients/${clientId}/desactiver`);
    expect(page.$('a:contains("Réactiver")').length).toBe(0);
  });

  it('is a 404 for another partner, and read-only for staff', async () => {
    expect((await other.get(`/clients/${clientId}`)).status).toBe(404);
    expect((await other.get('/clients/999999')).status).toBe(404);
    expect((await a.get('/clients/abc')).status).toBe(404);
    const page = await staff.get(`/clients/${clientId}`);
    expect(page.status).toBe(200);
    expect(facts(page)['Partenaire']).toBe('Télécom Ouest');
    expect(page.$('.summary-section').length).toBe(4);
    expect(page.$('a:contains("Modifier")').length).toBe(0);
    expect(page.$('a:contains("Désactiver")').length).toBe(1);
    // Nor do the wizard's edit pages open for staff on another partner's customer.
    for (const n of [1, 2, 3, 4])
      expect((await staff.get(`/clients/${clientId}/etape/${n}`)).status).toBe(404);
  });
});

describe('« Modifier » a section', () => {
  const cases: [number, string, Record<string, string>, RegExp, Record<string, string>, string][] = [
    [
      1,
      'siren',
      { siren: '123 456' },
      /SIREN de 9 chiffres/,
      { raisonSociale: 'Boulangerie Martin et Fils' },
      'Boulangerie Martin et Fils',
    ],
    [2, 'phone', { phone: '12' }, /numéro/, { openingHours: 'Lun-Sam 7h-20h' }, 'Lun-Sam 7h-20h'],
    [
      3,
      'billingEmail',
      { billingEmail: 'pas-une-adresse' },
      /adresse e-mail valide/,
      { paymentMethod: 'virement' },
      'Virement',
    ],
    [4, 'lastName', { lastName: '' }, /Nom/, { firstName: 'Pauline' }, 'Pauline'],
  ];

  it.each(cases)(
    'step %i: the same fields and rules, a 400 with the message, then the saved change',
    async (n, field, invalid, message, valid, shown) => {
      const id = await newClient();
      const page = await a.get(`/clients/${id}`);
      const form = await a.get(page.$(`.summary-section h2 a[href$="/etape/${n}"]`).attr('href')!);
      expect(form.status).toBe(200);
      expect(text(form, 'form.step-form .actions')).toContain('Enregistrer');
      const refused = await submitStep(a, form, invalid);
      expect(refused.status).toBe(400);
      expect(refused.$('title').text()).toMatch(/^Erreur : /);
      expect(refused.$(`[name=${field}]`).attr('aria-invalid')).toBe('true');
      expect(text(refused, '.error-summary')).toMatch(message);
      // Nothing was saved.
      expect(text(await a.get(`/clients/${id}`), 'main')).not.toContain(shown);
      // The page came back with what was typed: put the saved value back, change another field.
      const before = formFields(form);
      const restored = Object.fromEntries(Object.keys(invalid).map((k) => [k, before[k] as string]));
      const saved = await submitStep(a, refused, { ...restored, ...valid });
      expect(saved.url).toBe(`/clients/${id}`);
      expect(text(saved, '.notice')).toBe('Modifications enregistrées.');
      expect(text(saved, '.summary-section')).toContain(shown);
      expect(history(saved)[0]).toBe(
        `Modification : ${saved
          .$('.summary-section h2')
          .eq(n - 1)
          .contents()
          .first()
          .text()
          .trim()} | ${partner.email}`,
      );
    },
  );

  it.each([1, 2, 3, 4])(
    'step %i: a change saved over a newer one is refused (409), both shown',
    async (n) => {
      const id = await newClient();
      const mine = await a.get(`/clients/${id}/etape/${n}`);
      // Someone else (another tab) saves first.
      const second = await signedIn({ email: partner.email, password: 'demo-demo-demo' });
      const theirs = await second.get(`/clients/${id}/etape/${n}`);
      const change: Record<number, Record<string, string>> = {
        1: { comment: 'Leur commentaire' },
        2: { comment: 'Leur commentaire' },
        3: { paymentTerms: '60j' },
        4: { firstName: 'Jeanne' },
      };
      expect((await submitStep(second, theirs, change[n]!)).url).toBe(`/clients/${id}`);
      const mineChange: Record<number, Record<string, string>> = {
        1: { comment: 'Mon commentaire' },
        2: { comment: 'Mon commentaire' },
        3: { paymentTerms: 'a_reception' },
        4: { firstName: 'Julie' },
      };
      const stale = await submitStep(a, mine, mineChange[n]!);
      expect(stale.status).toBe(409);
      expect(text(stale, '.error-summary')).toContain('Ce client a été modifié entre-temps');
      expect(text(stale, 'main')).toMatch(/Leur commentaire|60 jours|Jeanne/);
      expect(text(stale, 'main')).toMatch(/Mon commentaire|À réception|Julie/);
    },
  );
});

describe('« Désactiver » and « Réactiver »', () => {
  it('deactivates after a confirmation page, then reactivates, each in the history', async () => {
    const id = await newClient();
    const page = await a.get(`/clients/${id}`);
    const confirm = await a.get(page.$('a:contains("Désactiver")').attr('href')!);
    expect(confirm.status).toBe(200);
    expect(text(confirm, 'h1')).toBe('Désactiver le client « Boulangerie Martin » ?');
    const form = confirm.$('main form[method=post]');
    expect(form.attr('action')).toBe(`/clients/${id}/desactiver`);
    expect(form.find('input[name=_csrf]').val()).toBeTruthy();
    expect(form.find('input[name=version]').val()).toBe('4');
    const done = await a.post(form.attr('action')!, { version: '4' });
    expect(done.url).toBe(`/clients/${id}`);
    expect(text(done, '.notice')).toBe('Le client « Boulangerie Martin » est désactivé.');
    expect(state(done)).toBe('Désactivé(e)');
    expect(history(done)[0]).toBe(`Désactivation | ${partner.email}`);
    expect(done.$('a:contains("Réactiver")').length).toBe(1);
    expect((await a.get(`/clients?etat=desactive`)).$(`a[href="/clients/${id}"]`).length).toBe(1);

    const again = await a.get(`/clients/${id}/reactiver`);
    const back = await a.post(`/clients/${id}/reactiver`, {
      version: String(again.$('input[name=version]').val()),
    });
    expect(text(back, '.notice')).toBe('Le client « Boulangerie Martin » est réactivé.');
    expect(state(back)).toBe('Activé(e)');
    expect(history(back).slice(0, 2)).toEqual([
      `Réactivation | ${partner.email}`,
      `Désactivation | ${partner.email}`,
    ]);
  });

  it('lets staff deactivate and reactivate any partner’s customer, under their own name', async () => {
    const id = await newClient();
    const confirm = await staff.get(`/clients/${id}/desactiver`);
    const done = await staff.post(`/clients/${id}/desactiver`, {
      version: String(confirm.$('input[name=version]').val()),
    });
    expect(state(done)).toBe('Désactivé(e)');
    expect(history(done)[0]).toBe(`Désactivation | ${staffUser.email}`);
    const re = await staff.get(`/clients/${id}/reactiver`);
    const back = await staff.post(`/clients/${id}/reactiver`, {
      version: String(re.$('input[name=version]').val()),
    });
    expect(history(back)[0]).toBe(`Réactivation | ${staffUser.email}`);
  });

  it('refuses a confirmation made over a newer version (409), and a repeated one does nothing more', async () => {
    const id = await newClient();
    const confirm = await a.get(`/clients/${id}/desactiver`);
    const version = String(confirm.$('input[name=version]').val());
    const edit = await a.get(`/clients/${id}/etape/1`);
    await submitStep(a, edit, { comment: 'Changé entre-temps' });
    const stale = await a.post(`/clients/${id}/desactiver`, { version });
    expect(stale.status).toBe(409);
    expect(text(stale, '.error-summary')).toContain('Ce client a été modifié entre-temps');
    expect(state(await a.get(`/clients/${id}`))).toBe('Activé(e)');
    const fresh = String(stale.$('input[name=version]').val());
    await a.post(`/clients/${id}/desactiver`, { version: fresh });
    const twice = await a.post(`/clients/${id}/desactiver`, { version: fresh });
    expect(text(twice, '.notice')).toBe('Ce client est déjà désactivé.');
    expect(history(twice).filter((h) => h.startsWith('Désactivation'))).toHaveLength(1);
  });

  it('needs the CSRF token', async () => {
    const id = await newClient();
    const res = await a.agent.post(`/clients/${id}/desactiver`).type('form').send({ version: '4' });
    expect(res.status).toBe(403);
    expect(state(await a.get(`/clients/${id}`))).toBe('Activé(e)');
  });
});

describe('deleting a draft', () => {
  it('deletes a draft after a confirmation page, and says so on Mes clients', async () => {
    const id = await newDraft('Garage des Pins');
    const page = await a.get(`/clients/${id}`);
    expect(page.$('a:contains("Reprendre la saisie")').attr('href')).toBe(`/clients/${id}/etape/1`);
    const confirm = await a.get(page.$('a:contains("Supprimer le brouillon")').attr('href')!);
    expect(text(confirm, 'h1')).toBe('Supprimer le brouillon « Garage des Pins » ?');
    const done = await a.post(`/clients/${id}/supprimer`, {
      version: String(confirm.$('input[name=version]').val()),
    });
    expect(done.url).toBe('/clients');
    expect(text(done, '.notice')).toBe('Le brouillon « Garage des Pins » est supprimé.');
    expect((await a.get(`/clients/${id}`)).status).toBe(404);
    expect(await t.db('client_events').where({ client_id: id })).toEqual([]);
  });

  it('refuses to delete an active customer', async () => {
    const id = await newClient();
    const page = await a.get(`/clients/${id}/supprimer`);
    expect(page.url).toBe(`/clients/${id}`);
    expect(text(page, '.notice')).toContain('Seul un brouillon peut être supprimé');
    const refused = await a.post(`/clients/${id}/supprimer`, { version: '4' });
    expect(refused.status).toBe(409);
    expect((await a.get(`/clients/${id}`)).status).toBe(200);
  });
});

describe('who may do what', () => {
  it('gives another partner a 404 on every route of a customer, GET and POST', async () => {
    const active = await newClient();
    const draft = await newDraft('Brouillon privé');
    await other.get('/clients');
    for (const [id, path] of [
      [active, ''],
      [active, '/desactiver'],
      [active, '/reactiver'],
      [draft, '/supprimer'],
      [active, '/etape/1'],
    ] as const) {
      expect((await other.get(`/clients/${id}${path}`)).status).toBe(404);
      if (path) expect((await other.post(`/clients/${id}${path}`, { version: '1' })).status).toBe(404);
    }
    expect(state(await a.get(`/clients/${active}`))).toBe('Activé(e)');
    expect((await a.get(`/clients/${draft}`)).status).toBe(200);
  });

  it('lets staff see a draft, but not resume or delete another partner’s', async () => {
    const draft = await newDraft('Brouillon du partenaire');
    const page = await staff.get(`/clients/${draft}`);
    expect(page.status).toBe(200);
    expect(page.$('a:contains("Reprendre la saisie"), a:contains("Supprimer")').length).toBe(0);
    expect((await staff.get(`/clients/${draft}/supprimer`)).status).toBe(404);
    expect((await staff.post(`/clients/${draft}/supprimer`, { version: '1' })).status).toBe(404);
    expect((await a.get(`/clients/${draft}`)).status).toBe(200);
  });
});
