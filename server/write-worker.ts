// The thread that writes responses (see response-writer.ts). It owns its
// own connection to the database file, so the fsync of each commit and
// the SQLite work happen off the thread that answers HTTP requests.
import { parentPort, workerData } from 'node:worker_threads';
import { openSqlite } from './db/connection.js';
import { registry } from '../surveys/index.js';
import { syncStored } from './questionnaire-loader.js';
import { ResponseStore, type NewResponse, type StoreOutcome } from './repos/responses.js';

export type ToWorker = { kind: 'batch'; id: number; responses: string } | { kind: 'close' };
export type FromWorker =
  | { kind: 'ready' }
  | { kind: 'done'; id: number; outcomes: StoreOutcome[] }
  | { kind: 'failed'; id: number; message: string };

const port = parentPort!;
const sqlite = openSqlite((workerData as { databasePath: string }).databasePath);
const store = new ResponseStore(sqlite);
// This thread's registry: a response to a questionnaire added after it started finds it in the database.
registry.setLoader((reg) => syncStored(reg, sqlite));
// IMMEDIATE: take the write lock at BEGIN, waiting on the busy timeout if the command line holds it.
const write = sqlite.transaction((batch: readonly NewResponse[]) => store.storeBatch(batch));
port.postMessage({ kind: 'ready' } satisfies FromWorker);

port.on('message', (message: ToWorker) => {
  if (message.kind === 'close') {
    sqlite.close();
    port.close();
    return;
  }
  let reply: FromWorker;
  try {
    reply = { kind: 'done', id: message.id, outcomes: write.immediate(JSON.parse(message.responses)) };
  } catch (error) {
    reply = { kind: 'failed', id: message.id, message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
