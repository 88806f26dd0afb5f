// A stand-in PostgreSQL "connection" for the wasm schema engine, so that diffing two PostgreSQL
// datamodels (which the engine does in memory) needs no server. On connecting, the engine asks the
// server for its version and whether the schema exists; this answers that probe (as PostgreSQL 15) and
// refuses every other query, so anything that really needs a database fails with a clear message
// instead of a wrong answer.
import {
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
} from '@prisma/driver-adapter-utils';

const PROBE = 'server_version_num';

function offline(what: string): never {
  throw new Error(
    `${what} needs a PostgreSQL server: the offline engine only diffs datamodels ` +
      `(set SHADOW_DATABASE_URL=postgresql://… to author migrations against a real server)`,
  );
}

const connection: SqlDriverAdapter = {
  provider: 'postgres',
  adapterName: 'offline-postgres',
  async queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    if (!query.sql.includes(PROBE)) offline(`the query ${query.sql.slice(0, 80)}`);
    // SELECT EXISTS(<namespace>), version(), current_setting('server_version_num')::integer
    return {
      columnNames: ['exists', 'version', 'numeric_version'],
      columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
      rows: [[true, 'PostgreSQL 15.0 (offline stand-in)', 150000]],
    };
  },
  executeRaw: (query) => offline(`the statement ${query.sql.slice(0, 80)}`),
  executeScript: () => offline('a script'),
  startTransaction: () => offline('a transaction'),
  getConnectionInfo: () => ({ schemaName: 'public', supportsRelationJoins: true }),
  dispose: async () => {},
};

export const offlinePostgres: SqlMigrationAwareDriverAdapterFactory = {
  provider: 'postgres',
  adapterName: 'offline-postgres',
  connect: async () => connection,
  connectToShadowDb: async () => connection,
};
