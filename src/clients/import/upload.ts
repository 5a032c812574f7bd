// The upload's multipart body, read by multer into memory (never to disk, so nothing to remove),
// bounded to one file of LIMITS.bytes and a few small fields.
//
// It runs before the CSRF check, which reads the token from the parsed body: only for the upload's
// own URL and a signed-in person, so that nobody else can make the app read a file.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import multer from 'multer';
import { LIMITS } from './file-error';

export const UPLOAD_PATH = '/clients/importer';
export const FILE_FIELD = 'fichier';

const parse = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: LIMITS.bytes, files: 1, fields: 5, fieldSize: 1000, parts: 8, fieldNameSize: 50 },
}).single(FILE_FIELD);

declare module 'express-serve-static-core' {
  interface Locals {
    /** Why multer refused the upload (the route answers with a French message). */
    uploadRefused?: 'too-large' | 'malformed';
  }
}

export function importUploadParsing(): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (
      req.method !== 'POST' ||
      req.path !== UPLOAD_PATH ||
      !res.locals.user ||
      !req.is('multipart/form-data')
    ) {
      return next();
    }
    parse(req, res, (err: unknown) => {
      if (err) {
        const code = (err as { code?: string }).code;
        res.locals.uploadRefused = code === 'LIMIT_FILE_SIZE' ? 'too-large' : 'malformed';
        req.body ??= {};
      }
      next();
    });
  };
}
