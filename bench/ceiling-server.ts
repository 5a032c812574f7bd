// The ceilings the app is compared with, in one process pinned like the app (only one of them is
// under load at a time): bare node:http and express 5's `res.send`, both sending the exact bytes of
// the signed-in step-1 page the app served, and an express POST that parses the same form
// (urlencoded, as the app does) and answers 303. The app cannot be faster than these.
import http from 'node:http';
import express from 'express';
import { runTarget, serve } from './protocol';

runTarget(async () => {
  let page = '';
  let pageBytes = Buffer.alloc(0);

  const bare = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': pageBytes.length });
    res.end(pageBytes);
  });

  const app = express();
  app.disable('x-powered-by');
  app.get('/', (_req, res) => {
    res.send(page);
  });
  app.post('/', express.urlencoded({ extended: false, limit: '100kb', parameterLimit: 500 }), (req, res) =>
    res.redirect(303, `/suite?champs=${Object.keys(req.body as object).length}`),
  );

  await serve(
    { bare, express: http.createServer(app) },
    {
      setPage: async (html: string) => {
        page = html;
        pageBytes = Buffer.from(html);
      },
    },
  );
});
