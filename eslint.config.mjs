// Lint: typescript-eslint's type-checked recommended rules, no warnings allowed (`npm run lint`
// passes --max-warnings 0), and the layer boundaries of ARCHITECTURE.md as import restrictions.
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.e2e/**', '.vscode-test/**', '**/*.mjs', '**/*.cjs', '**/*.js'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
);
