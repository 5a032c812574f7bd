// What simultaneous requests do: double-pressed final steps, a burst of sign-in attempts on two
// instances, two colleagues taking the same reference, and a crash inside the final step's save.
// Run on SQLite, and on PostgreSQL with TEST_DATABASE_URL.
import * as passwords from '../../src/auth/passwords';
import { isSqlite } from '../../src/db/connect';
import { Browser, formFields, Page } from '../support/browser';
import { createTestApp, TestApp } from '../support/test-app';
import { STEP_ANSWERS, submitStep } from '../support/wizard';

jest.setTimeout(60_000);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function signedIn(company?: string) {
  const user = await t.createUser({ company });
  const browser = new Browser(t.app);
  await browser.signIn(user.email, user.password);
  return { browser, user };
}

/** A draft with steps 1 to 3 saved, and its step-4 page filled in as a person would. */
async function readyForStep4(browser: Browser) {
  let page = await browser.get('/clients/nouveau?nouveau=1');
  for (const n of [1, 2, 3]) page = await submitStep(browser, page, STEP_ANSWERS[n]!);
  const id = Number(/\/clients\/(\d+)/.exec(page.url)![1]);
  return { id, page, fields: { ...formFields(page, STEP_ANSWERS[4]), action: 'continuer' } };
}

const postRaw = (browser: Browser, url: string, fields: Record<string, string | string[]>, page: Page) => {
  const body = new URLSearchParams({ _csrf: String(page.$('input[name=_csrf]').val()) });
  for (const [name, value] of Object.entries(fields))
    for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  return browser.agent.post(url).type('form').send(body.toString());
};

describe('the final step pressed many times at once', () => {
  it('activates once and lands every press on « Votre client est créé. »', async () => {
    const { browser } = await signedIn();
    const { id, page, fields } = await readyForStep4(browser);
    const url = `/clients/${id}/etape/4`;
    const presses = await Promise.all(Array.from({ length: 20 }, () => postRaw(browser, url, fields, page)));
    expect(presses.map((r) => r.status)).toEqual(Array(20).fill(303));
    expect(new Set(presses.map((r) => r.headers.location))).toEqual(new Set([`/clients/${id}/cree`]));
    const confirmation = await browser.get(`/clients/${id}/cree`);
    expect(confirmation.$('h1').text().trim()).toBe('Votre client est créé.');
    const events = await t.db('client_events').where({ client_id: id, action: 'activated' });
    expect(events).toHaveLength(1);
    expect((await t.db('clients').where({ id }).first())!.state).toBe('active');
  });

  it('a different step 4 posted over the activation is refused as a change made meanwhile (409)', async () => {
    const { browser } = await signedIn();
    const { id, page, fields } = await readyForStep4(browser);
    const url = `/clients/${id}/etape/4`;
    expect((await postRaw(browser, url, fields, page)).status).toBe(303);
    const other = await postRaw(browser, url, { ...fields, parcours: '', lastName: 'Durand' }, page);
    expect(other.status).toBe(409);
    expect((await t.db('contacts').where({ client_id: id }).first())!.last_name).toBe('Martin');
  });
});

describe('a crash between saving the last step and activating', () => {
  async function injectFault() {
    if (isSqlite(t.db)) {
      await t.db.raw(`create trigger panne before insert on client_events when new.action = 'activated'
        begin select raise(abort, 'panne injectée'); end`);
    } else {
      await t.db.raw(`create function panne() returns trigger language plpgsql as $$ begin
        if new.action = 'activated' then raise exception 'panne injectée'; end if; return new; end $$`);
      await t.db.raw(
        `create trigger panne before insert on client_events for each row execute function panne()`,
      );
    }
  }
  async function removeFault() {
    await t.db.raw(isSqlite(t.db) ? 'drop trigger panne' : 'drop trigger panne on client_events');
    if (!isSqlite(t.db)) await t.db.raw('drop function panne');
  }

  it('leaves the draft as it was (nothing half done); sending the same form again finishes it', async () => {
    const { browser } = await signedIn();
    const { id, page, fields } = await readyForStep4(browser);
    const before = await t.db('clients').where({ id }).first();
    await injectFault();
    try {
      const crashed = await postRaw(browser, `/clients/${id}/etape/4`, fields, page);
      expect(crashed.status).toBeGreaterThanOrEqual(500);
    } finally {
      await removeFault();
    }
    const after = await t.db('clients').where({ id }).first();
    expect(after!.state).toBe('draft');
    expect(after!.version).toBe(before!.version);
    expect(await t.db('contacts').where({ client_id: id })).toEqual([]);
    // No customer anywhere is complete (step 4 saved) yet still a draft.
    const stranded = await t
      .db('clients')
      .join('contacts', 'contacts.client_id', 'clients.id')
      .where('clients.state', 'draft');
    expect(stranded).toEqual([]);

    const resent = await postRaw(browser, `/clients/${id}/etape/4`, fields, page);
    expect(resent.headers.location).toBe(`/clients/${id}/cree`);
    expect((await t.db('clients').where({ id }).first())!.state).toBe('active');
  });

  it('a draft left with its last step saved but not activated (by an older version) is finished by the same form', async () => {
    const { browser } = await signedIn();
    const { id, page, fields } = await readyForStep4(browser);
    // What a crash between the two transactions of the past left behind: step 4 saved, version moved on.
    const saved = await postRaw(browser, `/clients/${id}/etape/4`, { ...fields, action: 'brouillon' }, page);
    expect(saved.status).toBe(303);
    expect((await t.db('clients').where({ id }).first())!.state).toBe('draft');
    const resent = await postRaw(browser, `/clients/${id}/etape/4`, fields, page);
    expect(resent.status).toBe(303);
    expect(resent.headers.location).toBe(`/clients/${id}/cree`);
    expect((await t.db('clients').where({ id }).first())!.state).toBe('active');
  });
});

describe('two colleagues of the same partner pressing « + » at once', () => {
  it('both keep the untouched suggestion: each gets a free reference, the second is told', async () => {
    const first = await signedIn('Réseau Commun');
    const second = await signedIn('Réseau Commun');
    const pages = await Promise.all([first, second].map((c) => c.browser.get('/clients/nouveau?nouveau=1')));
    expect(pages[0]!.$('#reference').val()).toBe(pages[1]!.$('#reference').val());
    const suggested = String(pages[0]!.$('#reference').val());
    const [a, b] = await Promise.all(
      [first, second].map((c, i) =>
        postRaw(
          c.browser,
          '/clients/nouveau',
          { ...formFields(pages[i]!, STEP_ANSWERS[1]), action: 'continuer' },
          pages[i]!,
        ),
      ),
    );
    expect([a!.status, b!.status]).toEqual([303, 303]);
    const company = await t.db('companies').where({ name: 'Réseau Commun' }).first();
    const references = await t
      .db('clients')
      .where({ company_id: company!.id })
      .orderBy('id')
      .pluck('reference');
    expect(references).toHaveLength(2);
    expect(new Set(references).size).toBe(2);
    expect(references).toContain(suggested);
    const told = await Promise.all(
      [first, second].map(async (c, i) => (await c.browser.get(String([a, b][i]!.headers.location))).html),
    );
    expect(told.filter((html) => html.includes('venait d’être attribuée à un autre client'))).toHaveLength(1);
  });

  it('a reference both typed themselves is never changed: one is saved, the other told on the field', async () => {
    const first = await signedIn('Réseau Tapé');
    const second = await signedIn('Réseau Tapé');
    const pages = await Promise.all([first, second].map((c) => c.browser.get('/clients/nouveau?nouveau=1')));
    const typed = { ...STEP_ANSWERS[1], reference: 'MAISON-1' };
    const results = await Promise.all(
      [first, second].map((c, i) =>
        postRaw(
          c.browser,
          '/clients/nouveau',
          { ...formFields(pages[i]!, typed), action: 'continuer' },
          pages[i]!,
        ),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([303, 400]);
    const refused = results.find((r) => r.status === 400)!;
    expect(refused.text).toContain('Cette référence est déjà utilisée par le client « Boulangerie Martin »');
    expect(refused.text).toContain('value="MAISON-1"');
    const company = await t.db('companies').where({ name: 'Réseau Tapé' }).first();
    expect(await t.db('clients').where({ company_id: company!.id }).pluck('reference')).toEqual(['MAISON-1']);
  });
});

describe('sign-in attempts at once', () => {
  /** Holds every findByEmail until `count` are waiting, so that all read the account before any writes. */
  function barrier(apps: TestApp[], count: number) {
    let waiting: (() => void)[] = [];
    for (const app of apps) {
      const original = app.services.users.findByEmail;
      app.services.users.findByEmail = async (email) => {
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          if (waiting.length >= count) {
            for (const release of waiting) release();
            waiting = [];
          }
        });
        return original(email);
      };
    }
  }

  it('20 at once on two instances, 19 wrong and 1 right: at most 5 passwords are checked', async () => {
    const second = await createTestApp({ DATABASE_URL: t.config.databaseUrl });
    try {
      const user = await t.createUser();
      const row = await t.db('users').where({ email: user.email }).first();
      const browsers = await Promise.all(
        Array.from({ length: 20 }, async (_, i) => {
          const browser = new Browser(i % 2 ? second.app : t.app);
          await browser.get('/connexion');
          return browser;
        }),
      );
      barrier([t, second], 20);
      const verify = jest.spyOn(passwords, 'verifyPassword');
      const results = await Promise.all(
        browsers.map((b, i) =>
          b.agent
            .post('/connexion')
            .type('form')
            .send({
              _csrf: b.csrfToken(),
              email: user.email,
              password: i === 19 ? user.password : `faux-${i}-mot-de-passe`,
            }),
        ),
      );
      const checked = verify.mock.calls.filter(([hash]) => hash === row!.password_hash).length;
      verify.mockRestore();
      expect(checked).toBeLessThanOrEqual(5);
      const signedIn = results.filter((r) => r.status === 303).length;
      expect(signedIn).toBeLessThanOrEqual(1);
      expect(results.filter((r) => r.status === 401)).toHaveLength(20 - signedIn);
      const after = await t.db('users').where({ id: row!.id }).first();
      // Either the right one was among the first five checked (and reset the count), or the account is locked.
      if (signedIn === 0) expect(new Date(after!.locked_until!).getTime()).toBeGreaterThan(Date.now());
      else expect(after!.locked_until).toBeNull();
    } finally {
      await second.services.db.destroy();
    }
  });
});
