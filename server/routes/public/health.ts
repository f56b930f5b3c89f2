import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

export default async function health(app: FastifyInstance) {
  app.get('/api/health', { config: { openapi: { summary: 'Whether the server is up', reply: z.object({ status: z.literal('ok') }), responses: { 200: 'It is up' } } } }, async () => ({ status: 'ok' }));
}
