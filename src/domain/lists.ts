// The option lists of the four steps. Values are stored in the database: never change one, add a new one.
export type Option = { readonly value: string; readonly label: string };
export type LegalForm = Option & { readonly insee: string | null };

const legalForm = (sigle: string | null, name: string, insee: string | null): LegalForm => ({
  value: insee ?? 'autre',
  label: sigle ? `${sigle} - ${name}` : name,
  insee,
});

// Value = INSEE « catégorie juridique » code, the identifier the SIRENE register and accountants use.
export const legalForms: readonly LegalForm[] = [
  legalForm('EI', 'Entreprise individuelle', '1000'),
  legalForm('EURL', 'Entreprise unipersonnelle à responsabilité limitée', '5498'),
  legalForm('SARL', 'Société à responsabilité limitée', '5499'),
  legalForm('SASU', 'Société par actions simplifiée unipersonnelle', '5720'),
  legalForm('SAS', 'Société par actions simplifiée', '5710'),
  legalForm('SA', 'Société anonyme', '5599'),
  legalForm('SNC', 'Société en nom collectif', '5202'),
  legalForm('SCI', 'Société civile immobilière', '6540'),
  legalForm('SELARL', "Société d'exercice libéral à responsabilité limitée", '5485'),
  legalForm('SELAS', "Société d'exercice libéral par actions simplifiée", '5785'),
  legalForm('GIE', "Groupement d'intérêt économique", '6220'),
  legalForm(null, 'Association loi 1901', '9220'),
  legalForm(null, 'Collectivité territoriale', '7210'),
  legalForm(null, 'Établissement public', '7389'),
  legalForm(null, 'Autre', null),
];

export const universes: readonly Option[] = [
  { value: 'client_final', label: 'Client final' },
  { value: 'revendeur', label: 'Revendeur' },
  { value: 'integrateur', label: 'Intégrateur' },
  { value: 'operateur', label: 'Opérateur' },
];

export const guaranteeTypes: readonly Option[] = [
  { value: 'aucune', label: 'Aucune' },
  { value: 'depot', label: 'Dépôt de garantie' },
  { value: 'caution', label: 'Caution bancaire' },
];

export const paymentMethods: readonly Option[] = [
  { value: 'cheque', label: 'Chèque' },
  { value: 'virement', label: 'Virement' },
  { value: 'sepa', label: 'Prélèvement SEPA' },
];

export const paymentTerms: readonly Option[] = [
  { value: 'a_reception', label: 'À réception' },
  { value: '30j', label: '30 jours' },
  { value: '45j_fdm', label: '45 jours fin de mois' },
  // 60 days is the legal maximum (Code de commerce L441-10): no longer term may be offered.
  { value: '60j', label: '60 jours' },
];

export const vatRegimes: readonly Option[] = [
  { value: 'assujetti', label: 'Assujetti' },
  { value: 'franchise', label: 'Franchise en base (art. 293 B du CGI)' },
  { value: 'exonere', label: 'Exonéré' },
  { value: 'autoliquidation', label: 'Autoliquidation' },
];

export const functions: readonly Option[] = [
  { value: 'adv', label: 'Administration des ventes' },
  { value: 'commercial', label: 'Commercial(e)' },
  { value: 'comptabilite', label: 'Comptabilité' },
  { value: 'direction_commerciale', label: 'Direction commerciale' },
  { value: 'direction_generale', label: 'Direction Générale' },
  { value: 'direction_technique', label: 'Direction technique' },
  { value: 'service_client', label: 'Service Client' },
  { value: 'support_technique', label: 'Support technique' },
  { value: 'technicien', label: 'Technicien(e)' },
];

export const civilities: readonly Option[] = [
  { value: 'mme', label: 'Madame' },
  { value: 'm', label: 'Monsieur' },
];

export const yesNo: readonly Option[] = [
  { value: 'oui', label: 'Oui' },
  { value: 'non', label: 'Non' },
];

// The defaults the spec sets; the web layer preselects them.
export const defaults = {
  universe: 'client_final',
  guaranteeType: 'aucune',
  paymentMethod: 'cheque',
  paymentTerm: '30j',
  vatRegime: 'assujetti',
} as const;
