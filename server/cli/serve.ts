import type SQLite from 'better-sqlite3';
import { z } from 'zod';
import { buildApp } from '../app.js';
import { migrateToLatest, openDatabase } from '../db/database.js';
import type { Config } from '../config.js';
import { configFrom, parseFlags, type Command } from './command.js';

/** How long requests in flight may take to finish after SIGTERM before their connections are cut. */
const SHUTDOWN_GRACE_MS = 10_000;

export const serve: Command = {
  summary: 'migrate, then serve the API, the child survey and the portal',
  usage: `Usage: hearme serve

Creates and migrates the database at DATABASE_PATH (default
./data/hearme.sqlite), then listens on HOST:PORT (default 127.0.0.1:3000).
Set HOST=0.0.0.0 to reach tablets on the local network. On SIGTERM or
SIGINT it finishes the requests in flight, then closes the database.`,
  async run(argv, io) {
    parseFlags(argv, {}, z.object({ positionals: z.array(z.string()) }));
    await runServer(configFrom(io));
  },
};

/**
 * Serves until SIGTERM or SIGINT, then finishes the requests in flight and
 * closes the database. `onListening` gets the address once it is listening,
 * and the server's connection to read what to print.
 */
export async function runServer(config: Config, onListening?: (url: string, sqlite: SQLite.Database) => void): Promise<void> {
  const open = openDatabase(config.databasePath);
  const { db, sqlite } = open;
  await migrateToLatest(db);
  const app = await buildApp(config, open);
  let closing: Promise<void> | undefined;
  const shutdown = (signal: string) => {
    closing ??= (async () => {
      app.log.info({ signal }, 'shutting down: finishing requests in flight');
      // Fastify answers new requests with 503 while it waits for those in flight.
      const closed = app.close();
      // A kept-alive connection that goes idle after its last answer would hold close() open.
      const sweep = setInterval(() => app.server.closeIdleConnections(), 100);
      const deadline = setTimeout(() => app.server.closeAllConnections(), SHUTDOWN_GRACE_MS);
      await closed;
      clearInterval(sweep);
      clearTimeout(deadline);
      await db.destroy();
      app.log.info('database closed');
    })();
    return closing;
  };
  const stopped = new Promise<void>((resolve, reject) => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const)
      process.once(signal, () => shutdown(signal).then(resolve, reject));
  });
  try {
    // Not `onListening?.(await app.listen(…))`: optional chaining would skip the
    // argument, and so never listen, when no callback is given.
    const address = await app.listen({ port: config.port, host: config.host });
    onListening?.(address, sqlite);
  } catch (error) {
    await shutdown('listen failed');
    throw error;
  }
  await stopped;
}
