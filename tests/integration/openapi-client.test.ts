// The OpenAPI document as a client developer meets it: valid OpenAPI 3.1, clean under Redocly's
// recommended rules, and good enough for a generator (openapi-typescript) to type a program that
// books a resource: a named operation, string date-times, a typed booking back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Validator } from '@seriousme/openapi-schema-validator';
import { buildOpenApiDocument } from '$lib/server/app/openapi';

const run = promisify(execFile);
const bin = (name: string) => resolve('node_modules/.bin', name);
// Not localhost: Redocly's recommended rules (rightly) warn about a server that points there.
const doc = buildOpenApiDocument('https://portal.medcluster.kr/api/v1');
let dir: string;

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'mc-openapi-'));
	await writeFile(join(dir, 'openapi.json'), JSON.stringify(doc, null, 1));
});
afterAll(async () => {
	await rm(dir, { recursive: true, force: true });
});

type Schema = Record<string, unknown>;
/** Every schema object below `value`, with its JSON pointer-ish path. */
function* schemasIn(value: unknown, path = ''): Generator<[string, Schema]> {
	if (!value || typeof value !== 'object') return;
	for (const [key, child] of Object.entries(value)) {
		const here = `${path}/${key}`;
		if (
			child &&
			typeof child === 'object' &&
			!Array.isArray(child) &&
			(key === 'schema' || /\/(properties|items|anyOf|oneOf|allOf|schemas)(\/[^/]+)?$/.test(here))
		)
			yield [here, child as Schema];
		yield* schemasIn(child, here);
	}
}

describe('the OpenAPI document', () => {
	it('is valid OpenAPI 3.1', async () => {
		const result = await new Validator().validate(structuredClone(doc));
		expect(result.errors ?? []).toEqual([]);
		expect(result.valid).toBe(true);
	});

	it('names every operation once, with a stable camelCase operationId', () => {
		const ids = Object.values(doc.paths).flatMap((item) =>
			Object.values(item).map((op) => (op as { operationId?: string }).operationId)
		);
		expect(ids.length).toBeGreaterThanOrEqual(28);
		for (const id of ids) expect(id).toMatch(/^[a-z][A-Za-z]+$/);
		expect(new Set(ids).size).toBe(ids.length);
		expect((doc.paths['/bookings'].post as { operationId: string }).operationId).toBe('createBooking');
	});

	it('types every schema (no empty `{}`) and every time as a date-time string', () => {
		const untyped: string[] = [];
		const looseTimes: string[] = [];
		for (const [path, schema] of schemasIn(doc)) {
			if (Object.keys(schema).length === 0) untyped.push(path);
			const name = path.split('/').at(-1) ?? '';
			const strings = [schema, ...((schema.anyOf as Schema[] | undefined) ?? [])].filter(
				(s) => s.type === 'string' || (Array.isArray(s.type) && s.type.includes('string'))
			);
			if (
				/(At|^start|^end|^from|^to)$/.test(name) &&
				path.includes('/properties/') &&
				strings.length &&
				!strings.some((s) => s.format === 'date-time')
			)
				looseTimes.push(path);
		}
		expect(untyped).toEqual([]);
		expect(looseTimes).toEqual([]);
		const newBooking = (
			doc.paths['/bookings'].post as {
				requestBody: { content: { 'application/json': { schema: { properties: Record<string, Schema> } } } };
			}
		).requestBody.content['application/json'].schema;
		expect(newBooking.properties.start).toMatchObject({ type: 'string', format: 'date-time' });
		expect(newBooking.properties.end).toMatchObject({ type: 'string', format: 'date-time' });
	});

	it('passes Redocly’s recommended rules with no warning', async () => {
		const { stdout } = await run(
			bin('redocly'),
			['lint', '--extends=recommended', '--format=json', join(dir, 'openapi.json')],
			{
				env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
				maxBuffer: 16 * 1024 * 1024
			}
		).catch((e: { stdout: string }) => e);
		const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as {
			totals: { errors: number; warnings: number };
			problems: { ruleId: string; message: string }[];
		};
		expect(report.problems.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
		expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
	}, 120_000);

	it('generates a typed client with openapi-typescript that type-checks a program booking a resource', async () => {
		await run(bin('openapi-typescript'), [join(dir, 'openapi.json'), '--output', join(dir, 'api.d.ts')]);
		await writeFile(
			join(dir, 'book.ts'),
			`import type { operations } from './api';

type CreateBooking = operations['createBooking'];
type NewBooking = CreateBooking['requestBody']['content']['application/json'];
type Booking = CreateBooking['responses'][201]['content']['application/json'];

export async function book(baseUrl: string, token: string, resourceId: string): Promise<Booking> {
	const body: NewBooking = { resourceId, start: '2026-12-10T10:00:00+09:00', end: '2026-12-10T12:00:00+09:00', purpose: 'ECG patch validation' };
	const response = await fetch(\`\${baseUrl}/bookings\`, { method: 'POST', headers: { authorization: \`Bearer \${token}\`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
	if (response.status !== 201) throw new Error(\`booking refused: \${response.status}\`);
	const booking = (await response.json()) as Booking;
	const startsAt: string = booking.start;
	const status: 'pending' | 'confirmed' | 'rejected' | 'cancelled' | 'completed' | 'no_show' | 'expired' = booking.status;
	console.log(new Date(startsAt).toISOString(), status);
	return booking;
}

// A time is a string, not anything at all.
// @ts-expect-error start must be an ISO date-time string
export const wrong: NewBooking = { resourceId: 'x', start: 1_765_328_400_000, end: '2026-12-10T12:00:00+09:00' };
`
		);
		const tsc = await run(bin('tsc'), [
			'--noEmit',
			'--strict',
			'--skipLibCheck',
			'--target',
			'es2022',
			'--module',
			'nodenext',
			'--moduleResolution',
			'nodenext',
			'--lib',
			'es2022,dom',
			join(dir, 'book.ts')
		]).catch((e: { stdout: string; code: number }) => e);
		expect('code' in tsc ? tsc.stdout : '').toBe('');
	}, 180_000);
});
