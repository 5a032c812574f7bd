// One short log line per request: method, path, status, duration, request id. Never headers,
// cookies, bodies or query values (a `next` or a cursor could carry a token): the query shows only
// its parameter names. Errors go through describeError, which keeps no bound value.
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import pino, { DestinationStream, Logger } from 'pino';
import { describeError } from '../db/errors';

declare module 'http' {
  interface IncomingMessage {
    /** This request's logger: every line carries its request id. */
    log: Logger;
    id: string;
  }
}

/** Whatever a careless log call passes, these never reach the output. */
const REDACTED = [
  'cookie',
  'authorization',
  'password',
  'token',
  'csrfToken',
  '_csrf',
  'sid',
  'sess',
  'bindings',
  '*.cookie',
  '*.authorization',
  '*.password',
  '*.token',
  '*.csrfToken',
  '*._csrf',
  '*.sid',
  '*.sess',
  '*.bindings',
  '*.headers',
  'req.headers',
  'res.headers',
  'body',
  '*.body',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACTED, censor: '[masqué]' },
      serializers: { err: describeError },
    },
    destination,
  );
}

export function setUpRequestLogging(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    req.id = randomUUID();
    req.log = logger.child({ reqId: req.id });
    res.setHeader('X-Request-Id', req.id);
    const done = () => {
      res.off('finish', done);
      res.off('close', done);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const status = res.statusCode;
      const line = {
        method: req.method,
        path: pathOf(req.originalUrl),
        status,
        ms: Math.round(ms * 10) / 10,
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      if (status >= 500 && status !== 503) req.log.error(line, 'requête');
      else if (status === 503) req.log.warn(line, 'requête');
      else req.log.info(line, 'requête');
    };
    res.on('finish', done);
    res.on('close', done);
    next();
  };
}

const MAX_PATH = 200;

/** « /clients?q=…&etat=… » → « /clients?q&etat »: the names tell what was asked, not the values. */
export function pathOf(url: string): string {
  const question = url.indexOf('?');
  if (question < 0) return url.slice(0, MAX_PATH);
  const names = [...new URLSearchParams(url.slice(question + 1)).keys()].slice(0, 20);
  return `${url.slice(0, Math.min(question, MAX_PATH))}?${[...new Set(names)].join('&').slice(0, MAX_PATH)}`;
}
