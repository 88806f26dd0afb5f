// Dependency rules of the code base (issue 18), checked by `npm run deps` in CI next to lint, and by
// test/core/boundaries.test.ts (which also shows each rule catching a planted violation). The layers:
//   adapters/<platform>  platform code (Bolt, botbuilder, the terminal); implements src/core/channel.ts
//   src/app              the composition root: wires src/db, the features and the adapters
//   src/db               Prisma implementations of the ports
//   src/<feature>        applications, booking, eligibility, hours, membership, staff: rules and use cases
//   src/core             the conversation engine, its ports and the feature and channel interfaces
//   src/program, src/i18n, src/http, src/config.ts: data and plumbing every layer may read
// The program definition (src/program: its schema, loader and JSON) is data the core reads (countries,
// caps, menus): the core may import it; src/program imports nothing of ours.

/** The features: each plugs into the core through `Feature<P>` and declares the ports it needs (needs.ts). */
const features = '^src/(applications|booking|eligibility|hours|membership|staff)/';
/** Platform SDKs, the database client and its drivers: only adapters/, src/db and src/app reach them. */
const outside = [
  '^node_modules/(@slack|@microsoft|@prisma)/',
  '^node_modules/(botbuilder|botframework-)[^/]*/',
  '^node_modules/(better-sqlite3|pg|prisma)/',
  '^src/db/',
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-not-to-features',
      severity: 'error',
      comment: 'The core knows only its own ports and the Feature interface; features plug into it (src/app wires them).',
      from: { path: '^src/core/' },
      to: { path: features },
    },
    {
      name: 'core-not-to-outer-layers',
      severity: 'error',
      comment: 'The core never reaches the composition root or an adapter: they depend on it, not the other way round.',
      from: { path: '^src/core/' },
      to: { path: ['^src/app/', '^adapters/'] },
    },
    {
      name: 'core-and-features-not-to-platform-or-database',
      severity: 'error',
      comment: 'The core and the features talk to ports: no platform SDK, no Prisma (nor its generated clients), no src/db.',
      from: { path: ['^src/core/', features, '^src/program/', '^src/i18n/'] },
      to: { path: outside },
    },
    {
      name: 'features-not-to-outer-layers',
      severity: 'error',
      comment: 'A feature never reaches the composition root or an adapter.',
      from: { path: features },
      to: { path: ['^src/app/', '^adapters/'] },
    },
    {
      name: 'adapters-not-to-app',
      severity: 'error',
      comment: 'Adapters implement src/core/channel.ts and receive what they need; src/app imports them, never the reverse.',
      from: { path: '^adapters/' },
      to: { path: ['^src/app/', '^src/db/'] },
    },
    {
      name: 'adapters-not-to-each-other',
      severity: 'error',
      comment: 'One folder per platform: moving a platform to another SDK touches one folder.',
      from: { path: '^adapters/([^/]+)/' },
      to: { path: '^adapters/', pathNot: '^adapters/$1/' },
    },
    {
      name: 'program-is-data',
      severity: 'error',
      comment: 'The program definition is data every layer reads; it depends on nothing of ours.',
      from: { path: '^src/program/' },
      to: { path: ['^src/', '^adapters/'], pathNot: '^src/program/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No module depends on itself through others: layers stay a one-way stack.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // The generated Prisma clients are build output: their imports are Prisma's business.
    exclude: { path: ['^src/db/generated/', '^dist/', '^coverage/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    // Type-only imports count: a type from the Prisma client in the core is a dependency on it all the same.
    moduleSystems: ['es6', 'cjs'],
  },
};
