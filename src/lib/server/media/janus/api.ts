// One session on Janus's HTTP API (REST requests + one long poll for events), from the server only:
// the API secret never reaches a browser. Async plugin requests resolve when their event arrives.
import { randomUUID } from 'node:crypto';

export type JanusJsep = { type: 'offer' | 'answer'; sdp: string };
/** What Janus pushes about one handle: a plugin event (maybe with a jsep), webrtcup, hangup, … */
export type JanusEvent = {
	janus: string;
	sender?: number;
	transaction?: string;
	plugindata?: { data: Record<string, unknown> };
	jsep?: JanusJsep;
	reason?: string;
};
export type JanusReply = { data: Record<string, unknown>; jsep?: JanusJsep };

/** Janus refused a request (`code` is Janus's or the VideoRoom plugin's error code). */
export class JanusRequestError extends Error {
	constructor(
		readonly code: number,
		reason: string
	) {
		super(`Janus error ${code}: ${reason}`);
		this.name = 'JanusRequestError';
	}
}

/** Janus cannot be reached (refused, timed out, or it forgot our session). */
export class JanusUnavailableError extends Error {
	constructor(reason: string) {
		super(`Janus unavailable: ${reason}`);
		this.name = 'JanusUnavailableError';
	}
}

export type JanusSessionOptions = { url: string; apiSecret?: string; requestTimeoutMs?: number; keepaliveMs?: number };

const NO_SUCH_SESSION = 458;

export class JanusSession {
	#lost = false;
	readonly #pending = new Map<string, { resolve: (event: JanusEvent) => void; reject: (error: Error) => void }>();
	readonly #handles = new Map<number, (event: JanusEvent) => void>();
	readonly #lostListeners = new Set<(error: Error) => void>();
	readonly #poll = new AbortController();
	#keepalive: ReturnType<typeof setInterval> | undefined;

	private constructor(
		readonly id: number,
		private readonly options: JanusSessionOptions
	) {}

	/** Creates a session and starts its long poll and keepalives. */
	static async create(options: JanusSessionOptions): Promise<JanusSession> {
		const reply = await post(options, options.url, { janus: 'create' });
		const session = new JanusSession(Number((reply.data as { id: number }).id), options);
		void session.#pollLoop();
		session.#keepalive = setInterval(() => {
			session.#send({ janus: 'keepalive' }).catch((error) => session.#fail(error));
		}, options.keepaliveMs ?? 15_000);
		session.#keepalive.unref?.();
		return session;
	}

	get lost() {
		return this.#lost;
	}

	/** Called once when the session dies (Janus gone or session expired); returns the remover. */
	onLost(listener: (error: Error) => void): () => void {
		this.#lostListeners.add(listener);
		return () => this.#lostListeners.delete(listener);
	}

	/** Attaches a VideoRoom handle; `onEvent` gets every event Janus sends about it. */
	async attach(onEvent: (event: JanusEvent) => void): Promise<number> {
		const reply = await this.#send({ janus: 'attach', plugin: 'janus.plugin.videoroom' });
		const handleId = Number((reply.data as { id: number }).id);
		this.#handles.set(handleId, onEvent);
		return handleId;
	}

	async detach(handleId: number): Promise<void> {
		this.#handles.delete(handleId);
		if (!this.#lost) await this.#send({ janus: 'detach' }, handleId).catch(() => {});
	}

	/** A VideoRoom request; asynchronous ones (join, configure, start, update…) wait for their event. */
	async message(handleId: number, body: Record<string, unknown>, jsep?: JanusJsep): Promise<JanusReply> {
		const transaction = randomUUID();
		const event = new Promise<JanusEvent>((resolve, reject) => this.#pending.set(transaction, { resolve, reject }));
		event.catch(() => {});
		try {
			const reply = await this.#send({ janus: 'message', body, ...(jsep ? { jsep } : {}), transaction }, handleId);
			if (reply.janus === 'success') return pluginReply(reply);
			const timeout = this.options.requestTimeoutMs ?? 15_000;
			const timer = setTimeout(
				() => this.#pending.get(transaction)?.reject(new JanusUnavailableError(`no answer in ${timeout} ms`)),
				timeout
			);
			try {
				return pluginReply(await event);
			} finally {
				clearTimeout(timer);
			}
		} finally {
			this.#pending.delete(transaction);
		}
	}

	async trickle(handleId: number, candidate: Record<string, unknown>): Promise<void> {
		await this.#send({ janus: 'trickle', candidate }, handleId);
	}

	/** Ends the session (Janus detaches its handles: their peer connections close). */
	async destroy(): Promise<void> {
		if (this.#lost) return;
		clearInterval(this.#keepalive);
		await this.#send({ janus: 'destroy' }).catch(() => {});
		this.#fail(new JanusUnavailableError('session destroyed'), false);
	}

	#send(request: Record<string, unknown>, handleId?: number): Promise<JanusEvent & { data?: unknown }> {
		if (this.#lost) return Promise.reject(new JanusUnavailableError('session lost'));
		const url = `${this.options.url}/${this.id}${handleId === undefined ? '' : `/${handleId}`}`;
		return post(this.options, url, request).catch((error) => {
			if (
				error instanceof JanusUnavailableError ||
				(error instanceof JanusRequestError && error.code === NO_SUCH_SESSION)
			)
				this.#fail(error);
			throw error;
		});
	}

	async #pollLoop() {
		const secret = this.options.apiSecret ? `&apisecret=${encodeURIComponent(this.options.apiSecret)}` : '';
		while (!this.#lost) {
			try {
				const response = await fetch(`${this.options.url}/${this.id}?maxev=20${secret}`, { signal: this.#poll.signal });
				const body = (await response.json()) as JanusEvent | JanusEvent[];
				for (const event of Array.isArray(body) ? body : [body]) this.#dispatch(event);
			} catch (error) {
				if (!this.#lost) this.#fail(new JanusUnavailableError(`event poll failed: ${(error as Error).message}`));
			}
		}
	}

	#dispatch(event: JanusEvent) {
		if (event.janus === 'error') {
			const error = event as unknown as { error?: { code: number; reason: string } };
			if (error.error?.code === NO_SUCH_SESSION) this.#fail(new JanusUnavailableError('Janus forgot the session'));
			return;
		}
		const pending = event.transaction ? this.#pending.get(event.transaction) : undefined;
		if (pending && event.janus === 'event') return pending.resolve(event);
		if (event.sender !== undefined) this.#handles.get(event.sender)?.(event);
	}

	#fail(error: Error, notify = true) {
		if (this.#lost) return;
		this.#lost = true;
		clearInterval(this.#keepalive);
		this.#poll.abort();
		for (const { reject } of this.#pending.values()) reject(error);
		this.#pending.clear();
		this.#handles.clear();
		if (notify) for (const listener of this.#lostListeners) listener(error);
	}
}

async function post(options: JanusSessionOptions, url: string, request: Record<string, unknown>) {
	const body = {
		transaction: randomUUID(),
		...request,
		...(options.apiSecret ? { apisecret: options.apiSecret } : {})
	};
	let reply: JanusEvent & { data?: unknown; error?: { code: number; reason: string } };
	try {
		const response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
			signal: AbortSignal.timeout(options.requestTimeoutMs ?? 15_000)
		});
		reply = (await response.json()) as typeof reply;
	} catch (error) {
		throw new JanusUnavailableError((error as Error).message);
	}
	if (reply.janus === 'error') throw new JanusRequestError(reply.error?.code ?? 0, reply.error?.reason ?? 'unknown');
	return reply;
}

/** The plugin's answer, or its error (the VideoRoom reports errors inside plugindata). */
function pluginReply(event: JanusEvent): JanusReply {
	const data = event.plugindata?.data ?? {};
	if (typeof data.error_code === 'number')
		throw new JanusRequestError(data.error_code, String(data.error ?? 'plugin error'));
	return { data, jsep: event.jsep };
}
