import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig, runnerImport, type Plugin } from 'vite';
import type * as TranslationCheck from './src/i18n/check.ts';

/** Stops the build when a translation file is missing a key (or has one too many). */
function checkTranslations(): Plugin {
  return {
    name: 'fiveways:check-translations',
    async buildStart() {
      // Loaded through Vite, which compiles the TypeScript the English labels come from in the
      // shared package (a config file's own imports are left to Node, which cannot).
      const { module } = await runnerImport<typeof TranslationCheck>(
        fileURLToPath(new URL('./src/i18n/check.ts', import.meta.url)),
        { configFile: false, logLevel: 'silent' },
      );
      const problems = module.findTranslationProblems();
      if (problems.length > 0) {
        this.error(`Translations are incomplete:\n  ${problems.join('\n  ')}`);
      }
    },
  };
}

/**
 * Writes sw.js from service-worker.js with the list of files to precache, so the shell (HTML and
 * every hashed asset) works with no network; the version changes whenever any file does.
 */
function serviceWorker(): Plugin {
  return {
    name: 'fiveways:service-worker',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        // The staff insights page's chart library is left to load on use: kiosks never need it.
        .filter((f) => !/\.(map|woff)$/.test(f) && f !== 'index.html' && f !== 'sw.js')
        .filter((f) => !/^assets\/uPlot[.-]/.test(f))
        .sort()
        .map((f) => `/${f}`);
      // Old-style .woff files are skipped: every kiosk browser takes .woff2.
      const precache = ['/index.html', ...files];
      const version = createHash('sha256')
        .update(
          Object.values(bundle)
            .map((c) => (c.type === 'chunk' ? c.code : String(c.source)))
            .join('\n'),
        )
        .digest('hex')
        .slice(0, 12);
      const template = readFileSync(new URL('./service-worker.js', import.meta.url), 'utf8');
      if (!template.includes("['__PRECACHE__']") || !template.includes("'__VERSION__'")) {
        this.error('service-worker.js lost its __PRECACHE__ or __VERSION__ placeholder');
      }
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: template
          .replace("'__VERSION__'", JSON.stringify(version))
          .replace("['__PRECACHE__']", JSON.stringify(precache)),
      });
    },
  };
}

export default defineConfig({
  plugins: [preact(), checkTranslations(), serviceWorker()],
  // The directory worker loads the schemas in a chunk of its own while its requests are out.
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    assetsInlineLimit: 0,
  },
  server: {
    proxy: { '/api': 'http://localhost:8787', '/feeds': 'http://localhost:8787' },
  },
});
