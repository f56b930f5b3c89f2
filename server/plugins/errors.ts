// One error shape for every failure: {"error": sentence, "issues": [...]}
// for invalid input, {"error": sentence} otherwise. Internal details of a
// 5xx are logged, never sent.
import fp from 'fastify-plugin';
import { ZodError, z } from 'zod';

const IssueSchema = z.object({ path: z.string(), message: z.string() });
export type Issue = z.infer<typeof IssueSchema>;

/** What every refusal and failure answers (the OpenAPI description's Error). */
export const ErrorBody = z.object({
  error: z.string().describe('What went wrong, as a sentence for a person'),
  issues: z.array(IssueSchema).optional().describe('For invalid input: each refused field and why'),
});

/** A failure with a status and a message meant for the user. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly issues?: Issue[],
  ) {
    super(message);
  }
}

export function zodIssues(error: ZodError, prefix = ''): Issue[] {
  return error.issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter(Boolean).join('.') || '(body)',
    message: i.message,
  }));
}

export const invalid = (issues: Issue[]) =>
  new HttpError(400, `invalid request: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);

export default fp(async (app) => {
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof HttpError)
      return reply.status(error.statusCode).send({ error: error.message, ...(error.issues && { issues: error.issues }) });
    if (error instanceof ZodError) {
      const issues = zodIssues(error);
      return reply.status(400).send({ error: invalid(issues).message, issues });
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      // Fastify's own refusals: malformed JSON, body too large, wrong content type, rate limit.
      const message = (error as Error).message;
      return reply.status(status).send({ error: message, ...(status === 400 && { issues: [{ path: '(body)', message }] }) });
    }
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send({ error: 'something went wrong on the server; please try again' });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ error: `no such endpoint: ${request.method} ${request.url.split('?')[0]}` }),
  );
});
