// Serves the built child survey (dist/web/survey, made by `vite build`):
// the page at `/`, `/s/:code`, `/results/:code` (the children's version
// of a round's results) and `/s/preview/…` (a questionnaire's preview for
// portal staff), its files under `/survey/`, and the
// service worker at `/survey-sw.js` so that its scope covers `/s/…`.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { normaliseAccessCode } from '../access-code.js';
import { publicWave } from '../routes/public/waves.js';
import { compressPage, loadSurveyPage } from '../survey-page.js';
import { HttpError } from './errors.js';

/** The folder holding package.json, found from here whether running from server/ (tsx) or dist/server/. */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('package.json not found above server/plugins');
    dir = up;
  }
  return dir;
}

export const SURVEY_DIR = join(projectRoot(), 'dist', 'web', 'survey');

/**
 * Files whose name changes with their content never change: built files
 * (a hash in the name) and audio clips (named by a hash of their text, or
 * asked for with ?v=<hash> when a council recorded them). The page, the
 * service worker and the audio manifest are checked every time.
 */
const immutable = (path: string) =>
  path.includes(join('survey', 'assets')) || (path.includes(join('survey', 'audio')) && !path.includes('manifest'));

export default async function surveyStatic(app: FastifyInstance) {
  await app.register(fastifyStatic, {
    root: SURVEY_DIR,
    prefix: '/survey/',
    index: false,
    cacheControl: false,
    // The build writes .br and .gz copies (web/precompress.ts): sent to browsers that take them, no work per request.
    preCompressed: true,
    setHeaders: (res, path) => {
      res.setHeader('vary', 'accept-encoding');
      res.setHeader('cache-control', immutable(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const page = async (_request: unknown, reply: import('fastify').FastifyReply) => {
    if (!existsSync(join(SURVEY_DIR, 'index.html')))
      throw new HttpError(503, 'the child survey has not been built: run `npm run build`');
    // The page names the current build's files: always check for a new one.
    return reply.header('cache-control', 'no-cache').sendFile('index.html', SURVEY_DIR, { cacheControl: false });
  };
  app.get('/', page);
  // An open round's page comes with its start screen drawn (server/survey-page.ts); any other code gets
  // the plain page, whose script asks for the wave first thing: a preload hint lets the browser ask while
  // the script downloads. Limited as the wave API is: the page tells as much about a code as the API.
  const drawn = await loadSurveyPage(SURVEY_DIR);
  app.get<{ Params: { code: string } }>(
    '/s/:code',
    { config: { rateLimit: { max: app.config.lookupRateLimit, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const normalised = normaliseAccessCode(request.params.code);
      const wave = normalised ? app.waves.find(normalised) : undefined;
      const shown = wave && publicWave(wave);
      if (!drawn || !shown?.open)
        return page(request, reply.header('link', `</api/waves/${encodeURIComponent(request.params.code)}>; rel=preload; as=fetch; crossorigin=anonymous`));
      const { html, policy } = await drawn.render(shown, String(reply.raw.getHeader('content-security-policy')));
      const { body, encoding } = await compressPage(html, request.headers['accept-encoding']);
      if (encoding) reply.header('content-encoding', encoding);
      return reply
        .header('content-security-policy', policy)
        .header('vary', 'accept-encoding')
        .header('cache-control', 'no-cache')
        .type('text/html; charset=utf-8')
        .send(body);
    },
  );
  // The survey app's preview of a questionnaire for portal staff (web/survey/preview.tsx): the plain page, which
  // reads what it shows from the portal's API (signed in) or from the portal page that opened it.
  app.get('/s/preview/file', page);
  app.get('/s/preview/:id/:version', page);
  // The same page shows a round's published results to children; it asks for them first thing.
  app.get<{ Params: { code: string } }>('/results/:code', (request, reply) =>
    page(request, reply.header('link', `</api/results/${encodeURIComponent(request.params.code)}>; rel=preload; as=fetch; crossorigin=anonymous`)),
  );
  app.get('/survey-sw.js', (_request, reply) =>
    reply.header('cache-control', 'no-cache').sendFile('survey-sw.js', SURVEY_DIR, { cacheControl: false }),
  );
}
