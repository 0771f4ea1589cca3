import {readFileSync} from 'node:fs';
import process from 'node:process';
import {spawn} from '@lydell/node-pty';
import {installedBin, terminalEnv} from './lib/first-screen.js';
import {startWorld} from './lib/import-world.js';

/**
Memory over a long run (issue 11: peak RSS ≤ 120 MB with 10,000 jobs whose reasons are long parquet
paths, flat after the first minute): the built CLI on a 120×46 PTY against bench/lib/import-world.ts
(10,000 jobs, every reason 150–250 characters, 100 changing state and 100 moving per 2 s poll). VmRSS
every second, its median and highest per minute, and VmHWM at the end. Linux only (/proc). Prints
numbers; asserts nothing. `node bench/.out/rss-long.mjs [minutes]` (default 10).
*/

const minutes = Number(process.argv[2] ?? 10);
const status = (pid: number, field: 'VmRSS' | 'VmHWM'): number =>
	Number(new RegExp(`${field}:\\s+(\\d+) kB`, 'v').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? Number.NaN) / 1024;
const median = (values: readonly number[]): number => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)]!;
const sleep = async (ms: number) => new Promise(resolve => {
	setTimeout(resolve, ms);
});

const world = await startWorld(10_000, 100, 100);
const child = spawn(installedBin(), ['--uri', world.url], {cols: 120, rows: 46, env: terminalEnv()});
child.onData(() => undefined);
console.log(`the built CLI, 10,000 jobs with 150–250-character reasons, 1 % changing state per 2 s poll, 120×46 PTY; Node ${process.version}\n`);
console.log('| minute | VmRSS median | VmRSS highest |');
console.log('| ---: | ---: | ---: |');
for (let minute = 1; minute <= minutes; minute++) {
	const samples: number[] = [];
	for (let second = 0; second < 60; second++) {
		// eslint-disable-next-line no-await-in-loop
		await sleep(1000);
		samples.push(status(child.pid, 'VmRSS'));
	}

	console.log(`| ${minute} | ${median(samples).toFixed(0)} MB | ${Math.max(...samples).toFixed(0)} MB |`);
}

console.log(`\nVmHWM (the most it ever held): ${status(child.pid, 'VmHWM').toFixed(0)} MB; polls answered: ${world.polls.app}`);
child.write('q');
await sleep(500);
child.kill();
world.close();
