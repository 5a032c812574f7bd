// express-session saves a changed session while the response is already on its way: if the
// database fails then, the visitor has a page whose session does not exist (its CSRF token is
// refused at the next post) and the error arrives after a status 200. So a rendered page whose
// session changed is saved first, and sent only once saved; a failure gets the 503 page instead.
import { RequestHandler } from 'express';
import type { Session, SessionData } from 'express-session';

type LiveSession = Session & Partial<SessionData>;

/** The session as express-session compares it: without the cookie (and what was loaded with it). */
function content(session: LiveSession, without?: string): string {
  return JSON.stringify(session, function (this: unknown, key: string, value: unknown) {
    if (this === session && (key === 'cookie' || key === 'signedInUser' || key === without)) return undefined;
    return value;
  });
}

export const saveBeforeRender: RequestHandler = (req, res, next) => {
  const loaded = content(req.session);
  const loadedButKeepAlive = content(req.session, 'lastSeenAt');
  const loadedLastSeen = req.session.lastSeenAt;
  const render = res.render.bind(res);

  const send = (html: string | undefined) => res.send(html);
  const fail = (err: unknown) => req.next!(err);

  res.render = (view: string, options?: unknown, callback?: unknown) => {
    if (typeof options === 'function') [callback, options] = [options, undefined];
    if (typeof callback === 'function') return render(view, options as object, callback as never);
    render(view, options ?? {}, (err: Error | null, html?: string) => {
      if (err) return fail(err);
      const session = req.session as LiveSession | undefined;
      if (!session || content(session) === loaded) return send(html);
      session.save((saveErr) => {
        if (!saveErr) return send(html);
        if (content(session, 'lastSeenAt') === loadedButKeepAlive) {
          // Pushing the idle timeout back can wait for the next page: show this one.
          session.lastSeenAt = loadedLastSeen;
          return send(html);
        }
        // Forget the unsaved session for the rest of this request, so that neither the 503 page
        // nor express-session try to write it again.
        (req as { session?: unknown }).session = undefined;
        fail(saveErr);
      });
    });
  };

  next();
};
