import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Where the gateway serves the suite's API description (docs/api/partners.md "The OpenAPI document"). */
export const DOCS_PATH = '/api/docs';
export const DOCUMENT_PATH = `${DOCS_PATH}/openapi.json`;

/**
 * Swagger UI's Content-Security-Policy, as the services give theirs (libs/platform/http/src/security-headers.ts):
 * its page, scripts and styles come from the gateway (scripts are files, never inline), it styles itself inline,
 * draws icons as `data:` images and fetches the document from the same origin. It may not be framed.
 */
export const DOCS_CSP: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** The files of swagger-ui-dist the page loads, with their types; nothing else of the package is served. */
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'index.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
  'favicon-16x16.png': 'image/png',
};

const PAGE = `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="UTF-8">
    <title>Customer management suite API</title>
    <link rel="stylesheet" type="text/css" href="${DOCS_PATH}/swagger-ui.css">
    <link rel="stylesheet" type="text/css" href="${DOCS_PATH}/index.css">
    <link rel="icon" type="image/png" href="${DOCS_PATH}/favicon-32x32.png" sizes="32x32">
    <link rel="icon" type="image/png" href="${DOCS_PATH}/favicon-16x16.png" sizes="16x16">
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="${DOCS_PATH}/swagger-ui-bundle.js" charset="UTF-8"></script>
    <script src="${DOCS_PATH}/swagger-ui-standalone-preset.js" charset="UTF-8"></script>
    <script src="${DOCS_PATH}/swagger-initializer.js" charset="UTF-8"></script>
  </body>
</html>
`;

// A file, not an inline script: the page's CSP allows scripts from the gateway only.
const INITIALIZER = `window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: ${JSON.stringify(DOCUMENT_PATH)},
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: 'StandaloneLayout',
  });
};
`;

/** swagger-ui-dist's folder in node_modules (no CDN: the page works offline and under the CSP above). */
function swaggerUiDir(): string {
  return join(require.resolve('swagger-ui-dist/package.json'), '..');
}

const page = { config: { helmet: { contentSecurityPolicy: { useDefaults: false, directives: DOCS_CSP } } } };

/**
 * `GET /api/docs`: Swagger UI over the composed document, its assets read once from node_modules. The answer of
 * `/api/docs/openapi.json` is the caller's (`document`).
 */
export function registerSwaggerUi(fastify: FastifyInstance, document: (reply: FastifyReply) => Promise<unknown>): void {
  const dir = swaggerUiDir();
  const files = new Map(Object.entries(ASSETS).map(([name, type]) => [name, { type, body: readFileSync(join(dir, name)) }]));
  const html = (_: unknown, reply: FastifyReply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(PAGE);

  fastify.get(DOCS_PATH, page, html);
  fastify.get(`${DOCS_PATH}/`, page, html);
  fastify.get(DOCUMENT_PATH, page, (_request, reply) => document(reply));
  fastify.get(`${DOCS_PATH}/swagger-initializer.js`, page, (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(INITIALIZER),
  );
  for (const [name, file] of files) {
    fastify.get(`${DOCS_PATH}/${name}`, page, (_request, reply) => reply.type(file.type).header('cache-control', 'public, max-age=86400').send(file.body));
  }
}
