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

/**
 * The most notices waiting in a session. They wait for the next page; a client that never follows
 * the redirect (a script, a page posted again and again) would otherwise grow the session, read and
 * written at every request, with each POST.
 */
export const WAITING_NOTICES = 5;

/** Waits for the next page; the same text waiting already is replaced, not repeated. */
export function addNotice(req: Request, notice: Notice): void {
  const waiting = (req.session.notices ?? []).filter((n) => n.text !== notice.text);
  req.session.notices = [...waiting, notice].slice(-WAITING_NOTICES);
}

export function takeNotices(req: Request): Notice[] {
  const notices = req.session.notices ?? [];
  if (notices.length) delete req.session.notices;
  return notices;
}
