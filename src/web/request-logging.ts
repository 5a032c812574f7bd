// One log line per request with a request id; cookies and form bodies (passwords, CSRF tokens)
// never reach the logs.
import { randomUUID } from 'node:crypto';
import pino, { Logger } from 'pino';
import pinoHttp from 'pino-http';

export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: { paths: ['req.headers.cookie', 'res.headers["set-cookie"]', 'password', 'body'], remove: true },
  });
}

export function setUpRequestLogging(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: (req, res) => {
      const id = randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
  });
}
