import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types and typed documents for the operations in src/app/**\/*.graphql, checked against the
 * server's schema files: an operation the schema no longer answers fails the build. Each
 * x.graphql gets an x.generated.ts beside it, made anew before every build and test run.
 */
const config: CodegenConfig = {
  schema: '../server/src/main/resources/graphql/*.graphqls',
  documents: 'src/app/**/*.graphql',
  generates: {
    'src/app/': {
      preset: 'near-operation-file',
      presetConfig: { extension: '.generated.ts' },
      plugins: ['typescript-operations', 'typed-document-node'],
      // Typed as Apollo hands results out: every field there, null when it is, and each object with
      // its __typename, which Apollo adds to every selection but the root.
      config: {
        avoidOptionals: { field: true },
        nonOptionalTypename: true,
        skipTypeNameForRoot: true,
      },
    },
  },
};

export default config;
