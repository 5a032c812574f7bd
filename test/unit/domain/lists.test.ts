import {
  civilities,
  functions,
  guaranteeTypes,
  legalForms,
  paymentMethods,
  paymentTerms,
  universes,
  vatRegimes,
  yesNo,
} from '../../../src/domain/lists';

const labels = (options: readonly { label: string }[]): string[] => options.map((o) => o.label);

describe('option lists', () => {
  it('shows legal forms as « SIGLE - Libellé » with their INSEE code', () => {
    expect(legalForms[0]).toEqual({ value: '1000', label: 'EI - Entreprise individuelle', insee: '1000' });
    expect(legalForms.find((f) => f.insee === '5499')?.label).toBe('SARL - Société à responsabilité limitée');
    expect(legalForms.map((f) => f.insee)).toEqual([
      '1000',
      '5498',
      '5499',
      '5720',
      '5710',
      '5599',
      '5202',
      '6540',
      '5485',
      '5785',
      '6220',
      '9220',
      '7210',
      '7389',
      null,
    ]);
    expect(labels(legalForms).slice(-4)).toEqual([
      'Association loi 1901',
      'Collectivité territoriale',
      'Établissement public',
      'Autre',
    ]);
    expect(legalForms.at(-1)?.value).toBe('autre');
  });

  it.each([
    ['universes', universes, ['Client final', 'Revendeur', 'Intégrateur', 'Opérateur']],
    ['guaranteeTypes', guaranteeTypes, ['Aucune', 'Dépôt de garantie', 'Caution bancaire']],
    ['paymentMethods', paymentMethods, ['Chèque', 'Virement', 'Prélèvement SEPA']],
    ['paymentTerms', paymentTerms, ['À réception', '30 jours', '45 jours fin de mois', '60 jours']],
    [
      'vatRegimes',
      vatRegimes,
      ['Assujetti', 'Franchise en base (art. 293 B du CGI)', 'Exonéré', 'Autoliquidation'],
    ],
    [
      'functions',
      functions,
      [
        'Administration des ventes',
        'Commercial(e)',
        'Comptabilité',
        'Direction commerciale',
        'Direction Générale',
        'Direction technique',
        'Service Client',
        'Support technique',
        'Technicien(e)',
      ],
    ],
    ['civilities', civilities, ['Madame', 'Monsieur']],
    ['yesNo', yesNo, ['Oui', 'Non']],
  ])('%s has the labels of the spec, in order', (_name, options, expected) => {
    expect(labels(options)).toEqual(expected);
  });

  it.each([
    ['legalForms', legalForms],
    ['universes', universes],
    ['guaranteeTypes', guaranteeTypes],
    ['paymentMethods', paymentMethods],
    ['paymentTerms', paymentTerms],
    ['vatRegimes', vatRegimes],
    ['functions', functions],
    ['civilities', civilities],
    ['yesNo', yesNo],
  ] as const)('%s stores short ASCII values, each once', (_name, options) => {
    const values = options.map((o) => o.value);
    expect(new Set(values).size).toBe(values.length);
    for (const v of values) expect(v).toMatch(/^[a-z0-9_]{1,30}$/);
  });

  it('uses the slugs the web layer relies on', () => {
    expect(paymentMethods.map((o) => o.value)).toEqual(['cheque', 'virement', 'sepa']);
    expect(paymentTerms.map((o) => o.value)).toEqual(['a_reception', '30j', '45j_fdm', '60j']);
  });
});
