import {parseFlavor} from '../demo/flavor.js';
import type {
	DemoServerRequest, Environment, ParseResult, RunRequest,
} from './types.js';
import type {ConfigFile} from './config-file.js';
import type {ProcessEnvironment} from './resolve-contexts.js';
import {buildParser, programName} from './options.js';
import {resolveRun} from './resolve.js';
import {text, type RawFlags} from './flags.js';

export type ParseOptions = {
	readonly version?: string;
	/** Help text width. */
	readonly columns?: number;
	readonly platform?: string;
	/** Rejects an unknown demo flavor; returns its canonical name. Default: the demo server's parseFlavor. */
	readonly checkFlavor?: (name: string) => string | undefined;
	/** The config file, read by the caller (see `configFileWanted`); undefined: none. */
	readonly configFile?: ConfigFile | undefined;
	/** Every environment variable, for a context's tokenEnv / passwordEnv. */
	readonly processEnv?: ProcessEnvironment;
};

export const usageHint = `Try '${programName} --help'.`;

export type ParsedArguments = Exclude<ParseResult, RunRequest | DemoServerRequest | {readonly kind: 'history'} | {readonly kind: 'job-action'}> | {readonly kind: 'flags'; readonly flags: RawFlags};

/** Pure: argv (without node and script) and an environment in, a decision out. Reads no files, no TTY, no clock. */
export const parseConfig = (argv: readonly string[], env: Environment, options: ParseOptions = {}): ParseResult => {
	const parsed = parseArguments(argv, options);
	return parsed.kind === 'flags' ? resolveArguments(parsed.flags, env, options) : parsed;
};

/** The config file this command line wants read: the path (undefined: the default one), or false when it needs none (--demo, a subcommand). */
export const configFileWanted = (flags: RawFlags): {readonly path: string | undefined} | false =>
	flags._[0] !== undefined || flags['demo'] === true ? false : {path: text(flags, 'config')};

/** The flags, checked and resolved into a run, with the config file the caller read (if any). */
export const resolveArguments = (flags: RawFlags, env: Environment, options: ParseOptions = {}): ParseResult => resolveRun(flags, env, {
	platform: options.platform ?? 'linux', checkFlavor: options.checkFlavor ?? parseFlavor, configFile: options.configFile, processEnv: options.processEnv,
});

/** Step one of parseConfig: yargs, help and version. */
export const parseArguments = (argv: readonly string[], options: ParseOptions = {}): ParsedArguments => {
	const parser = buildParser(options.version ?? '0.0.0', Math.min(Math.max(options.columns ?? 100, 60), 120));
	let flags: RawFlags | undefined;
	let output = '';
	try {
		void parser.parse([...argv], {}, (error: Error | undefined, parsed: RawFlags, text: string) => {
			if (error) {
				throw error;
			}

			flags = parsed;
			output = text;
		});
	} catch (error: unknown) {
		const message = error instanceof Error ? error.message : String(error);
		return {kind: 'usage-error', message: redactUnknown(firstLine(message), argv)};
	}

	if (flags === undefined) {
		return {kind: 'usage-error', message: 'could not read the command line'};
	}

	if (flags['help'] === true) {
		return {kind: 'help', text: output};
	}

	if (flags['version'] === true) {
		return {kind: 'version', text: output};
	}

	return {kind: 'flags', flags};
};

const firstLine = (message: string): string => message.split('\n').find(line => line.trim() !== '')?.trim() ?? 'bad arguments';

/**
yargs lists stray words in "Unknown arguments: tokne, s3cr3t": the value after a mistyped `--tokne`
may be a secret, so only words the user wrote as flags are echoed.
*/
const redactUnknown = (message: string, argv: readonly string[]): string => {
	const match = /^(Unknown arguments?): (.*)$/v.exec(message);
	if (!match) {
		return message;
	}

	const words = match[2]!.split(', ');
	const flags = words.filter(word => argv.some(arg => arg === `--${word}` || arg === `--no-${word}` || arg.startsWith(`--${word}=`) || arg === `-${word}`));
	const others = words.length - flags.length;
	const parts = [
		...(flags.length > 0 ? [`unknown option${flags.length > 1 ? 's' : ''} ${flags.map(word => (word.length === 1 ? `-${word}` : `--${word}`)).join(', ')}`] : []),
		...(others > 0 ? [`${others} unexpected word${others > 1 ? 's' : ''} (not shown, it may be a secret)`] : []),
	];
	return parts.join('; ');
};

export {normalizeUri} from './uri.js';
export type {
	Config, Connection, ContextRun, DemoServerRequest, Environment, EnvironmentName, ParseResult, PendingCredential, RunMode, RunRequest,
} from './types.js';
