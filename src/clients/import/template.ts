// « Télécharger le modèle »: the import's columns (the export's headers) and one complete example
// row, written as the export writes (French Excel's CSV), that imports as « Activé(e) ». Its cells
// are an example customer's answers read back as the summary shows them (labels, not codes).
import { steps } from '../fields/steps';
import { kindOf } from '../fields/kinds';
import { validateStep } from '../fields/validation';
import { BOM, csvLine } from '../list/export';
import { answersOfRow } from './cells';
import { importColumns } from './columns';

/** The example customer, by column key, as a person types it; other fields take their defaults. */
const EXAMPLE: Record<string, string> = {
  '1.raisonSociale': 'Boulangerie Martin',
  '1.reference': 'EXEMPLE-0001',
  '1.siren': '732 829 320',
  '1.legalForm': 'SARL',
  '1.website': 'www.boulangerie-martin.fr',
  '1.emailAdmin': 'compta@boulangerie-martin.fr',
  '2.siret': '732 829 320 00074',
  '2.phone': '02 47 27 12 34',
  '2.streetNumber': '12',
  '2.street': 'rue de la République',
  '2.postalCode': '37550',
  '2.city': 'Saint-Avertin',
  '2.openingHours': 'Lun-Ven 9h-12h / 14h-18h',
  '3.streetNumber': '12',
  '3.street': 'rue de la République',
  '3.postalCode': '37550',
  '3.city': 'Saint-Avertin',
  '4.civility': 'Monsieur',
  '4.lastName': 'Martin',
  '4.firstName': 'Paul',
  '4.phone': '02 47 27 12 35',
  '4.mobile': '06 12 34 56 78',
  '4.email': 'paul.martin@boulangerie-martin.fr',
  '4.functions': 'Direction Générale, Comptabilité',
};

/** The example row's cells, column by column, as the model writes them. */
export function exampleCells(): string[] {
  const columns = importColumns();
  const all = answersOfRow(
    columns.map((c) => EXAMPLE[c.key] ?? ''),
    columns.map((c) => c.key),
  );
  const values = new Map<number, Record<string, unknown>>();
  for (const step of steps) values.set(step.number, validateStep(step, all[step.number] ?? {}, all).values);
  return columns.map(({ step, field }) =>
    kindOf(field).display(values.get(step.number)?.[field.name] ?? null, field),
  );
}

export function templateCsv(): string {
  return BOM + csvLine(importColumns().map((c) => c.header)) + csvLine(exampleCells());
}

export const TEMPLATE_FILE_NAME = 'modele-import-clients.csv';
