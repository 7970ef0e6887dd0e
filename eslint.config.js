// ESLint flat config: TypeScript everywhere; Lit, web-component and Lit a11y rules for the
// widgets (packages/elements, packages/embed, packages/react).
import js from '@eslint/js';
import globals from 'globals';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import tseslint from 'typescript-eslint';

const widgets = ['packages/elements/src/**/*.ts', 'packages/embed/src/**/*.ts'];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/coverage/**',
      'tests/e2e/artifacts/**',
      'demos/dist/**',
      '**/.bundled/**',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  { ...lit.configs['flat/recommended'], files: widgets },
  { ...wc.configs['flat/recommended'], files: widgets },
  { ...litA11y.configs.recommended, files: widgets },
);
