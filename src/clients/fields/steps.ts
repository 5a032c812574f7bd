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
import { answerOf, Field, Step, StepNumber } from './types';
import { countryOptions } from './kinds';

const noLegalForm = { value: '', label: 'Non renseigné' };

/**
 * The address block of the main site and of the billing point: « n° » is optional on the billing
 * point, and only the main site's commune shows in Mes clients.
 */
function addressFields(of: 'site' | 'billing'): Field[] {
  const streetNumberRequired = of === 'site';
  const listed = of === 'site' ? ({ listColumn: 'city', searchable: 'words' } as const) : {};
  const group = 'Adresse';
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
      kind: 'text',
      required: true,
      group,
      row: 'voie',
      autocomplete: 'address-line1',
    },
    { name: 'building', label: 'Bâtiment', kind: 'text', maxLength: 30, group, row: 'acces' },
    { name: 'floor', label: 'Etage', kind: 'text', maxLength: 30, group, row: 'acces' },
    { name: 'door', label: 'Porte', kind: 'text', maxLength: 30, group, row: 'acces' },
    { name: 'staircase', label: 'Escalier', kind: 'text', maxLength: 30, group, row: 'acces' },
    { name: 'complement', label: 'Complément', kind: 'text', group, autocomplete: 'address-line2' },
    {
      name: 'country',
      label: 'Pays',
      kind: 'country',
      required: true,
      defaultValue: 'FR',
      options: countryOptions,
      group,
      autocomplete: 'country',
    },
    {
      name: 'postalCode',
      label: 'Code postal',
      kind: 'postalCode',
      required: true,
      group,
      row: 'commune',
      autocomplete: 'postal-code',
    },
    {
      name: 'city',
      ...listed,
      example: 'Saint-Avertin',
      label: 'Commune de l’adresse',
      kind: 'commune',
      required: true,
      group,
      row: 'commune',
      autocomplete: 'address-level2',
    },
  ];
}

export const steps: readonly Step[] = [
  {
    number: 1,
    heading: 'INFORMATIONS GÉNÉRALES',
    title: 'Informations générales',
    table: 'clients',
    fields: [
      {
        name: 'raisonSociale',
        listColumn: 'name',
        searchable: 'words',
        example: 'Boulangerie Martin',
        label: 'Raison sociale',
        kind: 'text',
        required: true,
        autocomplete: 'organization',
      },
      {
        name: 'reference',
        listColumn: 'reference',
        searchable: 'words',
        example: 'CLI-000124',
        label: 'Référence client',
        kind: 'text',
        maxLength: 50,
        required: true,
        hint: 'Unique parmi vos clients, par exemple CLI-000124',
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
        autocomplete: 'url',
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
      { name: 'emailCommercial', label: 'E-mail commercial', kind: 'email', autocomplete: 'email' },
      {
        name: 'emailSalesAdmin',
        label: 'E-mail administration des ventes',
        kind: 'email',
        autocomplete: 'email',
      },
      { name: 'emailAdmin', label: 'E-mail administratif', kind: 'email', autocomplete: 'email' },
    ],
  },
  {
    number: 2,
    heading: 'CRÉATION DU SITE PRINCIPAL',
    title: 'Site principal',
    table: 'sites',
    fields: [
      {
        name: 'siret',
        searchable: 'digits',
        label: 'SIRET du site',
        kind: 'siret',
        group: 'Informations générales',
        hint: '14 chiffres, commençant par le SIREN',
      },
      {
        name: 'phone',
        label: 'Téléphone',
        kind: 'phone',
        required: true,
        group: 'Informations générales',
        autocomplete: 'tel',
      },
      { name: 'fax', label: 'Fax', kind: 'phone', group: 'Informations générales', autocomplete: 'fax tel' },
      {
        name: 'email',
        label: 'E-mail du site',
        kind: 'email',
        group: 'Informations générales',
        autocomplete: 'email',
      },
      { name: 'comment', label: 'Commentaire', kind: 'textarea', group: 'Informations générales' },
      ...addressFields('site'),
      {
        name: 'openingHours',
        label: 'Horaire d’ouverture',
        kind: 'text',
        maxLength: 200,
        group: 'Autres informations',
        hint: 'Par exemple Lun-Ven 9h-12h / 14h-18h',
      },
    ],
  },
  {
    number: 3,
    heading: 'CRÉATION DU POINT DE FACTURATION',
    title: 'Point de facturation',
    table: 'billing_points',
    fields: [
      { name: 'isDefault', label: 'Point de facturation par défaut', kind: 'fixed', fixedValue: 'Oui' },
      {
        name: 'accountHolder',
        example: 'Boulangerie Martin',
        label: 'Titulaire du compte',
        kind: 'text',
        required: true,
        autocomplete: 'organization',
        defaultValue: (all) => answerOf(all[1], 'raisonSociale') || undefined,
      },
      {
        name: 'billingEmail',
        label: 'E-mail facturation',
        kind: 'email',
        required: true,
        autocomplete: 'email',
        defaultValue: (all) => answerOf(all[1], 'emailAdmin') || undefined,
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
      ...addressFields('billing'),
    ],
  },
  {
    number: 4,
    heading: 'CRÉATION DE L’ADMINISTRATEUR',
    title: 'Administrateur',
    table: 'contacts',
    fields: [
      {
        name: 'civility',
        label: 'Civilité',
        kind: 'radio',
        required: true,
        options: civilities,
        autocomplete: 'honorific-prefix',
      },
      {
        name: 'lastName',
        example: 'Martin',
        label: 'Nom',
        kind: 'text',
        maxLength: 80,
        required: true,
        autocomplete: 'family-name',
      },
      {
        name: 'firstName',
        example: 'Claire',
        label: 'Prénom',
        kind: 'text',
        maxLength: 80,
        required: true,
        autocomplete: 'given-name',
      },
      {
        name: 'phone',
        label: 'Téléphone',
        kind: 'phone',
        required: true,
        autocomplete: 'tel',
        hint: 'Indicatif du pays du site principal par défaut',
      },
      { name: 'mobile', label: 'Mobile', kind: 'mobile', autocomplete: 'tel' },
      { name: 'fax', label: 'Fax', kind: 'phone', autocomplete: 'fax tel' },
      { name: 'email', label: 'E-mail', kind: 'email', required: true, autocomplete: 'email' },
      { name: 'functions', label: 'Fonction', kind: 'checkboxes', options: functions },
    ],
  },
];

export function stepOf(n: number): Step | undefined {
  return steps.find((s) => s.number === n);
}

export function isStepNumber(n: number): n is StepNumber {
  return n === 1 || n === 2 || n === 3 || n === 4;
}
