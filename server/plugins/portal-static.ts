// Serves the built staff portal (dist/web/portal, made by `npm run build`):
// the page at /portal (it routes with the URL's #fragment, so one page
// does), its files under /portal/assets/.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { HttpError } from './errors.js';
import { SURVEY_DIR } from './static.js';

export const PORTAL_DIR = join(dirname(SURVEY_DIR), 'portal');

export default async function portalStatic(app: FastifyInstance) {
  await app.register(fastifyStatic, {
    root: join(PORTAL_DIR, 'assets'),
    prefix: '/portal/assets/',
    index: false,
    // A second @fastify/static: the survey's already decorated the reply.
    decorateReply: false,
    // Built files carry a content hash in their name, so they never change.
    setHeaders: (res) => res.setHeader('cache-control', 'public, max-age=31536000, immutable'),
  });
  const page = async (_request: unknown, reply: FastifyReply) => {
    if (!existsSync(join(PORTAL_DIR, 'index.html'))) throw new HttpError(503, 'the portal has not been built: run `npm run build`');
    // Read here rather than through reply.sendFile, which belongs to the survey's static root.
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(await readFile(join(PORTAL_DIR, 'index.html')));
  };
  app.get('/portal', page);
  app.get('/portal/', page);
}
