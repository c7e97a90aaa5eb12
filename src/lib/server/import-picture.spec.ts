// The shape of src/lib/server: no module imports in a circle (the demo seed data aside), and the platform
// folders import neither a domain nor the composition root (app/), which is the one place naming them all.
// Type-only imports are left out: they are gone at run time and do not order module evaluation.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname);
const PLATFORM = new Set([
	'db',
	'http',
	'api',
	'jobs',
	'notify',
	'audit',
	'uploads',
	'realtime',
	'storage',
	'common',
	'i18n',
	'config.ts',
	'errors.ts',
	'logger.ts',
	'markdown.ts',
	'readiness.ts',
	'runtime.ts'
]);

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sourceFiles(path);
		return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
	});
}

const IMPORT =
	/(?:^|\n)\s*(import|export)\s+(type\s+)?[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function resolve(spec: string, from: string, known: Set<string>): string | undefined {
	const base = spec.startsWith('$lib/server/')
		? join(ROOT, spec.slice('$lib/server/'.length))
		: spec.startsWith('.')
			? normalize(join(dirname(from), spec))
			: undefined;
	if (!base) return undefined;
	return [`${base}.ts`, join(base, 'index.ts'), base].find((candidate) => known.has(candidate));
}

function importGraph(): Map<string, string[]> {
	const files = sourceFiles(ROOT);
	const known = new Set(files);
	const graph = new Map<string, string[]>();
	for (const file of files) {
		const targets = new Set<string>();
		for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
			if (match[2]) continue; // import type / export type
			const target = resolve(match[3] ?? match[4], file, known);
			if (target) targets.add(target);
		}
		graph.set(file, [...targets]);
	}
	return graph;
}

/** Tarjan's strongly connected components with more than one file: the import circles. */
function circles(graph: Map<string, string[]>): string[][] {
	let counter = 0;
	const index = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const found: string[][] = [];
	const visit = (node: string) => {
		index.set(node, counter);
		low.set(node, counter++);
		stack.push(node);
		onStack.add(node);
		for (const next of graph.get(node) ?? []) {
			if (!index.has(next)) {
				visit(next);
				low.set(node, Math.min(low.get(node)!, low.get(next)!));
			} else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
		}
		if (low.get(node) === index.get(node)) {
			const component: string[] = [];
			let member: string;
			do {
				member = stack.pop()!;
				onStack.delete(member);
				component.push(relative(ROOT, member));
			} while (member !== node);
			if (component.length > 1) found.push(component.sort());
		}
	};
	for (const node of graph.keys()) if (!index.has(node)) visit(node);
	return found;
}

const area = (file: string) => relative(ROOT, file).split('/')[0];

describe('the import picture of src/lib/server', () => {
	const graph = importGraph();

	it('reads the whole tree', () => {
		expect(graph.size).toBeGreaterThan(300);
		expect(graph.get(join(ROOT, 'app/start.ts'))?.length).toBeGreaterThan(5);
	});

	it('has no import circle outside the demo seed data', () => {
		const outsideSeed = circles(graph).filter((circle) => !circle.every((file) => file.startsWith('seed/')));
		expect(outsideSeed).toEqual([]);
	});

	it('has no platform module importing a domain or the composition root', () => {
		const crossings = [...graph].flatMap(([file, targets]) =>
			PLATFORM.has(area(file))
				? targets
						.filter((target) => !PLATFORM.has(area(target)))
						.map((target) => `${relative(ROOT, file)} → ${relative(ROOT, target)}`)
				: []
		);
		expect(crossings).toEqual([]);
	});

	it('detects a circle planted in the picture (the check itself works)', () => {
		const planted = new Map(graph);
		planted.set(join(ROOT, 'notify/service.ts'), [join(ROOT, 'courses/service.ts')]);
		planted.set(join(ROOT, 'courses/service.ts'), [join(ROOT, 'notify/service.ts')]);
		expect(circles(planted).some((circle) => circle.includes('notify/service.ts'))).toBe(true);
	});
});
