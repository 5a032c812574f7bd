// The one stylesheet, served with a content hash in its URL so that browsers may keep it for a year
// and still fetch a new one the moment it changes.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import express, { RequestHandler } from 'express';
import { publicDir } from '../paths';

export function stylesheetHref(): string {
  const css = readFileSync(path.join(publicDir, 'app.css'));
  const hash = createHash('sha256').update(css).digest('hex').slice(0, 10);
  return `/static/app.css?v=${hash}`;
}

/** The files under /static, for app.use('/static', …). */
export const staticFiles = (): RequestHandler =>
  express.static(publicDir, { immutable: true, maxAge: '365d', index: false, fallthrough: true });
