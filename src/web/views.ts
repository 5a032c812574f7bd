// EJS pages wrapped in one layout: a page renders its own content, then views/layout.ejs wraps it,
// unless the page is rendered with `layout: false`.
//
// Templates cost what they show. EJS's own `include` copies every page variable into a new object
// for each partial and asks the filesystem where the partial is, cache or not: on step 1 that was
// 114 copies (1,936 keys) and as many `existsSync` per page, a fifth of the request's CPU. Here each
// template is compiled once (in production; re-read each time in development so that edits show),
// and `include` is ours: the partial's variables are the page's, reached through the prototype
// chain, plus the few it is given. The templates keep calling `include(...)` as EJS documents it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ejs from 'ejs';
import type { Express } from 'express';
import { viewsDir } from '../paths';

type RenderCallback = (err: Error | null, html?: string) => void;
type Locals = Record<string, unknown>;
type Template = (locals: Locals) => string;

export function templateEngine({ cache }: { cache: boolean }) {
  const compiled = new Map<string, Template>();
  const layoutFile = path.join(viewsDir, 'layout.ejs');

  function template(file: string): Template {
    let fn = compiled.get(file);
    if (!fn) {
      // unsafePrototypeLocals (EJS 7, not yet in @types/ejs): our locals have no Object.prototype
      // already (see render), so EJS need not copy them into one that has none.
      const options = { filename: file, root: viewsDir, unsafePrototypeLocals: true };
      fn = ejs.compile(readFileSync(file, 'utf8'), options as ejs.Options) as Template;
      if (cache) compiled.set(file, fn);
    }
    return fn;
  }

  /** Renders `file` with `locals` as its variables, its `include` resolving names from its own folder. */
  // Where `include(name)` from a template of `dir` leads: resolved once per pair, not per include.
  const resolved = new Map<string, string>();
  function partialPath(dir: string, name: string): string {
    const key = `${dir}\0${name}`;
    let file = resolved.get(key);
    if (!file) {
      file = path.resolve(dir, path.extname(name) ? name : `${name}.ejs`);
      if (cache) resolved.set(key, file);
    }
    return file;
  }

  function renderWith(file: string, locals: Locals): string {
    const dir = path.dirname(file);
    // Inside EJS's `with (locals)`, this property is found before EJS's own `include` argument.
    locals.include = (name: string, data?: Locals) =>
      renderWith(partialPath(dir, name), Object.assign(Object.create(locals) as Locals, data));
    return template(file)(locals);
  }

  return function render(file: string, options: object, done: RenderCallback): void {
    let html: string;
    try {
      // One copy per page, into an object with no prototype, so that no template variable can come
      // from Object.prototype (EJS's own guard against prototype pollution, which it pays per include).
      const locals = Object.assign(Object.create(null) as Locals, options);
      const body = renderWith(file, locals);
      if (locals.layout === false) html = body;
      else html = renderWith(layoutFile, Object.assign(Object.create(locals) as Locals, { body }));
    } catch (err) {
      return done(err as Error);
    }
    done(null, html);
  };
}

export function setUpViews(app: Express, { cache }: { cache: boolean }): void {
  app.engine('ejs', templateEngine({ cache }));
  app.set('view engine', 'ejs');
  app.set('views', viewsDir);
  if (cache) app.enable('view cache');
}
