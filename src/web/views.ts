// EJS pages wrapped in one layout: a page renders its own content, then views/layout.ejs wraps it,
// unless the page is rendered with `layout: false`.
import path from 'node:path';
import ejs from 'ejs';
import type { Express } from 'express';
import { viewsDir } from '../paths';

type RenderCallback = (err: Error | null, html?: string) => void;

export function setUpViews(app: Express, { cache }: { cache: boolean }): void {
  const layoutFile = path.join(viewsDir, 'layout.ejs');
  app.engine('ejs', (file: string, options: object, done: RenderCallback) => {
    const locals = options as Record<string, unknown>;
    const ejsOptions = { cache, filename: file, root: viewsDir };
    ejs.renderFile(file, locals, ejsOptions, (err, body) => {
      if (err) return done(err);
      if (locals.layout === false) return done(null, body);
      ejs.renderFile(layoutFile, { ...locals, body }, { ...ejsOptions, filename: layoutFile }, done);
    });
  });
  app.set('view engine', 'ejs');
  app.set('views', viewsDir);
  if (cache) app.enable('view cache');
}
