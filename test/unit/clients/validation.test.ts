// validateStep on its own: what a step keeps, what it checks, and which rule depends on which answer.
import { stepOf } from '../../../src/clients/fields/steps';
import { validateStep } from '../../../src/clients/fields/validation';
import type { Answers, StepNumber } from '../../../src/clients/fields/types';

const step = (n: StepNumber) => stepOf(n)!;
const STEP1: Answers = {
  raisonSociale: '  Boulangerie Martin ',
  reference: 'CLI-000001',
  enCreation: 'non',
  siren: '732.829.320',
  legalForm: '5499',
  universe: 'client_final',
  guaranteeType: 'aucune',
  deposit: '',
  website: 'www.boulangerie-martin.fr',
};
const messageFor = (typed: Answers, field: string, n: StepNumber = 1) =>
  validateStep(step(n), typed, {}).errors.find((e) => e.field === field)?.message;

describe('validateStep', () => {
  it('checks each field, keeps tidy answers and gives the checked values', () => {
    const { errors, values, answers } = validateStep(step(1), STEP1, {});
    expect(errors).toEqual([]);
    expect(values).toMatchObject({
      raisonSociale: 'Boulangerie Martin',
      enCreation: false,
      siren: '732829320',
      website: 'https://www.boulangerie-martin.fr',
      deposit: null,
    });
    expect(answers).toMatchObject({ siren: '732 829 320', enCreation: 'non' });
  });

  it('reports every problem at once, each with its French message', () => {
    const { errors } = validateStep(step(1), { ...STEP1, raisonSociale: '', siren: '123' }, {});
    expect(errors.map((e) => e.field)).toEqual(['raisonSociale', 'siren']);
    expect(errors[0]!.message).toBe('Renseignez « Raison sociale », par exemple Boulangerie Martin');
  });

  it('keeps a failing value exactly as typed, and stores nothing of it', () => {
    const { values, answers } = validateStep(step(1), { ...STEP1, siren: '732 829 32' }, {});
    expect(answers.siren).toBe('732 829 32');
    expect(values.siren).toBeNull();
  });

  it('refuses a web address that would not fit its column once « https:// » is added', () => {
    const website = `www.${'a'.repeat(293)}.fr`; // 300 characters typed: the most the form accepts
    expect(website).toHaveLength(300);
    expect(messageFor({ ...STEP1, website }, 'website')).toBe(
      'Cette adresse fait 308 caractères une fois complétée (300 au maximum) : raccourcissez-la, par exemple www.exemple.fr',
    );
    expect(messageFor({ ...STEP1, website: `www.${'a'.repeat(285)}.fr` }, 'website')).toBeUndefined();
  });

  it.each([
    ['requires the SIREN unless the company is being created', { enCreation: 'non', siren: '' }, 'siren'],
    ['requires a deposit for « Dépôt de garantie »', { guaranteeType: 'depot', deposit: '' }, 'deposit'],
    ['refuses a deposit with another guarantee', { guaranteeType: 'aucune', deposit: '100' }, 'deposit'],
  ])('%s', (_rule, typed, field) => {
    expect(messageFor({ ...STEP1, ...typed }, field)).toBeDefined();
  });

  it.each([
    ['no SIREN for a company being created', { enCreation: 'oui', siren: '' }],
    ['a deposit with « Dépôt de garantie »', { guaranteeType: 'depot', deposit: '1 500,50' }],
  ])('accepts %s', (_case, typed) => {
    expect(validateStep(step(1), { ...STEP1, ...typed }, {}).errors).toEqual([]);
  });

  it('checks an IBAN only for Prélèvement SEPA, and keeps it quietly otherwise', () => {
    const billing: Answers = {
      accountHolder: 'Boulangerie Martin',
      billingEmail: 'compta@boulangerie-martin.fr',
      paymentMethod: 'cheque',
      iban: 'FR76 0000',
      bic: '',
      paymentTerms: '30j',
      vatRegime: 'assujetti',
      paperInvoice: 'non',
      streetNumber: '',
      street: 'rue de la République',
      country: 'FR',
      postalCode: '37550',
      city: 'Saint-Avertin',
    };
    const cheque = validateStep(step(3), billing, {});
    expect(cheque.errors).toEqual([]);
    expect(cheque.answers.iban).toBe('FR76 0000');
    expect(cheque.values.iban).toBeNull();
    expect(messageFor({ ...billing, paymentMethod: 'sepa' }, 'iban', 3)).toBeDefined();
  });

  it('checks a SIRET against the step-1 SIREN it depends on', () => {
    const site: Answers = { siret: '732 829 320 00074' };
    const all = { 1: { siren: '552 081 317' } };
    const errors = validateStep(step(2), site, all).errors;
    expect(errors.find((e) => e.field === 'siret')).toBeDefined();
    expect(validateStep(step(2), site, {}).errors.find((e) => e.field === 'siret')).toBeUndefined();
  });

  it('fills in the commune of a postal code that has only one', () => {
    const { answers } = validateStep(step(2), { country: 'FR', postalCode: '37550', city: '' }, {});
    expect(answers.city).toBe('Saint-Avertin');
  });
});
