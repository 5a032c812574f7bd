// Realistic customers for trying Mes clients at scale: real communes and postal codes, SIRENs and
// SIRETs with valid keys, valid French phone numbers and IBANs, names built from French word lists.
// Each customer comes as the rows the wizard would have written: `answers` as the form shows them
// back, and the typed columns of the four tables. Nothing is validated here (it would take a
// millisecond a customer); test/integration/seed.test.ts checks a sample against the real rules.
import { formatCents, formatSiren, formatSiret, legalForms } from '../domain';
import type { AllAnswers } from '../clients/fields/types';
import type { ClientState } from '../clients/repository';
import { communes, iban, luhnKey, phone, slug, type Random } from './values';
import { ACTIVITIES, FIRST_NAMES, PARTNER_KINDS, REGIONS, STREETS, SUFFIXES, SURNAMES } from './words';
import { listKeysOf } from '../clients/fields/derived';
import { stepOf } from '../clients/fields/steps';

export type SeedPartner = { companyId: number; userId: number; nextReference: number };

type Row = Record<string, string | number | boolean | null>;
export type SeededCustomer = { client: Row; site?: Row; billing?: Row; contact?: Row };

/** Rows of one table, flattened: what crosses from the generating thread to the writing one cheaply. */
export type TableRows = { columns: string[]; values: (string | number | boolean | null)[] };
export type SeedBatch = { firstId: number; lastId: number; tables: Record<string, TableRows> };

const FUNCTIONS = ['adv', 'commercial', 'comptabilite', 'direction_commerciale', 'direction_generale'];
const LEGAL_FORM_CODES = legalForms.map((f) => f.value);

const EMPTY_ADDRESS = { building: '', floor: '', door: '', staircase: '', complement: '' };

// Two in three active, two in nine drafts, one in nine deactivated.
// prettier-ignore
const STATES: readonly ClientState[] = ['active', 'active', 'active', 'active', 'active', 'active', 'draft', 'draft', 'inactive'];
/** The required field a draft still lacks, per step. */
const BLANKED = [
  { field: 'siren', column: 'siren' },
  { field: 'phone', column: 'phone' },
  { field: 'accountHolder', column: 'account_holder' },
  { field: 'lastName', column: 'last_name' },
];
const THREE_YEARS_MS = 3 * 365 * 24 * 3600_000;

export function seedCustomer(r: Random, id: number, partner: SeedPartner, now: number): SeededCustomer {
  const state = r.pick(STATES);
  // A draft stopped at reached_step: the steps before it are complete, that one lacks a required
  // field (as if « Enregistrer en brouillon » had been pressed there), the later ones are untouched.
  const reachedStep = state === 'draft' ? 1 + r.int(4) : 4;
  const saved = reachedStep;
  const incomplete = state === 'draft' ? reachedStep : 0;
  const createdMs = now - r.int(THREE_YEARS_MS);
  const updatedMs = createdMs + r.int(now - createdMs);
  const createdAt = new Date(createdMs).toISOString();
  const updatedAt = new Date(updatedMs).toISOString();
  const activatedAt = state === 'draft' ? null : new Date(createdMs + 60_000 + r.int(3600_000)).toISOString();

  const surname = r.pick(SURNAMES);
  const name = `${r.pick(ACTIVITIES)} ${surname}${r.pick(SUFFIXES)}`;
  const domain = `${slug(name)}.fr`;
  const reference = `CLI-${String(partner.nextReference++).padStart(6, '0')}`;
  const siren = r.digits(8);
  const sirenDigits = siren + luhnKey(siren);
  const nic = `000${1 + r.int(9)}`;
  const siret = sirenDigits + nic + luhnKey(sirenDigits + nic);
  const { postalCode, commune } = r.pick(communes());
  const street = { streetNumber: String(1 + r.int(120)), street: r.pick(STREETS) };
  const deposit = r.int(10) === 0 ? 50_000 + 100 * r.int(5000) : null;
  const sepa = r.int(3) === 0 ? iban(r) : null;
  const sitePhone = phone(r);
  const adminPhone = phone(r);
  const mobile = phone(r, true);
  const first = r.pick(FIRST_NAMES);
  const last = r.pick(SURNAMES);
  const civility = r.pick(['mme', 'm']);
  const adminEmail = `${slug(first)}.${slug(last)}@${domain}`;
  const functions = FUNCTIONS.filter(() => r.int(3) === 0);
  const legalForm = r.pick(LEGAL_FORM_CODES);

  const answers: AllAnswers = {
    1: {
      raisonSociale: name,
      reference,
      enCreation: 'non',
      siren: formatSiren(sirenDigits),
      legalForm,
      comment: '',
      website: `https://www.${domain}`,
      universe: 'client_final',
      guaranteeType: deposit ? 'depot' : 'aucune',
      deposit: deposit ? formatCents(deposit) : '',
      emailCommercial: '',
      emailSalesAdmin: '',
      emailAdmin: `contact@${domain}`,
    },
    2: {
      siret: formatSiret(siret),
      phone: sitePhone.national,
      fax: '',
      email: '',
      comment: '',
      ...street,
      ...EMPTY_ADDRESS,
      country: 'FR',
      postalCode,
      city: commune.name,
      openingHours: 'Lun-Ven 9h-12h / 14h-18h',
    },
    3: {
      accountHolder: name,
      billingEmail: `contact@${domain}`,
      paymentMethod: sepa ? 'sepa' : 'cheque',
      iban: sepa ? sepa.iban.replace(/(.{4})(?=.)/g, '$1 ') : '',
      bic: sepa ? sepa.bic : '',
      paymentTerms: '30j',
      vatRegime: 'assujetti',
      paperInvoice: 'non',
      ...street,
      ...EMPTY_ADDRESS,
      country: 'FR',
      postalCode,
      city: commune.name,
    },
    4: {
      civility,
      lastName: last,
      firstName: first,
      phone: adminPhone.national,
      mobile: mobile.national,
      fax: '',
      email: adminEmail,
      functions,
    },
  };
  for (const n of [1, 2, 3, 4] as const) if (n > saved) delete answers[n];
  const blank = incomplete ? BLANKED[incomplete - 1]! : undefined;
  if (blank) answers[incomplete as 1 | 2 | 3 | 4]![blank.field] = '';
  const unless = <T>(step: number, column: string, value: T): T | null =>
    blank && incomplete === step && blank.column === column ? null : value;

  const stamps = { created_at: createdAt, updated_at: updatedAt };
  const address = {
    street_number: street.streetNumber,
    street: street.street,
    country: 'FR',
    postal_code: postalCode,
    city: commune.name,
    city_insee: commune.insee,
  };
  const client: Row = {
    id,
    company_id: partner.companyId,
    state,
    // One save per step, then activation, then deactivation: what the wizard's version count says.
    version: saved + (state === 'draft' ? 0 : 1) + (state === 'inactive' ? 1 : 0),
    reached_step: reachedStep,
    answers: JSON.stringify(answers),
    ...{
      raison_sociale: name,
      reference,
      en_creation: false,
      siren: unless(1, 'siren', sirenDigits),
      legal_form: legalForm,
      website: `https://www.${domain}`,
      universe: 'client_final',
      guarantee_type: deposit ? 'depot' : 'aucune',
      deposit_cents: deposit,
      email_admin: `contact@${domain}`,
    },
    main_city: saved >= 2 ? commune.name : null,
    // The search text and sort keys, as the wizard writes them.
    ...listKeysOf(answers),
    created_by: partner.userId,
    updated_by: partner.userId,
    ...stamps,
    activated_at: activatedAt,
  };
  const site =
    saved >= 2
      ? {
          ...stepOf(2)!.rowKey,
          siret,
          phone: unless(2, 'phone', sitePhone.e164),
          ...address,
          opening_hours: 'Lun-Ven 9h-12h / 14h-18h',
          ...stamps,
        }
      : undefined;
  const billing =
    saved >= 3
      ? {
          ...stepOf(3)!.rowKey,
          account_holder: unless(3, 'account_holder', name),
          billing_email: `contact@${domain}`,
          payment_method: sepa ? 'sepa' : 'cheque',
          iban: sepa?.iban ?? null,
          bic: sepa?.bic ?? null,
          payment_terms: '30j',
          vat_regime: 'assujetti',
          paper_invoice: false,
          ...address,
          ...stamps,
        }
      : undefined;
  const contact =
    saved >= 4
      ? {
          ...stepOf(4)!.rowKey,
          civility,
          last_name: unless(4, 'last_name', last),
          first_name: first,
          phone: adminPhone.e164,
          mobile: mobile.e164,
          email: adminEmail,
          functions: JSON.stringify(functions),
          ...stamps,
        }
      : undefined;

  return { client, site, billing, contact };
}

/** Partner companies with telecom-like names: « Fibre Bretagne », « Réseaux Provence 2 »… */
export function partnerNames(count: number): string[] {
  const combinations = PARTNER_KINDS.length * REGIONS.length;
  return Array.from({ length: count }, (_, i) => {
    const base = `${PARTNER_KINDS[i % PARTNER_KINDS.length]} ${REGIONS[Math.floor(i / PARTNER_KINDS.length) % REGIONS.length]}`;
    const round = Math.floor(i / combinations);
    return round ? `${base} ${round + 1}` : base;
  });
}

function flatten(rows: Row[]): TableRows {
  const columns = Object.keys(rows[0] ?? {});
  const values: TableRows['values'] = [];
  for (const row of rows) for (const c of columns) values.push(row[c] ?? null);
  return { columns, values };
}

/** `size` customers with consecutive ids from `firstId`, each at a partner drawn at random. */
export function seedBatch(
  r: Random,
  partners: SeedPartner[],
  firstId: number,
  size: number,
  now: number,
): SeedBatch {
  const customers = Array.from({ length: size }, (_, i) =>
    seedCustomer(r, firstId + i, r.pick(partners), now),
  );
  const children = (key: 'site' | 'billing' | 'contact') =>
    customers.flatMap((c) => (c[key] ? [{ client_id: c.client.id!, ...c[key] }] : []));
  return {
    firstId,
    lastId: firstId + size - 1,
    tables: {
      clients: flatten(customers.map((c) => c.client)),
      sites: flatten(children('site')),
      billing_points: flatten(children('billing')),
      contacts: flatten(children('contact')),
    },
  };
}
