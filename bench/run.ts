// `npm run bench -- <name> [args]`: runs bench/<name>.ts, which prints one JSON document.
import { existsSync, readdirSync } from 'node:fs';

const [name, ...args] = process.argv.slice(2);
const available = readdirSync(new URL('.', import.meta.url))
	.filter((f) => f.endsWith('.ts') && !['run.ts'].includes(f) && !f.startsWith('_'))
	.map((f) => f.replace(/\.ts$/, ''));

if (!name || !available.includes(name) || !existsSync(new URL(`./${name}.ts`, import.meta.url))) {
	console.error(`usage: npm run bench -- <${available.join('|') || 'name'}> [args]`);
	process.exit(2);
}
process.argv = [process.argv[0], process.argv[1], ...args];
await import(`./${name}.ts`);
