// « Exporter (CSV) »: the columns come from the field declarations (their labels as headers, their
// kinds' display() for the values), written the way French Excel opens them: UTF-8 with a BOM,
// « ; » between cells, CRLF between lines.
import { tvaFromSiren } from '../../domain';
import { kindOf } from '../fields/kinds';
import type { Step } from '../fields/types';
import type { StoredDate } from '../../db/tables';
import type { ExportRow } from './repository';
import { stateLabel } from '../model';
import { steps } from '../fields/steps';
import { formatParisTime } from '../../web/dates';

export const BOM = '\uFEFF';
const SEPARATOR = ';';
const NEWLINE = '\r\n';

/**
 * One cell. A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return
 * before them) as a formula: such a cell gets a leading apostrophe, shown as text.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const csvLine = (cells: string[]): string => cells.map(csvCell).join(SEPARATOR) + NEWLINE;

const tableOf = (step: Step, row: ExportRow) =>
  step.table === 'clients'
    ? row.client
    : step.table === 'sites'
      ? row.site
      : step.table === 'billing_points'
        ? row.billing
        : row.contact;

type Column = { header: string; value: (row: ExportRow) => string };

/** The export's columns: who and when first, then every field of the four steps. */
export function exportColumns(opts: { staff: boolean }): Column[] {
  const fields = steps.flatMap((step) =>
    step.fields.filter((f) => f.kind !== 'fixed').map((f) => ({ step, f })),
  );
  // A label that two steps share (« Téléphone », « Voie »…) says which section it comes from.
  const shared = new Set(fields.map(({ f }) => f.label).filter((l, i, all) => all.indexOf(l) !== i));
  const date = (v: StoredDate | null) => (v ? formatParisTime(new Date(v)) : '');
  return [
    ...(opts.staff ? [{ header: 'Partenaire', value: (r: ExportRow) => r.companyName }] : []),
    { header: 'État', value: (r) => stateLabel(r.client.state) },
    { header: 'Créé le', value: (r) => date(r.client.created_at) },
    { header: 'Modifié le', value: (r) => date(r.client.updated_at) },
    {
      header: 'N° de TVA intracommunautaire',
      value: (r) => (r.client.siren ? tvaFromSiren(r.client.siren) : ''),
    },
    ...fields.map(({ step, f }) => ({
      header: shared.has(f.label) ? `${step.title} : ${f.label}` : f.label,
      value: (r: ExportRow) => {
        const row = tableOf(step, r);
        if (!row) return '';
        const kind = kindOf(f);
        return kind.display(kind.fromColumns(row, f), f);
      },
    })),
  ];
}

export const exportFileName = (now: Date): string =>
  `clients-${now.toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' })}.csv`;
