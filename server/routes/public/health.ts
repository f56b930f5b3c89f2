import type { FastifyInstance } from 'fastify';

export default async function health(app: FastifyInstance) {
  app.get('/api/health', { config: { openapi: { summary: 'Whether the server is up', responses: { 200: '{"status": "ok"}' } } } }, async () => ({ status: 'ok' }));
}
