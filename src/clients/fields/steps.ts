// The four steps of « Nouveau client final », each field declared once (SPEC §2).
// Adding a field is one line here plus a migration for its column.
import {
  civilities,
  defaults,
  functions,
  guaranteeTypes,
  legalForms,
  paymentMethods,
  paymentTerms,
  universes,
  vatRegimes,
  yesNo,
} from '../../domain';
import { Field, FieldRef, Step, StepNumber } from './types';
import { countryOptions } from './kinds';
import { assertDeclarations } from './declarations';

const noLegalForm = { value: '', label: 'Non renseigné' };

/** The main site's address: where a phone number's territory is read. */
const MAIN_SITE_ADDRESS = {
  country: { step: 2, field: 'country' },
  postalCode: { step: 2, field: 'postalCode' },
} as const satisfies Record<string, FieldRef>;

/** Step 1's SIREN, which a SIRET starts with. */
export const SIREN: FieldRef = { step: 1, field: 'siren' };

/**
 * The address block of the main site (step 2) and of the billing point (step 3): « n° » is
 * optional on the billing point, and only the main site's commune shows in Mes clients.
 */
function addressFields(step: StepNumber & (2 | 3)): Field[] {
  const streetNumberRequired = step === 2;
  const listed =
    step === 2 ? ({ listColumn: 'city', listHeader: 'Commune', searchable: 'words' } as const) : {};
  const group = 'address';
  const country = { step, field: 'country' };
  const postalCode = { step, field: 'postalCode' };
  return [
    {
      name: 'streetNumber',
      example: '12',
      label: 'n°',
      kind: 'streetNumber',
      required: streetNumberRequired,
      group,
      row: 'voie',
      hint: 'Par exemple 12, 12 bis ou S/N',
    },
    {
      name: 'street',
      example: 'rue de la République',
      label: 'Voie',
      importAliases: ['Adresse', 'Rue'],
      kind: 'text',
      required: true,
      group,
      row: 'voie',
    },
    { name: 'building', label: 'Bâtiment', kind: 'text', maxLength: 30, group, row: 'acces' },
    { name: 'floor', label: 'Etage', kind: 'text', maxLength: 30, group, row: 'acces' },
    { name: 'door', label: 'Porte', kind: 'text', maxLength: 30, group, row: 'acces' },
    { name: 'staircase', label: 'Escalier', kind: 'text', maxLength: 30, group, row: 'acces' },
    { name: 'complement', label: 'Complément', kind: 'text', group },
    {
      name: 'country',
      label: 'Pays',
      kind: 'country',
      required: true,
      defaultValue: 'FR',
      options: countryOptions,
      group,
    },
    {
      name: 'postalCode',
      label: 'Code postal',
      importAliases: ['CP'],
      kind: 'postalCode',
      dependsOn: { country },
      required: true,
      group,
      row: 'commune',
    },
    {
      name: 'city',
      ...listed,
      example: 'Saint-Avertin',
      label: 'Commune de l’adresse',
      importAliases: ['Ville', 'Commune', 'Localité'],
      kind: 'commune',
      dependsOn: { country, postalCode },
      required: true,
      group,
      row: 'commune',
    },
  ];
}

export const steps: readonly Step[] = [
  {
    number: 1,
    heading: 'INFORMATIONS GÉNÉRALES',
    title: 'Informations générales',
    editHeading: 'Modifier les informations générales',
    table: 'clients',
    fields: [
      {
        name: 'raisonSociale',
        listColumn: 'name',
        searchable: 'words',
        example: 'Boulangerie Martin',
        label: 'Raison sociale',
        importAliases: ['Société', 'Nom de la société', 'Entreprise', 'Nom de l’entreprise', 'Dénomination'],
        kind: 'text',
        required: true,
      },
      {
        name: 'reference',
        listColumn: 'reference',
        searchable: 'words',
        example: 'CLI-000124',
        label: 'Référence client',
        importAliases: ['Réf', 'Référence', 'Réf client', 'Code client', 'N° client', 'Numéro client'],
        kind: 'text',
        maxLength: 50,
        required: true,
        hint: 'Unique parmi vos clients : la prochaine référence libre est proposée',
      },
      {
        name: 'enCreation',
        label: 'Entreprise en cours de création ?',
        kind: 'yesno',
        required: true,
        options: yesNo,
        defaultValue: 'non',
      },
      {
        name: 'siren',
        listColumn: 'siren',
        listHeader: 'SIREN',
        searchable: 'digits',
        label: 'Siren',
        kind: 'siren',
        required: { field: 'enCreation', is: 'non' },
        hint: '9 chiffres, obligatoire sauf pour une entreprise en cours de création',
      },
      { name: 'legalForm', label: 'Statut juridique', kind: 'select', options: [noLegalForm, ...legalForms] },
      { name: 'comment', label: 'Commentaire', kind: 'textarea' },
      {
        name: 'website',
        label: 'Site internet de l’entreprise',
        kind: 'web',
        hint: 'Par exemple www.exemple.fr',
      },
      {
        name: 'universe',
        label: 'Univers de l’entreprise',
        kind: 'select',
        required: true,
        options: universes,
        defaultValue: defaults.universe,
      },
      {
        name: 'guaranteeType',
        label: 'Type de garantie',
        kind: 'select',
        required: true,
        options: guaranteeTypes,
        defaultValue: defaults.guaranteeType,
      },
      {
        name: 'deposit',
        label: 'Dépôt',
        kind: 'amount',
        column: 'deposit_cents',
        required: { field: 'guaranteeType', is: 'depot' },
        onlyWhen: {
          field: 'guaranteeType',
          is: 'depot',
          otherwise: 'empty',
          message: 'Laissez le dépôt vide, ou choisissez le type de garantie « Dépôt de garantie »',
        },
        hint: 'En euros, uniquement pour un dépôt de garantie, par exemple 1 500,50',
      },
      { name: 'emailCommercial', label: 'E-mail commercial', kind: 'email' },
      {
        name: 'emailSalesAdmin',
        label: 'E-mail administration des ventes',
        kind: 'email',
      },
      { name: 'emailAdmin', label: 'E-mail administratif', kind: 'email' },
    ],
  },
  {
    number: 2,
    heading: 'CRÉATION DU SITE PRINCIPAL',
    title: 'Site principal',
    editHeading: 'Modifier le site principal',
    table: 'sites',
    rowKey: { is_main: true },
    groups: [
      { id: 'general', legend: 'Informations générales' },
      { id: 'address', legend: 'Adresse' },
      { id: 'other', legend: 'Autres informations' },
    ],
    fields: [
      {
        name: 'siret',
        searchable: 'digits',
        label: 'SIRET du site',
        importAliases: ['SIRET'],
        kind: 'siret',
        dependsOn: { siren: SIREN },
        group: 'general',
        hint: '14 chiffres, commençant par le SIREN',
      },
      {
        name: 'phone',
        label: 'Téléphone',
        importAliases: ['Tél', 'Tel', 'Tél standard', 'Téléphone fixe', 'Standard'],
        kind: 'phone',
        dependsOn: MAIN_SITE_ADDRESS,
        required: true,
        group: 'general',
      },
      { name: 'fax', label: 'Fax', kind: 'phone', dependsOn: MAIN_SITE_ADDRESS, group: 'general' },
      {
        name: 'email',
        label: 'E-mail du site',
        kind: 'email',
        group: 'general',
      },
      { name: 'comment', label: 'Commentaire', kind: 'textarea', group: 'general' },
      ...addressFields(2),
      {
        name: 'openingHours',
        label: 'Horaire d’ouverture',
        kind: 'text',
        maxLength: 200,
        group: 'other',
        hint: 'Par exemple Lun-Ven 9h-12h / 14h-18h',
      },
    ],
  },
  {
    number: 3,
    heading: 'CRÉATION DU POINT DE FACTURATION',
    title: 'Point de facturation',
    editHeading: 'Modifier le point de facturation',
    table: 'billing_points',
    rowKey: { is_default: true },
    groups: [
      {
        id: 'address',
        legend: 'Adresse',
        copyFrom: { step: 2, group: 'address', button: 'Remplir à partir de l’adresse du site principal' },
      },
    ],
    fields: [
      { name: 'isDefault', label: 'Point de facturation par défaut', kind: 'fixed', fixedValue: 'Oui' },
      {
        name: 'accountHolder',
        example: 'Boulangerie Martin',
        label: 'Titulaire du compte',
        kind: 'text',
        required: true,
        prefillFrom: { step: 1, field: 'raisonSociale' },
      },
      {
        name: 'billingEmail',
        label: 'E-mail facturation',
        kind: 'email',
        required: true,
        prefillFrom: { step: 1, field: 'emailAdmin' },
      },
      {
        name: 'paymentMethod',
        label: 'Mode de paiement',
        kind: 'select',
        required: true,
        options: paymentMethods,
        defaultValue: defaults.paymentMethod,
      },
      {
        name: 'iban',
        label: 'IBAN',
        kind: 'iban',
        required: { field: 'paymentMethod', is: 'sepa' },
        onlyWhen: { field: 'paymentMethod', is: 'sepa', otherwise: 'unchecked' },
        hint: 'Obligatoire pour le prélèvement SEPA, par exemple FR76 3000 6000 0112 3456 7890 189',
      },
      {
        name: 'bic',
        label: 'BIC',
        kind: 'bic',
        onlyWhen: { field: 'paymentMethod', is: 'sepa', otherwise: 'unchecked' },
        hint: 'Pour le prélèvement SEPA, par exemple AGRIFRPP',
      },
      {
        name: 'paymentTerms',
        label: 'Délais de paiement',
        kind: 'select',
        required: true,
        options: paymentTerms,
        defaultValue: defaults.paymentTerm,
      },
      {
        name: 'vatRegime',
        label: 'Régime de TVA',
        kind: 'select',
        required: true,
        options: vatRegimes,
        defaultValue: defaults.vatRegime,
      },
      {
        name: 'paperInvoice',
        label: 'Envoyer la facture papier',
        kind: 'yesno',
        required: true,
        options: yesNo,
        defaultValue: 'non',
      },
      ...addressFields(3),
    ],
  },
  {
    number: 4,
    heading: 'CRÉATION DE L’ADMINISTRATEUR',
    title: 'Administrateur',
    editHeading: 'Modifier l’administrateur',
    table: 'contacts',
    rowKey: { role: 'administrator' },
    fields: [
      {
        name: 'civility',
        label: 'Civilité',
        kind: 'radio',
        required: true,
        options: civilities,
      },
      {
        name: 'lastName',
        example: 'Martin',
        label: 'Nom',
        kind: 'text',
        maxLength: 80,
        required: true,
      },
      {
        name: 'firstName',
        example: 'Claire',
        label: 'Prénom',
        kind: 'text',
        maxLength: 80,
        required: true,
      },
      {
        name: 'phone',
        label: 'Téléphone',
        kind: 'phone',
        dependsOn: MAIN_SITE_ADDRESS,
        required: true,
        hint: 'Indicatif du pays du site principal par défaut',
      },
      {
        name: 'mobile',
        label: 'Mobile',
        importAliases: ['Portable', 'Tél portable', 'Téléphone mobile', 'GSM'],
        kind: 'mobile',
        dependsOn: MAIN_SITE_ADDRESS,
      },
      { name: 'fax', label: 'Fax', kind: 'phone', dependsOn: MAIN_SITE_ADDRESS },
      { name: 'email', label: 'E-mail', kind: 'email', required: true },
      { name: 'functions', label: 'Fonction', kind: 'checkboxes', options: functions, defaultValue: 'adv' },
    ],
  },
];

export function stepOf(n: number): Step | undefined {
  return steps.find((s) => s.number === n);
}

// A field renamed without what reads it fails here, at startup.
assertDeclarations(steps);
