// Mes clients › « Importer »: the upload form and the model, then the import's own page (Post/
// Redirect/Get): the mapping of unknown columns, the preview, the confirmation, the result.
// Partners only: an import creates a partner's customers, which staff do not type for them.
import { Request, Response, Router } from 'express';
import { currentUser } from '../../auth/current-user';
import { NotFoundError } from '../../web/errors';
import { steps } from '../fields/steps';
import type { FieldError } from '../fields/types';
import { columnByKey, importColumns, shortHeader, suggestedField } from './columns';
import { ImportFileError, LIMITS } from './file-error';
import type { PreviewSummary } from './prepare';
import type { ImportRecord } from './repository';
import type { ImportService } from './service';
import { unmatchedColumns } from './service';
import { TEMPLATE_FILE_NAME, templateCsv } from './template';
import { FILE_FIELD, UPLOAD_PATH } from './upload';

const count = (n: number) => n.toLocaleString('fr-FR');

export function importRoutes(router: Router, deps: { importer: ImportService }): void {
  const { importer } = deps;

  router.use(UPLOAD_PATH, (_req, res, next) => {
    if (currentUser(res).role !== 'staff') return next();
    res.status(403).render('pages/clients/import/staff', { title: 'Import réservé aux partenaires' });
  });

  function renderUpload(res: Response, errors: FieldError[] = [], status = 200) {
    res.status(status).render('pages/clients/import/upload', {
      title: `${errors.length ? 'Erreur : ' : ''}Importer des clients`,
      errors: errors.map((e) => ({ ...e, anchor: FILE_FIELD })),
      fileField: FILE_FIELD,
      maxRows: count(LIMITS.rows),
    });
  }

  async function ownImport(req: Request, res: Response): Promise<ImportRecord> {
    const record = await importer.find(Number(req.params.importId), currentUser(res).companyId);
    if (!record) throw new NotFoundError();
    return record;
  }

  router.get(UPLOAD_PATH, (_req, res) => {
    importer.expectUpload();
    renderUpload(res);
  });

  router.get(`${UPLOAD_PATH}/modele.csv`, (_req, res) => {
    res.set({
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${TEMPLATE_FILE_NAME}"`,
    });
    res.send(templateCsv());
  });

  router.post(UPLOAD_PATH, async (req, res) => {
    const refused = res.locals.uploadRefused;
    if (refused === 'too-large') {
      const mb = LIMITS.bytes / 1024 / 1024;
      return renderUpload(
        res,
        [{ field: FILE_FIELD, message: `Le fichier dépasse ${mb} Mo : découpez-le en plusieurs fichiers.` }],
        413,
      );
    }
    const file = req.file;
    if (refused || !file) {
      return renderUpload(
        res,
        [{ field: FILE_FIELD, message: 'Choisissez le fichier à importer (CSV ou Excel .xlsx).' }],
        400,
      );
    }
    const fileName = Buffer.from(file.originalname, 'latin1').toString('utf8');
    try {
      const id = await importer.upload(currentUser(res), fileName, file.buffer);
      res.redirect(303, `${UPLOAD_PATH}/${id}`);
    } catch (err) {
      if (!(err instanceof ImportFileError)) throw err;
      renderUpload(res, [{ field: FILE_FIELD, message: err.message }], err.status);
    }
  });

  function renderMapping(
    res: Response,
    record: ImportRecord,
    errors: FieldError[] = [],
    chosen: Record<number, string> = {},
  ) {
    const taken = new Set(record.mapping.filter((k): k is string => k !== null));
    // The first time, each column comes with the field its header suggests (none twice); after a
    // refused choice, what was chosen.
    const proposed = new Set(taken);
    const choiceOf = (i: number): string => {
      if (errors.length) return chosen[i] ?? '';
      const key = suggestedField(record.headers[i] ?? '', proposed) ?? '';
      if (key) proposed.add(key);
      return key;
    };
    const groups = steps.map((step) => ({
      label: step.title,
      options: importColumns()
        .filter((c) => c.step === step && !taken.has(c.key))
        .map((c) => ({ value: c.key, label: c.header })),
    }));
    res.status(errors.length ? 400 : 200).render('pages/clients/import/mapping', {
      title: `${errors.length ? 'Erreur : ' : ''}Colonnes à associer — ${record.fileName}`,
      record,
      errors: errors.map((e) => ({ ...e, anchor: e.field })),
      columns: unmatchedColumns(record.headers, record.mapping).map((i) => ({
        name: `colonne-${i}`,
        header: shortHeader(record.headers[i] ?? ''),
        chosen: choiceOf(i),
        error: errors.find((e) => e.field === `colonne-${i}`)?.message,
      })),
      matched: record.mapping.flatMap((key, i) =>
        key ? [{ header: shortHeader(record.headers[i] ?? ''), field: columnByKey(key)?.header ?? key }] : [],
      ),
      groups,
      action: `${UPLOAD_PATH}/${record.id}/correspondances`,
    });
  }

  router.get(`${UPLOAD_PATH}/:importId`, async (req, res) => {
    const record = await ownImport(req, res);
    if (record.status === 'mapping') return renderMapping(res, record);
    const summary = record.preview as PreviewSummary;
    const base = { record, href: `${UPLOAD_PATH}/${record.id}` };
    if (record.status === 'preview') {
      const total = summary.active + summary.draft;
      return res.render('pages/clients/import/preview', {
        title: `Aperçu de l’import — ${record.fileName}`,
        ...base,
        summary,
        n: count(total),
        total,
        counts: {
          active: count(summary.active),
          draft: count(summary.draft),
          skipped: count(summary.skipped),
        },
        more: summary.problemCount - summary.problems.length,
        action: `${UPLOAD_PATH}/${record.id}/confirmer`,
      });
    }
    if (record.status === 'importing') {
      return res.render('pages/clients/import/progress', {
        title: `Import en cours — ${record.fileName}`,
        ...base,
      });
    }
    const { result } = record;
    res.render('pages/clients/import/result', {
      title: `Import terminé — ${record.fileName}`,
      ...base,
      result,
      counts: { active: count(result.active), draft: count(result.draft), skipped: count(result.skipped) },
      activeHref: `/clients?import=${record.id}&etat=active`,
      draftHref: `/clients?import=${record.id}&etat=brouillon`,
    });
  });

  router.post(`${UPLOAD_PATH}/:importId/correspondances`, async (req, res) => {
    const record = await ownImport(req, res);
    if (record.status !== 'mapping') return res.redirect(303, `${UPLOAD_PATH}/${record.id}`);
    const chosen: Record<number, string> = {};
    for (const i of unmatchedColumns(record.headers, record.mapping)) {
      const value = (req.body as Record<string, unknown>)[`colonne-${i}`];
      chosen[i] = typeof value === 'string' ? value.slice(0, 100) : '';
    }
    const errors = await importer.applyMapping(record, chosen);
    if (errors.length) return renderMapping(res, record, errors, chosen);
    res.redirect(303, `${UPLOAD_PATH}/${record.id}`);
  });

  // A double press, a replay or another tab: only one request writes, all land on the same page.
  router.post(`${UPLOAD_PATH}/:importId/confirmer`, async (req, res) => {
    const record = await ownImport(req, res);
    if (record.status === 'preview' || record.status === 'importing') {
      await importer.confirm(record, currentUser(res));
    }
    res.redirect(303, `${UPLOAD_PATH}/${record.id}`);
  });
}
