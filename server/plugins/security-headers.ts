// Security headers on every response, pages of the child survey and the
// portal alike: a strict Content Security Policy (scripts and styles only
// from our own files, nothing inline, no plugins, no <base>, no framing).
//
// helmet itself, not @fastify/helmet: the plugin builds helmet's middleware
// again for every request (parsing the CSP each time), which made helmet
// the largest allocator under load (bench/load). Built once here, it only
// sets the headers.
import fp from 'fastify-plugin';
import helmet from 'helmet';

const setSecurityHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'"],
      // data: for the blank favicon and the QR codes shown as images.
      'img-src': ["'self'", 'data:'],
      'font-src': ["'self'"],
      'connect-src': ["'self'"],
      'worker-src': ["'self'"],
      'manifest-src': ["'self'"],
      'form-action': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'frame-ancestors': ["'none'"],
    },
  },
  // Tablets on a local network may reach the server over plain http: HSTS only on https, below.
  strictTransportSecurity: false,
  referrerPolicy: { policy: 'same-origin' },
});

export default fp(async (app) => {
  app.addHook('onRequest', (request, reply, done) => {
    // Served over https (directly, or behind a proxy with TRUST_PROXY): browsers keep to https for a year.
    if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000');
    setSecurityHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined));
  });
});
