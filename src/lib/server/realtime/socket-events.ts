// The one wrapper every client → server socket event goes through: the payload is checked for text
// PostgreSQL cannot store, validated with the event's zod schema, handed to the handler (which checks
// grants), and whatever the handler throws becomes a translated failure in the acknowledgement. A
// failing handler never becomes an unhandled rejection, which would stop the whole Node process.
import type { z } from 'zod';
import * as m from '$lib/paraglide/messages';
import type { ClientToServerEvents } from '$lib/realtime/events';
import { DomainError } from '../errors';
import { portalErrors } from '../http/errors';
import { findUncleanText, textNotAllowedMessage } from '../http/text';
import type { Logger } from '../logger';

export type SocketEventName = keyof ClientToServerEvents;
type Locale = 'ko' | 'en';
type AckOf<E extends SocketEventName> = Parameters<ClientToServerEvents[E]>[1];
/** What the event's acknowledgement carries (void for events the client sends without one). */
export type SocketReply<E extends SocketEventName> =
	AckOf<E> extends undefined ? void : NonNullable<AckOf<E>> extends (reply: infer R) => void ? R : void;
export type SocketProblem = { ok: false; error: { code: string; message: string } };

export type SocketEventSchemas = { [E in SocketEventName]?: z.ZodType };
export type SocketEventHandlers<S extends SocketEventSchemas> = {
	[E in keyof S & SocketEventName]: (
		input: z.output<NonNullable<S[E]>>
	) => Promise<SocketReply<E> | void> | SocketReply<E> | void;
};

/** The part of a socket.io socket the wrapper uses (a real socket fits; tests may pass their own). */
export type EventSocket = {
	id?: string;
	data?: { user?: { id?: string; locale?: Locale } };
	on(event: string, listener: (...args: any[]) => void): unknown;
	off(event: string, listener: (...args: any[]) => void): unknown;
};

export type SocketEventOptions = {
	logger?: Pick<Logger, 'error'>;
	/** The language of replies; by default the signed-in user's. */
	locale?: () => Locale;
	/** A failed validation as the client sees it; by default `validation_failed`. */
	invalid?: (error: z.ZodError | null, locale: Locale) => SocketProblem;
	/** Expected refusals the handler throws; by default any DomainError, with the portal's own codes translated (a domain passes its table). */
	refuse?: (error: unknown, locale: Locale) => SocketProblem | undefined;
	/** The reply for anything unexpected (logged first); by default `internal`. */
	failed?: (locale: Locale) => SocketProblem;
	/** Also told of unexpected failures (after the log line). */
	onError?: (error: unknown, event: SocketEventName) => void;
};

const defaultRefusal = (error: unknown, locale: Locale): SocketProblem | undefined =>
	error instanceof DomainError
		? { ok: false, error: { code: error.code, message: portalErrors.messageForError(error, locale) } }
		: undefined;

const defaultInvalid = (_error: z.ZodError | null, locale: Locale): SocketProblem => ({
	ok: false,
	error: { code: 'validation_failed', message: m.error_validation_failed({}, { locale }) }
});

const defaultFailure = (locale: Locale): SocketProblem => ({
	ok: false,
	error: { code: 'internal', message: m.error_unexpected({}, { locale }) }
});

/**
 * Registers `handlers` on `socket`, each behind its schema in `schemas`. Returns the function that
 * removes them again (on leaving a room, say).
 */
export function defineSocketEvents<S extends SocketEventSchemas>(
	socket: EventSocket,
	schemas: S,
	handlers: SocketEventHandlers<S>,
	options: SocketEventOptions = {}
): () => void {
	const locale = (): Locale => options.locale?.() ?? socket.data?.user?.locale ?? 'ko';

	async function handle(event: SocketEventName, payload: unknown): Promise<unknown> {
		const lang = locale();
		if (findUncleanText(payload) !== null) {
			const problem = (options.invalid ?? defaultInvalid)(null, lang);
			return {
				ok: false,
				error: { code: problem.error.code, message: `${problem.error.message} ${textNotAllowedMessage(lang)}`.trim() }
			};
		}
		const schema = schemas[event] as z.ZodType;
		const parsed = schema.safeParse(payload ?? {});
		if (!parsed.success) return (options.invalid ?? defaultInvalid)(parsed.error, lang);
		try {
			const run = handlers[event as keyof typeof handlers] as (input: unknown) => unknown;
			return (await run(parsed.data)) ?? { ok: true };
		} catch (error) {
			const refusal =
				(options.refuse ?? defaultRefusal)(error, lang) ?? (options.refuse ? defaultRefusal(error, lang) : undefined);
			if (refusal) return refusal;
			options.logger?.error(
				{ err: error, event, socketId: socket.id, userId: socket.data?.user?.id },
				'socket event failed'
			);
			options.onError?.(error, event);
			return (options.failed ?? defaultFailure)(lang);
		}
	}

	const listeners = (Object.keys(schemas) as SocketEventName[]).map((event) => {
		const listener = (payload: unknown, ack?: unknown) => {
			const reply = typeof ack === 'function' ? (ack as (reply: unknown) => void) : () => {};
			// `handle` catches everything it awaits; this catch covers the wrapper's own options and the ack.
			handle(event, payload)
				.then(reply)
				.catch((error) => {
					options.logger?.error({ err: error, event, socketId: socket.id }, 'socket event reply failed');
				});
		};
		socket.on(event, listener);
		return { event, listener };
	});

	return () => {
		for (const { event, listener } of listeners) socket.off(event, listener);
	};
}
