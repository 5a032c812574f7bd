// The baseline: a bare node:http server that renders the sign-in page the way src/web/views.ts does
// (views/pages/sign-in.ejs inside views/layout.ejs, cached templates, the same locals), and nothing
// else. It loads none of the app's modules, so that its memory is that of node:http plus EJS.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import ejs from 'ejs';
import { viewsDir } from '../src/paths';
import { runTarget, serveOverIpc } from './protocol';

runTarget(async () => {
  const page = path.join(viewsDir, 'pages', 'sign-in.ejs');
  const layout = path.join(viewsDir, 'layout.ejs');
  // The app's stylesheet URL, computed by run.ts: computing it here would load Express.
  const stylesheet = process.env.BENCH_STYLESHEET ?? '/static/app.css';
  const options = { cache: true, root: viewsDir };

  const server = http.createServer(async (_req, res) => {
    try {
      const locals = {
        title: 'Connexion',
        email: '',
        next: '',
        error: undefined,
        expired: false,
        stylesheet,
        csrfToken: () => randomBytes(32).toString('hex'),
      };
      const body = await ejs.renderFile(page, locals, { ...options, filename: page });
      const html = await ejs.renderFile(layout, { ...locals, body }, { ...options, filename: layout });
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Length': Buffer.byteLength(html),
      });
      res.end(html);
    } catch (err) {
      console.error(err);
      res.writeHead(500).end();
    }
  });
  await serveOverIpc(server);
});
