import {Buffer} from 'node:buffer';
import {readFileSync} from 'node:fs';
import process from 'node:process';
import {spawn, type IPty} from '@lydell/node-pty';
import {installedBin, terminalEnv} from './lib/first-screen.js';
import {startWorld} from './lib/import-world.js';

/**
The live screen over SSH, against `watch` (issue 11): the built CLI (`dist/cli.js`) and
`watch -n2 'curl … | jq …'` side by side, each on its own 120×46 pseudo-terminal, polling the same
local server every 2 s in the same run. Bytes each terminal received per poll and CPU (of a core:
the CLI's process; watch with its curl and jq children) over windows of the run, and the CLI's peak
RSS (VmHWM). jq sorts the records by id: the server lists them in a new order each call, as Milvus
does, and unsorted lines would move on every refresh. A third PTY runs the same watch with jq unsorted
(cheaper, and unreadable): its CPU is printed as the lower bound of what `watch` costs. Linux only (/proc); needs watch, curl and jq.
Prints numbers; asserts nothing.
`node bench/.out/watch.mjs [a|b]`: (a) 13 jobs, 3 moving (6 minutes); (b) 10,000 jobs, 1 % changing state per poll (130 s).
*/

type Counter = {bytes: number};

const sleep = async (ms: number) => new Promise(resolve => {
	setTimeout(resolve, ms);
});

/** User + system CPU seconds of the process, with its waited-for children (/proc/<pid>/stat, 1/100 s ticks). */
const cpuSeconds = (pid: number, children: boolean): number => {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
	const own = Number(fields[11]) + Number(fields[12]);
	return (own + (children ? Number(fields[13]) + Number(fields[14]) : 0)) / 100;
};

const peakMb = (pid: number): number => Number(/VmHWM:\s+(\d+) kB/v.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? Number.NaN) / 1024;

const onPty = (file: string, args: readonly string[]): {pty: IPty; counter: Counter} => {
	const pty = spawn(file, [...args], {cols: 120, rows: 46, env: terminalEnv()});
	const counter = {bytes: 0};
	pty.onData(data => {
		counter.bytes += Buffer.byteLength(data);
	});
	return {pty, counter};
};

const scenarios = {
	a: {
		// The last window is minute 6: with a poll every 2 s, V8 is still optimizing functions as they become hot
		// for the first few minutes (the warm-up the first two windows see); by then it has settled. `cycle` keeps
		// three jobs moving until then (a job that reaches 99 % completes and a new one starts).
		name: '13 jobs, 3 moving', count: 13, changing: 0, moving: 3, cycle: true, windows: [[4, 34], [64, 94], [300, 360]],
	},
	b: {
		name: '10,000 jobs, 100 changing state per poll', count: 10_000, changing: 100, moving: 100, cycle: false, windows: [[10, 70], [70, 130]],
	},
} as const;

const run = async (key: keyof typeof scenarios) => {
	const scenario = scenarios[key];
	const world = await startWorld(scenario.count, scenario.changing, scenario.moving, {cycle: scenario.cycle});
	const list = `${world.url}/v2/vectordb/jobs/import/list`;
	const watchCommand = `curl -s -X POST ${list} -H 'Content-Type: application/json' -d '{}' | jq -r '.data.records | sort_by(.jobId)[] | [.jobId, .collectionName, .state, .progress, .reason] | @tsv'`;
	const app = onPty(installedBin(), ['--uri', world.url]);
	const watch = onPty('watch', ['-n2', watchCommand]);
	// The cheaper jq a person would not keep (its lines move at every refresh): CPU only, for the bound.
	const unsorted = onPty('watch', ['-n2', watchCommand.replace('.data.records | sort_by(.jobId)[]', '.data.records[]').replace('curl -s', 'curl -s -A other/1')]);
	const end = scenario.windows.at(-1)![1];
	const marks = new Map<number, {app: number; watch: number; appCpu: number; watchCpu: number; unsortedCpu: number; appPolls: number; curlPolls: number}>();
	for (let second = 1; second <= end; second++) {
		// eslint-disable-next-line no-await-in-loop
		await sleep(1000);
		if (scenario.windows.some(([from, to]) => second === from || second === to)) {
			marks.set(second, {
				app: app.counter.bytes, watch: watch.counter.bytes, appCpu: cpuSeconds(app.pty.pid, false), watchCpu: cpuSeconds(watch.pty.pid, true), unsortedCpu: cpuSeconds(unsorted.pty.pid, true), appPolls: world.polls.app, curlPolls: world.polls.curl,
			});
		}
	}

	const peak = peakMb(app.pty.pid);
	app.pty.write('q');
	watch.pty.kill();
	unsorted.pty.kill();
	await sleep(300);
	app.pty.kill();
	world.close();
	for (const [from, to] of scenario.windows) {
		const start = marks.get(from)!;
		const stop = marks.get(to)!;
		const seconds = to - from;
		const appPolls = Math.max(1, stop.appPolls - start.appPolls);
		const curlPolls = Math.max(1, stop.curlPolls - start.curlPolls);
		const appBytes = (stop.app - start.app) / appPolls;
		const watchBytes = (stop.watch - start.watch) / curlPolls;
		const appCpu = (stop.appCpu - start.appCpu) / seconds * 100;
		const watchCpu = (stop.watchCpu - start.watchCpu) / seconds * 100;
		const unsortedCpu = (stop.unsortedCpu - start.unsortedCpu) / seconds * 100;
		console.log(`| ${scenario.name}, seconds ${from}–${to} | ${appBytes.toFixed(0)} B per poll (${appPolls} polls), ${appCpu.toFixed(2)} % CPU | ${watchBytes.toFixed(0)} B per poll (${curlPolls} polls), ${watchCpu.toFixed(1)} % CPU | ${unsortedCpu.toFixed(1)} % CPU | ${(appBytes / Math.max(1, watchBytes)).toFixed(1)}× | ${peak.toFixed(0)} MB |`);
	}
};

const wanted = process.argv.slice(2).filter((name): name is keyof typeof scenarios => name in scenarios);
console.log(`the built CLI and watch -n2 'curl | jq' on 120×46 PTYs, the same server, 2 s interval; Node ${process.version}\n`);
console.log('| workload | this app | watch + curl + jq (sorted by id) | same, jq unsorted | app ÷ watch (bytes) | app peak RSS |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const key of wanted.length > 0 ? wanted : (['a', 'b'] as const)) {
	// eslint-disable-next-line no-await-in-loop
	await run(key);
}
