// Property-based: hostile values and shapes (NUL, huge, any Unicode, a list where one value is
// expected, fields missing, unknown fields) posted into every field of every step, derived from the
// declarations, and into the list's, export's, sign-in's and confirmations' parameters. Whatever
// arrives, the answer is a 4xx page or a saved draft that reads back exactly, never a 5xx.
// Run on SQLite, and on PostgreSQL with TEST_DATABASE_URL.
import fc from 'fast-check';
import { steps } from '../../src/clients/fields/steps';
import { answersFromBody, validateStep } from '../../src/clients/fields/validation';
import { storableBody, storableValues } from '../../src/web/parse';
import { Browser } from '../support/browser';
import { createTestApp, TestApp } from '../support/test-app';
import { createClient, STEP_ANSWERS, submitStep } from '../support/wizard';

jest.setTimeout(240_000);
const RUNS = Number(process.env.HOSTILE_RUNS ?? 30);

let t: TestApp;
let a: Browser;
let staff: Browser;
let token: string;
let staffToken: string;
let activeId: number;
const statuses: number[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const user = await t.createUser();
  a = new Browser(t.app);
  await a.signIn(user.email, user.password);
  activeId = Number(/\/clients\/(\d+)/.exec((await createClient(a)).url)![1]);
  token = a.csrfToken();
  const staffUser = await t.createUser({ role: 'staff' });
  staff = new Browser(t.app);
  await staff.signIn(staffUser.email, staffUser.password);
  await staff.get('/entreprise');
  staffToken = staff.csrfToken();
}, 120_000);
afterAll(async () => {
  // The figures docs/RELIABILITY.md quotes.
  const fivexx = statuses.filter((s) => s >= 500).length;
  process.stdout.write(`hostile-properties: ${statuses.length} requests, ${fivexx} × 5xx\n`);
  await t.close();
});

const NUL = fc.constantFrom('\u0000', 'a\u0000b', '\u0000\u0000\u0000');
const text = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.tuple(fc.string(), NUL, fc.string()).map(([x, n, y]) => x + n + y) },
  {
    weight: 1,
    arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }).map((s) => s.repeat(900)),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom('', ' ', '0', '-1', '1e309', 'NaN', '2147483648', '=1+1', '<script>', '%00'),
  },
);
/** A field as posted: missing, one value, or a list of values where one is expected. */
const posted = fc.oneof(
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 5, arbitrary: text },
  { weight: 2, arbitrary: fc.array(text, { minLength: 2, maxLength: 3 }) },
);

function bodyOf(fields: Record<string, string | string[] | undefined>, extra: Record<string, string>) {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...fields, ...extra })) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  }
  return body.toString();
}

describe.each(steps.map((s) => [s.number, s] as const))('step %i, every field', (n, step) => {
  const names = step.fields.filter((f) => f.kind !== 'fixed').map((f) => f.name);
  let id: number;
  beforeAll(async () => {
    let page = await a.get('/clients/nouveau?nouveau=1');
    for (let i = 1; i < n; i++) page = await submitStep(a, page, STEP_ANSWERS[i]!);
    await submitStep(a, page, STEP_ANSWERS[n]!, 'brouillon');
    id = Number((await t.db('clients').orderBy('id', 'desc').first('id'))!.id);
  });

  it('a draft saves whatever arrives and reads back exactly; « continuer » saves or says why (400)', async () => {
    const shape = fc.record({
      fields: fc.record(Object.fromEntries(names.map((name) => [name, posted])), { requiredKeys: [] }),
      unknown: fc.dictionary(
        fc.string({ minLength: 1, maxLength: 8 }).map((k) => `${k}[x]`),
        text,
        {
          maxKeys: 2,
        },
      ),
      action: fc.constantFrom('brouillon', 'continuer'),
    });
    await fc.assert(
      fc.asyncProperty(shape, async ({ fields, unknown, action }) => {
        const before = (await t.services.clients.find(id, 'all'))!;
        const sent = bodyOf(fields, { ...unknown, _csrf: token, version: String(before.version), action });
        const res = await a.agent.post(`/clients/${id}/etape/${n}`).type('form').send(sent);
        statuses.push(res.status);
        expect(res.status).toBeLessThan(500);
        const after = (await t.services.clients.find(id, 'all'))!;
        if (res.status === 413) return; // over the body limit: nothing saved, and the page says so
        if (action === 'brouillon') {
          expect(res.status).toBe(303); // a draft never blocks
        }
        if (res.status === 400) {
          expect(after.version).toBe(before.version);
          return;
        }
        expect(res.status).toBe(303);
        // What the app was given, as it keeps it: NUL removed, each answer within its limit.
        const raw: Record<string, string | string[]> = {};
        for (const [name, value] of new URLSearchParams(sent)) {
          const prior = raw[name];
          raw[name] = prior === undefined ? value : [...(Array.isArray(prior) ? prior : [prior]), value];
        }
        const typed = storableValues(answersFromBody(step, storableBody(raw).body));
        const expected = validateStep(step, typed, before.answers).answers;
        expect(after.answers[n]).toEqual(expected);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('the list, the export, sign-in and confirmations', () => {
  const cursorLike = fc.oneof(
    text,
    fc
      .array(fc.oneof(fc.string({ unit: 'binary' }), fc.integer(), fc.double(), fc.constant(null)), {
        maxLength: 4,
      })
      .map((values) => Buffer.from(JSON.stringify(values)).toString('base64url')),
  );
  const query = fc.record(
    {
      q: text,
      etat: fc.oneof(text, fc.constantFrom('brouillon', 'active', 'desactive')),
      partenaire: fc.oneof(text, fc.bigInt({ min: -(2n ** 64n), max: 2n ** 64n }).map(String)),
      tri: fc.oneof(
        text,
        fc.constantFrom('raison-sociale', 'reference', 'siren', 'commune', 'etat', 'modifie'),
      ),
      ordre: fc.oneof(text, fc.constantFrom('asc', 'desc')),
      apres: cursorLike,
      avant: cursorLike,
    },
    { requiredKeys: [] },
  );

  it('Mes clients and its export answer every query string (200, or 431 past the header limit)', async () => {
    await fc.assert(
      fc.asyncProperty(query, fc.boolean(), async (params, asStaff) => {
        const search = new URLSearchParams(params as Record<string, string>).toString();
        const browser = asStaff ? staff : a;
        const list = await browser.agent.get(`/clients?${search}`);
        const csv = await browser.agent.get(`/clients/export?${search}`);
        statuses.push(list.status, csv.status);
        // A query string longer than Node's header limit is refused by the HTTP server (431).
        if (list.status === 431) return;
        expect(list.status).toBe(200);
        expect(csv.status).toBe(200);
        expect(csv.text.endsWith('\r\n')).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('sign-in answers every e-mail, password and next with 401 or a redirect within the site', async () => {
    const anonymous = new Browser(t.app);
    await anonymous.get('/connexion');
    const csrf = anonymous.csrfToken();
    await fc.assert(
      fc.asyncProperty(
        fc.record({ email: posted, password: posted, next: posted }, { requiredKeys: [] }),
        async (fields) => {
          const res = await anonymous.agent
            .post('/connexion')
            .type('form')
            .send(bodyOf(fields, { _csrf: csrf }));
          statuses.push(res.status);
          expect([400, 401, 403, 413]).toContain(res.status);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('« Désactiver » and a customer’s pages answer every id and version with a 4xx or a redirect', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(text, fc.bigInt().map(String)), posted, async (id, version) => {
        const path = encodeURIComponent(id) || '0';
        const page = await staff.agent.get(`/clients/${path}`);
        const confirm = await staff.agent
          .post(`/clients/${activeId}/desactiver`)
          .type('form')
          .send(bodyOf({ version }, { _csrf: staffToken }));
        statuses.push(page.status, confirm.status);
        expect(page.status).toBeLessThan(500);
        expect(confirm.status).toBeLessThan(500);
      }),
      { numRuns: RUNS },
    );
    // Whatever was posted, the customer was never deactivated by a version it was not read at.
    const row = await t.db('clients').where({ id: activeId }).first();
    expect(['active', 'inactive']).toContain(row!.state);
  });
});
