import defineConfig from '@fiveways/eslint-config';

export default [
  ...defineConfig(import.meta.dirname),
  // The service worker stays plain JavaScript (the build fills in its placeholders as text), so
  // it is linted here with the project that type-checks it.
  { ignores: ['!service-worker.js'] },
  {
    files: ['service-worker.js'],
    languageOptions: {
      parserOptions: {
        projectService: false,
        project: './tsconfig.sw.json',
        tsconfigRootDir: import.meta.dirname,
      },
    },
    // tsc (checkJs) already reports unknown names, and knows the service worker's globals.
    rules: { 'no-undef': 'off' },
  },
];
