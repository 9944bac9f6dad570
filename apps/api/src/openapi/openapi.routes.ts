// GET /api/openapi.json (our API described, open to every origin) and GET /api/docs, a reference
// page drawn by Swagger UI, served from our own origin like everything else.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  createCompressedBody,
  sendCompressed,
  type CompressedBody,
} from '../http/compressed-body.ts';
import { notFound } from '../http/errors.ts';
import { createRouter } from '../http/router.ts';
import { buildOpenApiDocument } from './build-openapi.ts';

const SWAGGER_UI_DIR = dirname(
  createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'),
);

/** The page's own files: the renderer's two, and the few lines that start it. */
const DOC_FILES: Record<string, { type: string; read: () => string }> = {
  'swagger-ui.css': {
    type: 'text/css; charset=utf-8',
    read: () => readFileSync(join(SWAGGER_UI_DIR, 'swagger-ui.css'), 'utf8'),
  },
  'swagger-ui-bundle.js': {
    type: 'text/javascript; charset=utf-8',
    read: () => readFileSync(join(SWAGGER_UI_DIR, 'swagger-ui-bundle.js'), 'utf8'),
  },
  'start.js': {
    type: 'text/javascript; charset=utf-8',
    // A file, not an inline script, so the page keeps the strict script policy.
    read: () =>
      "window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#api', deepLinking: true, tryItOutEnabled: false, validatorUrl: null });\n",
  },
};

const DOCS_PAGE = `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Five Ways Worcester API reference</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/api/docs/swagger-ui.css">
</head>
<body>
<main id="api"><p>The API reference needs JavaScript. The same description is at <a href="/api/openapi.json">/api/openapi.json</a>.</p></main>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/start.js"></script>
</body>
</html>
`;

/** Fixed bytes, compressed on first use and kept. */
function lazyBody(make: () => string): () => CompressedBody {
  let body: CompressedBody | undefined;
  return () => (body ??= createCompressedBody(make()));
}

export function openApiRoutes({ publicUrl }: { publicUrl: string }) {
  const documentBody = lazyBody(() => JSON.stringify(buildOpenApiDocument(publicUrl)));
  const pageBody = lazyBody(() => DOCS_PAGE);
  const fileBodies = new Map(
    Object.entries(DOC_FILES).map(([name, file]) => [name, { ...file, body: lazyBody(file.read) }]),
  );
  return createRouter()
    .get('/openapi.json', (c) => {
      c.header('Access-Control-Allow-Origin', '*');
      return sendCompressed(c, documentBody(), {
        contentType: 'application/json',
        cacheControl: 'public, max-age=300',
      });
    })
    .get('/docs', (c) =>
      sendCompressed(c, pageBody(), {
        contentType: 'text/html; charset=utf-8',
        cacheControl: 'public, max-age=300',
      }),
    )
    .get('/docs/:file', (c) => {
      const file = fileBodies.get(c.req.param('file'));
      if (file === undefined) throw notFound('such file');
      return sendCompressed(c, file.body(), {
        contentType: file.type,
        cacheControl: 'public, max-age=3600',
      });
    });
}
