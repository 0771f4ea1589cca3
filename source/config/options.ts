import yargs, {type Argv} from 'yargs';

/** The yargs definition: flags, groups, examples and the help text. Parsing values happens in config.ts. */
export const programName = 'milvus-import-top';

const contexts = 'Contexts (several clusters, see the README):';
const connection = 'Connection:';
const view = 'View:';
const scripts = 'Scripts (plain, JSON and wait modes):';
const secure = 'TLS and proxy (see README "Secure clusters"):';
const cloud = 'Zilliz Cloud:';
const demo = 'Demo:';
const journal = 'Journal and notifications:';

const epilogue = `Environment:
  MILVUS_URI, MILVUS_TOKEN, MILVUS_USER, MILVUS_PASSWORD, MILVUS_DB_NAME, ZILLIZ_CLUSTER_ID, ZILLIZ_PROJECT_ID, ZILLIZ_REGION_ID,
  MILVUS_IMPORT_TOP_READ_ONLY=1 (--read-only by default; --no-read-only overrides)
  HTTPS_PROXY, HTTP_PROXY, ALL_PROXY, NO_PROXY (as curl reads them)
  Flags win over the environment. NO_COLOR or TERM=dumb turn colour off;
  a non-UTF-8 LANG/LC_ALL/LC_CTYPE turns on --ascii.

Security: a --token or --password given on the command line is visible
to other users of this machine (ps, /proc). Prefer MILVUS_TOKEN or
--token-file, or let the password be asked for.

Exit codes: 0 ok (--wait: all completed; commit/abort: all accepted),
1 a watched job failed (commit/abort: Milvus refused one), 2 usage error
(or an unknown --collection/--db), 3 server unreachable or credentials
refused (after --retries; commit/abort: also no such route, Milvus < 3.0),
74 stdout not writable, 130 interrupted (also q during --wait),
141 stdout closed, 143 SIGTERM.`;

/** What every command that talks to Milvus takes. */
const connectionOptions = (y: Argv): Argv => y
	.option('uri', {group: connection, type: 'string', describe: 'Milvus address; host:port works [env MILVUS_URI] [default: http://localhost:19530]'})
	.option('token', {group: connection, type: 'string', describe: 'user:password or API key [env MILVUS_TOKEN] (visible in ps: see Security)'})
	.option('token-file', {group: connection, type: 'string', describe: 'read the token from this file'})
	.option('user', {group: connection, type: 'string', describe: 'user name [env MILVUS_USER]'})
	.option('password', {group: connection, type: 'string', describe: 'password [env MILVUS_PASSWORD]; asked for when missing on a terminal'})
	.option('db', {group: connection, type: 'string', describe: 'database [env MILVUS_DB_NAME]'})
	.option('timeout', {group: connection, type: 'string', describe: 'seconds per request [default: 10]'})
	.option('read-only', {group: connection, type: 'boolean', describe: 'never send a request that changes anything (no commit/abort) [env MILVUS_IMPORT_TOP_READ_ONLY]'})
	.option('ca-cert', {group: secure, type: 'string', describe: 'trust the CA(s) in this PEM file too (a private CA; may hold a chain)'})
	.option('client-cert', {group: secure, type: 'string', describe: 'mutual TLS: client certificate (PEM); needs --client-key'})
	.option('client-key', {group: secure, type: 'string', describe: 'mutual TLS: its private key (PEM); asks for the passphrase of an encrypted one'})
	.option('tls-server-name', {group: secure, type: 'string', describe: 'check the certificate against this name (when --uri is an IP or a tunnel)'})
	.option('insecure', {group: secure, type: 'boolean', describe: 'do not verify the server\'s certificate (a warning on every start)'})
	.option('proxy', {group: secure, type: 'string', describe: 'HTTP(S) proxy URL [env HTTPS_PROXY, HTTP_PROXY; NO_PROXY lists direct hosts]'});

// The flags live in the default command's builder so `demo-server --uri x` is an unknown argument.
const mainOptions = (y: Argv): Argv => connectionOptions(y)
	.option('config', {group: contexts, type: 'string', describe: 'the file of named contexts [default: $XDG_CONFIG_HOME/milvus-import-top/config.yaml]'})
	.option('context', {
		group: contexts, type: 'string', array: true, describe: 'watch these contexts of the file (repeatable or comma-separated; all: every one)',
	})
	.option('retries', {group: connection, type: 'string', describe: 'failed polls in a row before giving up in --wait and script modes [default: 3]'})
	.option('collection', {
		group: view, type: 'string', array: true, describe: 'only this collection (repeatable; none means all)',
	})
	.option('interval', {group: view, type: 'string', describe: 'seconds between polls, at least 0.5 [default: 2]'})
	.option('state', {
		group: view, type: 'string', array: true, describe: 'only jobs in these states (repeatable or comma-separated)',
	})
	.option('filter', {group: view, type: 'string', describe: 'text filter over id, collection, state, reason; !text inverts'})
	.option('sort', {group: view, type: 'string', describe: 'state, progress, jobId, collection, rate or age, ascending; --sort=-progress or progress:desc for descending'})
	.option('color', {
		group: view, type: 'boolean', describe: 'colours (--no-color turns them off)', default: true,
	})
	.option('ascii', {group: view, type: 'boolean', describe: 'ASCII glyphs and borders only'})
	.option('bell', {group: view, type: 'boolean', describe: 'ring the terminal bell when a job fails'})
	.option('once', {group: scripts, type: 'boolean', describe: 'print one plain table and exit (the default when stdout is not a terminal)'})
	.option('json', {group: scripts, type: 'boolean', describe: 'print one JSON document of the jobs'})
	.option('watch', {group: scripts, type: 'boolean', describe: 'with --json: one JSON line per poll'})
	.option('wait', {group: scripts, type: 'boolean', describe: 'poll until the watched jobs finish; exit 0 completed, 1 failed'})
	.option('job', {
		group: scripts, type: 'string', array: true, describe: 'with --wait: these job ids (repeatable)',
	})
	.option('cloud', {group: cloud, type: 'boolean', describe: 'use the Zilliz Cloud control plane (the token is an API key)'})
	.option('cluster-id', {group: cloud, type: 'string', describe: 'Zilliz Cloud cluster id [env ZILLIZ_CLUSTER_ID]'})
	.option('project-id', {group: cloud, type: 'string', describe: 'a project database (serverless): its project id, with --region-id [env ZILLIZ_PROJECT_ID]'})
	.option('region-id', {group: cloud, type: 'string', describe: 'the region of --project-id, e.g. aws-us-west-2 [env ZILLIZ_REGION_ID]'})
	.option('cloud-endpoint', {group: cloud, type: 'string', describe: 'control-plane URL [default: https://api.cloud.zilliz.com]'})
	.option('journal', {
		group: journal, type: 'boolean', default: true, describe: 'record every job transition in the journal (--no-journal: do not); read it with `history`',
	})
	.option('notify', {group: journal, type: 'boolean', describe: 'desktop notification (OSC 9 / 777) when a job fails and when all watched jobs have finished'})
	.option('on-event', {group: journal, type: 'string', describe: 'run this command for each job event (details in IMPORT_JOB_* variables)'})
	.option('demo', {group: demo, type: 'boolean', describe: 'start the embedded demo server and watch it'})
	.option('flavor', {group: demo, type: 'string', describe: 'with --demo: which Milvus version the demo imitates'});

// Strings, always: an 18-digit job id read as a number would lose its last digits.
const jobIdsOption = (y: Argv): Argv => y.positional('jobIds', {type: 'string', array: true, describe: 'job ids, as the list shows them'});

export const buildParser = (version: string, width: number): Argv =>
	yargs([])
		.scriptName(programName)
		.locale('en')
		.detectLocale(false)
		.exitProcess(false)
		.strict()
		.wrap(width)
		.parserConfiguration({'camel-case-expansion': false})
		.usage('$0 [options]\n\nWatch Milvus bulk-import jobs live: progress, states and failure reasons.')
		.command('$0', 'watch import jobs (the live screen on a terminal, a plain table otherwise)', mainOptions)
		.command('commit <jobIds..>', 'commit Uncommitted import jobs (Milvus 3.0+; jobs created with auto_commit=false)', y => jobIdsOption(connectionOptions(y))
			.example('$0 commit 454891732197474512 --uri milvus:19530', 'make the job\'s rows visible'))
		.command('abort <jobIds..>', 'abort import jobs (Milvus 3.0+; only jobs created with auto_commit=false, before Committing)', y => jobIdsOption(connectionOptions(y)))
		.command('demo-server', 'run only the embedded demo server, for other tools to talk to', y => y
			.option('port', {type: 'string', describe: 'port to listen on (0 picks a free one)', default: '19530'})
			.option('auth', {type: 'string', describe: 'require "Authorization: Bearer user:password"'})
			.option('flavor', {type: 'string', describe: 'which Milvus version to imitate'})
			.option('retention', {type: 'string', describe: 'seconds a finished job stays listed (Milvus: 10800) [default: 180]'})
			.option('log-requests', {type: 'boolean', describe: 'print one line per request: method, path, HTTP status'})
			.option('tls-cert', {type: 'string', describe: 'serve HTTPS with this certificate (PEM; needs --tls-key)'})
			.option('tls-key', {type: 'string', describe: 'the certificate\'s private key (PEM, not encrypted)'})
			.option('client-ca', {type: 'string', describe: 'mutual TLS: require client certificates signed by this CA (PEM)'})
			.example('$0 demo-server --port 19531 --auth root:Milvus', 'a fake Milvus with auth on port 19531')
			.example('$0 demo-server --tls-cert server.pem --tls-key server.key --client-ca ca.pem', 'a fake Milvus with mutual TLS'))
		.command('history', 'print the jobs the journal remembers (no server needed)', y => y
			.option('since', {type: 'string', describe: 'only jobs with an event in this past period: 30m, 24h, 7d, or an ISO date'})
			.option('state', {
				type: 'string', array: true, describe: 'only jobs last seen in these states, or expired / lost (repeatable or comma-separated)',
			})
			.option('collection', {type: 'string', array: true, describe: 'only these collections (repeatable)'})
			.option('context', {type: 'string', array: true, describe: 'only jobs watched through these contexts (repeatable)'})
			.option('json', {type: 'boolean', describe: 'one JSON document instead of the table'})
			.example('$0 history --since 24h --state failed', 'what failed since yesterday, and why'))
		.example('$0', 'watch http://localhost:19530')
		.example('$0 --uri milvus.internal:19530 --token-file ~/.milvus-token', 'another server, token from a file')
		.example('MILVUS_TOKEN=root:Milvus $0 --db sales --collection books', 'one collection of one database')
		.example('$0 --user root', 'asks for the password without echoing it')
		.example('$0 --state failed --filter timeout --sort=-progress', 'start with a narrowed view')
		.example('$0 --interval 5 --timeout 20 --retries 5 --bell --no-color --ascii', 'slow polling on a plain old terminal')
		.example('$0 --once | grep Failed', 'one plain table (also what a pipe gets)')
		.example('$0 --json | jq \'.jobs[].state\'', 'one JSON document; add --watch for a line per poll')
		.example('$0 --wait --job 454891732197474512 && echo done', 'block a script until a job completes')
		.example('$0 --cloud --cluster-id in01-abc --token-file key.txt', 'Zilliz Cloud (--cloud-endpoint for .com.cn)')
		.example('$0 --uri milvus.corp:19530 --ca-cert corp-ca.pem', 'TLS with a private CA (host:port then means https://)')
		.example('$0 --context staging,prod', 'two clusters of the config file in one table')
		.example('$0 --demo --flavor 2.4', 'try it without a server')
		.epilogue(epilogue)
		.version(version)
		.alias('version', 'v')
		.help()
		.alias('help', 'h');
