// The public-page cache against a real node:http server on 127.0.0.1: what it keeps, for whom, and
// for how long.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createPublicCache, onlyCookie, sharedMaxAge } from './public-cache';

type AppAnswer = { status?: number; headers?: Record<string, string>; chunks?: string[] };

let server: Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

/** A server whose "app" counts its calls and answers what `answer` says, through the cache. */
async function serve(answer: (url: string) => AppAnswer, clock = { now: 0 }, maxEntryBytes?: number) {
	const cache = createPublicCache({ allowedCookie: 'LANG', now: () => clock.now, maxEntryBytes, maxEntries: 3 });
	let renders = 0;
	server = createServer((req, res) =>
		cache.handle(req, res, () => {
			renders++;
			const a = answer(req.url ?? '/');
			for (const [name, value] of Object.entries(a.headers ?? {})) res.setHeader(name, value);
			res.setHeader('x-render', String(renders));
			res.writeHead(a.status ?? 200);
			const chunks = a.chunks ?? [`page ${req.url}`];
			for (const chunk of chunks.slice(0, -1)) res.write(chunk);
			res.end(chunks.at(-1));
		})
	);
	await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
	const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const get = async (path: string, headers: Record<string, string> = {}, method = 'GET') => {
		const response = await fetch(base + path, { headers, method });
		return { status: response.status, headers: response.headers, body: await response.text() };
	};
	return { get, cache, renders: () => renders, clock };
}

const PUBLIC = { 'cache-control': 'public, max-age=0, s-maxage=5', etag: '"v1"', 'content-type': 'text/html' };

describe('sharedMaxAge', () => {
	it('reads s-maxage only from a public answer that allows storing', () => {
		expect(sharedMaxAge('public, max-age=0, s-maxage=5')).toBe(5);
		expect(sharedMaxAge('s-maxage=5')).toBe(0);
		expect(sharedMaxAge('public, max-age=60')).toBe(0);
		expect(sharedMaxAge('public, no-store, s-maxage=5')).toBe(0);
		expect(sharedMaxAge('private, s-maxage=5')).toBe(0);
		expect(sharedMaxAge(undefined)).toBe(0);
	});
});

describe('onlyCookie', () => {
	it('allows no cookie or only the language cookie', () => {
		expect(onlyCookie(undefined, 'LANG')).toBe(true);
		expect(onlyCookie('LANG=ko', 'LANG')).toBe(true);
		expect(onlyCookie('LANG=ko; mc_session=abc', 'LANG')).toBe(false);
		expect(onlyCookie('mc_session=abc', 'LANG')).toBe(false);
	});
});

describe('createPublicCache', () => {
	it('renders a marked page once and answers the next readers with the same body and a fresh request id', async () => {
		const app = await serve(() => ({ headers: PUBLIC, chunks: ['<p>', 'hello', '</p>'] }));
		const first = await app.get('/');
		const second = await app.get('/');
		expect(app.renders()).toBe(1);
		expect(second.body).toBe('<p>hello</p>');
		expect(second.body).toBe(first.body);
		expect(second.headers.get('cache-control')).toBe(PUBLIC['cache-control']);
		expect(second.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
		expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
		expect(first.headers.get('age')).toBeNull();
		expect(second.headers.get('age')).toBe('0');
		const head = await app.get('/', {}, 'HEAD');
		expect(head.status).toBe(200);
		expect(app.renders()).toBe(1);
	});

	it('renders again once s-maxage has passed', async () => {
		const app = await serve(() => ({ headers: PUBLIC }));
		await app.get('/');
		app.clock.now = 4_999;
		expect((await app.get('/')).headers.get('age')).toBe('4');
		expect(app.renders()).toBe(1);
		app.clock.now = 5_000;
		await app.get('/');
		expect(app.renders()).toBe(2);
	});

	it('never answers a request with a session cookie or an Authorization header from the cache', async () => {
		const app = await serve(() => ({ headers: PUBLIC }));
		await app.get('/');
		await app.get('/', { cookie: 'LANG=ko; mc_session=x' });
		await app.get('/', { authorization: 'Bearer x' });
		expect(app.renders()).toBe(3);
	});

	it('keeps one entry per address, language header and language cookie', async () => {
		const app = await serve((url) => ({ headers: PUBLIC, chunks: [url] }));
		await app.get('/a', { 'accept-language': 'ko' });
		await app.get('/a', { 'accept-language': 'en' });
		await app.get('/a', { 'accept-language': 'ko', cookie: 'LANG=en' });
		expect(app.renders()).toBe(3);
		expect((await app.get('/a', { 'accept-language': 'en' })).body).toBe('/a');
		expect(app.renders()).toBe(3);
		await app.get('/a?q=1', { 'accept-language': 'ko' });
		expect(app.renders()).toBe(4);
	});

	it('does not keep what is not marked public with s-maxage, an error, or a body over the limit', async () => {
		const plain = await serve(() => ({ headers: { 'cache-control': 'private, no-store' } }));
		await plain.get('/');
		await plain.get('/');
		expect(plain.renders()).toBe(2);
		await new Promise<void>((done) => server!.close(() => done()));
		const failing = await serve(() => ({ status: 404, headers: PUBLIC }));
		await failing.get('/');
		await failing.get('/');
		expect(failing.renders()).toBe(2);
		await new Promise<void>((done) => server!.close(() => done()));
		const big = await serve(() => ({ headers: PUBLIC, chunks: ['x'.repeat(600), 'y'.repeat(600)] }), undefined, 1000);
		await big.get('/');
		expect((await big.get('/')).body).toHaveLength(1200);
		expect(big.renders()).toBe(2);
	});

	it('answers 304 to a reader who already has the stored version', async () => {
		const app = await serve(() => ({ headers: PUBLIC }));
		await app.get('/');
		const again = await app.get('/', { 'if-none-match': '"v1"' });
		expect(again.status).toBe(304);
		expect(again.body).toBe('');
		expect(app.renders()).toBe(1);
	});

	it('drops the least recently used entry beyond its bound', async () => {
		const app = await serve((url) => ({ headers: PUBLIC, chunks: [url] }));
		for (const path of ['/1', '/2', '/3']) await app.get(path);
		await app.get('/1');
		await app.get('/4');
		expect(app.renders()).toBe(4);
		expect(app.cache.stats().entries).toBe(3);
		await app.get('/1');
		expect(app.renders()).toBe(4);
		await app.get('/2');
		expect(app.renders()).toBe(5);
	});
});
