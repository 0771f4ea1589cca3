// Parses the command line and dispatches; each way to run lives beside this file. Loaded by the entry (../cli.tsx), after it has set the V8 flags.
import {
	configFileWanted, parseArguments, resolveArguments, type ParseOptions,
} from '../config/config.js';
import {loadConfigFile} from '../config/config-location.js';
import {programPrefix} from '../modes/context.js';
import {exitCodes} from '../modes/exit-codes.js';
import {exit, usageError} from './exit.js';
import {run} from './run.js';
import {runDemoServerCommand} from './run-demo-server.js';
import {readVersion} from './version.js';

// React's production build: scripts/bundle.js defines process.env.NODE_ENV as 'production' at build time.

const main = async (entryUrl: string): Promise<number | undefined> => {
	const options: ParseOptions = {
		version: readVersion(entryUrl),
		columns: process.stdout.columns,
		platform: process.platform,
	};
	const args = parseArguments(process.argv.slice(2), options);
	if (args.kind !== 'flags') {
		process.stdout.write(args.kind === 'usage-error' ? '' : `${args.text}\n`);
		return args.kind === 'usage-error' ? usageError(args.message) : exitCodes.ok;
	}

	const wanted = configFileWanted(args.flags);
	const loaded = wanted === false ? undefined : await loadConfigFile(wanted.path, process.env);
	if (loaded?.ok === false) {
		// A config error is one line naming the file, the line and the key: exit 2.
		process.stderr.write(`${programPrefix}${loaded.message}\n`);
		return exitCodes.usage;
	}

	for (const warning of loaded?.warnings ?? []) {
		process.stderr.write(`${programPrefix}${warning}\n`);
	}

	const parsed = resolveArguments(args.flags, process.env, {...options, configFile: loaded?.value, processEnv: process.env});
	switch (parsed.kind) {
		case 'help':
		case 'version': {
			process.stdout.write(`${parsed.text}\n`);
			return exitCodes.ok;
		}

		case 'usage-error': {
			// A mistake at a line of the config file is said in that one line.
			return usageError(parsed.message, {hint: loaded?.value === undefined || !parsed.message.startsWith(`${loaded.value.path}:`)});
		}

		case 'demo-server': {
			return runDemoServerCommand(parsed);
		}

		case 'run': {
			return run(parsed);
		}

		case 'history': {
			const {runHistoryCommand} = await import('./history.js');
			return runHistoryCommand(parsed);
		}

		case 'job-action': {
			const {runJobActionCommand} = await import('./job-action.js');
			return runJobActionCommand(parsed, {
				out(text) {
					process.stdout.write(text);
				},
				err(text) {
					process.stderr.write(text);
				},
				usageError,
			});
		}
	}
};

/** Runs the program; `entryUrl` is the entry file's URL (dist/cli.js), package.json being beside its folder. */
export const runCli = async (entryUrl: string): Promise<void> => {
	// On Linux this overwrites the argv area, so `ps` shows only the name once we are running; before this line,
	// and on other systems, argv (with any --token) is readable by other users: the help says so and points to MILVUS_TOKEN.
	process.title = 'milvus-import-top';
	try {
		const code = await main(entryUrl);
		if (code !== undefined) {
			exit(code);
		}
	} catch (error: unknown) {
		// A bug: one line, no stack (objects on it may hold the config, and the config holds the token).
		process.stderr.write(`${programPrefix}unexpected error: ${error instanceof Error ? error.message : 'unknown'}\n`);
		exit(1);
	}
};
