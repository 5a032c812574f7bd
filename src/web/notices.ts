// Messages carried across a redirect (Post/Redirect/Get), shown once on the next page.
import type { Request } from 'express';

export type Notice = {
  text: string;
  kind?: 'success' | 'warning';
  /** Links under the message (the customers sharing a SIREN). */
  links?: { href: string; text: string }[];
};

declare module 'express-session' {
  interface SessionData {
    notices: Notice[];
  }
}

export function addNotice(req: Request, notice: Notice): void {
  req.session.notices = [...(req.session.notices ?? []), notice];
}

export function takeNotices(req: Request): Notice[] {
  const notices = req.session.notices ?? [];
  if (notices.length) delete req.session.notices;
  return notices;
}
