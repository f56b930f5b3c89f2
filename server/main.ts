#!/usr/bin/env node
// The `hearme` command: finds the command named by argv and runs it.
// Exit codes: 0 success, 1 failure while running, 2 bad usage or input.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { actionAdd, actionList, actionUpdate } from './cli/action.js';
import { authorityAdd } from './cli/authority-add.js';
import { authorityEdit } from './cli/authority-edit.js';
import { backup } from './cli/backup.js';
import { FlagError, UsageError, type Command, type Io } from './cli/command.js';
import { ConfigSchema, loadConfig } from './config.js';
import { useDatabaseFile } from './questionnaire-loader.js';
import { demo } from './cli/demo.js';
import { exportCommand } from './cli/export.js';
import { importCommand } from './cli/import.js';
import { migrate } from './cli/migrate.js';
import { questionnaireAdd, questionnaireList, questionnaireShow } from './cli/questionnaire.js';
import { referenceImport } from './cli/reference-import.js';
import { reportCommand } from './cli/report.js';
import { resultsCommand } from './cli/results.js';
import { serve } from './cli/serve.js';
import { userAdd } from './cli/user-add.js';
import { userPassword } from './cli/user-password.js';
import { userUnlock } from './cli/user-unlock.js';
import { waveCreate } from './cli/wave-create.js';
import { wavePopulation } from './cli/wave-population.js';

export const COMMANDS: Record<string, Command> = {
  serve,
  migrate,
  'authority add': authorityAdd,
  'authority edit': authorityEdit,
  'questionnaire add': questionnaireAdd,
  'questionnaire list': questionnaireList,
  'questionnaire show': questionnaireShow,
  'wave create': waveCreate,
  'wave population': wavePopulation,
  import: importCommand,
  export: exportCommand,
  report: reportCommand,
  'reference import': referenceImport,
  'user add': userAdd,
  'user password': userPassword,
  'user unlock': userUnlock,
  'action add': actionAdd,
  'action update': actionUpdate,
  'action list': actionList,
  results: resultsCommand,
  demo,
  backup,
};

function overview(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  return [
    'Usage: hearme COMMAND [options]   (hearme COMMAND --help for details)',
    '',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    `Environment (see the README): ${Object.keys(ConfigSchema.shape).join(', ')}; DATABASE_PATH defaults to ./data/hearme.sqlite`,
    '',
  ].join('\n');
}

/** The usage lines at the top of a command's help, up to its first blank line. */
function synopsis(command: Command): string {
  return command.usage.split('\n\n')[0]!;
}

/** Runs one command line and returns its exit code; never calls process.exit. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [first, second] = argv;
  const asksHelp = (arg: string | undefined) => arg === '--help' || arg === '-h' || arg === 'help';
  if (!first) {
    io.stderr(`hearme: no command given\n${overview()}`);
    return 2;
  }
  if (asksHelp(first)) {
    io.stdout(overview());
    return 0;
  }
  const name = second && COMMANDS[`${first} ${second}`] ? `${first} ${second}` : first;
  const command = COMMANDS[name];
  if (!command) {
    const group = Object.keys(COMMANDS).filter((k) => k.startsWith(`${first} `));
    if (group.length && asksHelp(second)) {
      io.stdout(group.map((g) => `  hearme ${g.padEnd(18)} ${COMMANDS[g]!.summary}`).join('\n') + '\n');
      return 0;
    }
    io.stderr(
      group.length
        ? `hearme ${first}: expected one of ${group.map((g) => g.split(' ')[1]).join(', ')}\n`
        : `hearme: unknown command ${first}; try hearme --help\n`,
    );
    return 2;
  }
  const rest = argv.slice(name.split(' ').length);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.usage + '\n');
    return 0;
  }
  try {
    // --programme may name a stored questionnaire: the registry reads them from the command's database.
    useDatabaseFile(loadConfig(io.env).databasePath);
  } catch {
    // A bad environment is reported by the command itself, as usage (exit 2).
  }
  try {
    await command.run(rest, io);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`hearme ${name}: ${error.message}\n`);
      if (error instanceof FlagError) io.stderr(`${synopsis(command)}\n(hearme ${name} --help for details)\n`);
      return 2;
    }
    io.stderr(`hearme ${name}: failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

/**
 * True when node was started on this file, however it was reached: npx,
 * npm link and npm install -g start it through a symlink in a bin folder,
 * so argv[1] (the link) and import.meta.url (the file) differ until both
 * are resolved. Imported (by the tests), it runs nothing.
 */
function startedAsProgram(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false; // argv[1] is not a file (node -e, a REPL): not us
  }
}

if (startedAsProgram()) {
  const code = await main(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    env: process.env,
  });
  process.exitCode = code;
}
