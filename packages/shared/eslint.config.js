import defineConfig from '@fiveways/eslint-config';

export default defineConfig(import.meta.dirname);
