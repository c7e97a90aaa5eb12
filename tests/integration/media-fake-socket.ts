// A socket.io-shaped socket for media signalling tests: requests go to the registered listeners,
// pushes are recorded.
import type { MediaSocket } from '../../src/lib/server/media/signalling';

export type MediaReply = {
	ok: boolean;
	error?: { code: string; message: string };
	answer?: { sdp: string };
	offer?: { type: 'offer'; sdp: string } | null;
	tracks?: unknown[];
};

export class FakeMediaSocket implements MediaSocket {
	readonly listeners = new Map<string, (payload: unknown, ack?: (reply: unknown) => void) => void>();
	readonly pushed: Array<{ event: string; payload: any }> = [];
	data = { user: { locale: 'en' as const } };
	on(event: string, listener: (payload: unknown, ack?: (reply: unknown) => void) => void) {
		this.listeners.set(event, listener);
	}
	off(event: string) {
		this.listeners.delete(event);
	}
	emit(event: string, payload: unknown) {
		this.pushed.push({ event, payload });
	}
	request(event: string, payload: unknown): Promise<MediaReply> {
		const listener = this.listeners.get(event);
		if (!listener) throw new Error(`${event} is not registered`);
		return new Promise((resolve) => listener(payload, resolve as (reply: unknown) => void));
	}
}
