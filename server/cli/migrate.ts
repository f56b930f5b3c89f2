import { z } from 'zod';
import { migrateToLatest, openDatabase } from '../db/database.js';
import { configFrom, parseFlags, type Command } from './command.js';

export const migrate: Command = {
  summary: 'bring the database to the latest schema',
  usage: `Usage: hearme migrate

Creates the database file at DATABASE_PATH if needed and applies every
migration not yet applied. Safe to run again.`,
  async run(argv, io) {
    parseFlags(argv, {}, z.object({ positionals: z.array(z.string()) }));
    const config = configFrom(io);
    const { db } = openDatabase(config.databasePath);
    try {
      const applied = await migrateToLatest(db);
      io.stdout(
        applied.length
          ? `applied ${applied.join(', ')} to ${config.databasePath}\n`
          : `${config.databasePath} is already at the latest schema\n`,
      );
    } finally {
      await db.destroy();
    }
  },
};
