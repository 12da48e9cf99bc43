// ESLint: TypeScript and React rules for the client, the cloud functions and the scripts.
module.exports = {
  root: true,
  parser: '@typescript-eslint/parser',
  parserOptions: { ecmaVersion: 2022, sourceType: 'module', ecmaFeatures: { jsx: true } },
  plugins: ['@typescript-eslint', 'react', 'react-hooks'],
  extends: [
    'eslint:recommended',
    'plugin:@typescript-eslint/recommended',
    'plugin:react/recommended',
    'plugin:react/jsx-runtime',
    'plugin:react-hooks/recommended',
  ],
  settings: { react: { version: '18' } },
  env: { node: true, es2022: true, browser: true },
  globals: { wx: 'readonly', CLOUD_ENV: 'readonly', API_BASE: 'readonly', DEMO_MODE: 'readonly' },
  ignorePatterns: ['node_modules/', 'dist/', 'data/', 'cloudfunctions/*/index.js', '*.cjs', '!.eslintrc.cjs'],
  rules: {
    'no-control-regex': 'off',
    '@typescript-eslint/no-unused-vars': [
      'error',
      { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
    ],
    'react/prop-types': 'off',
  },
  overrides: [
    {
      files: ['*.test.ts', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
      rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
    },
  ],
};
