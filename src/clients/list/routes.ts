// Mes clients: the list with its filters, counts, sorts and pages, and its CSV export.
import { once } from 'node:events';
import { Request, Response, Router } from 'express';
import { currentUser } from '../../auth/current-user';
import { takeNotices } from '../../web/notices';
import { BOM, csvLine, exportColumns, exportFileName } from './export';
import { sortColumnsOf, type ClientListRepository, type ListFilters } from './repository';
import { parseListQuery, searchTermsOf } from './query';
import { listView } from './view';
import { scopeOf } from '../model';

function listRequest(req: Request, res: Response) {
  const user = currentUser(res);
  const staff = user.role === 'staff';
  const query = parseListQuery(req.query, { staff, sortColumns: sortColumnsOf });
  const terms = searchTermsOf(query.q);
  const scope = scopeOf(user);
  const filters: ListFilters = {
    state: query.state,
    partnerId: query.partnerId,
    words: terms.words,
    importId: query.importId,
  };
  return { user, staff, query, terms, scope, filters };
}

export function listRoutes(router: Router, deps: { list: ClientListRepository }): void {
  const { list } = deps;

  router.get('/clients', async (req, res) => {
    const { user, staff, query, terms, scope, filters } = listRequest(req, res);
    const position = { after: query.after, before: query.before };
    const { page, counts } = await list.list(scope, filters, query.sort, query.order, position);
    const partners = staff ? await list.partners() : [];
    const fromImport = query.importId ? await list.importOf(query.importId, scope) : undefined;
    res.render('pages/clients/list', {
      notices: takeNotices(req),
      ...listView({
        query,
        page,
        counts,
        staff,
        companyId: user.companyId,
        partners,
        fromImport,
        searchTooShort: terms.tooShort,
      }),
    });
  });

  // Streamed a batch at a time, waiting for the connection to drain: a million rows never sit in
  // memory, and a slow download holds no database connection while it waits.
  router.get('/clients/export', async (req, res) => {
    const { staff, query, scope, filters } = listRequest(req, res);
    const columns = exportColumns({ staff });
    res.set({
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${exportFileName(new Date())}"`,
      'Cache-Control': 'no-store',
    });
    res.write(BOM + csvLine(columns.map((c) => c.header)));
    for await (const batch of list.exportBatches(scope, filters, query.sort, query.order)) {
      if (res.destroyed) return;
      const text = batch.map((row) => csvLine(columns.map((c) => c.value(row)))).join('');
      if (!res.write(text)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
    }
    res.end();
  });
}
