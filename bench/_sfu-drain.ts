// The light viewers' native receive path (native/udp_drain.c): once a light viewer has its first
// keyframe, libuv stops reading its UDP socket and one timer per process drains every such socket
// with recvmmsg(2) every DRAIN_MS. RTP is counted in C; one packet in `sampleEvery`, and every
// RTCP, STUN and DTLS datagram, is emitted on the socket as if dgram had read it, so werift handles
// it as before (consent checks, sender reports, the authenticated sample). Without the addon a
// light viewer keeps reading through dgram.
import type { Socket } from 'node:dgram';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dgramState } from '../src/lib/server/media/native-srtp';

type Addon = { drain(fd: number, sampleEvery: number, state: Float64Array): Array<[Buffer, number, string]> | number };

const DRAIN_MS = 10;
const addonPath = fileURLToPath(new URL('../native/build/udp_drain.node', import.meta.url));

export type Drained = { counted(): number; stop(): void };

class LightReceiver {
	readonly #addon: Addon | undefined = existsSync(addonPath)
		? (createRequire(import.meta.url)(addonPath) as Addon)
		: undefined;
	readonly #sockets = new Map<Socket, { fd: number; sampleEvery: number; state: Float64Array }>();
	#timer: ReturnType<typeof setInterval> | undefined;

	/** Starts draining `socket` natively; undefined (dgram keeps reading) without the addon. */
	drain(socket: Socket, sampleEvery: number): Drained | undefined {
		const handle = dgramState(socket)?.handle;
		if (!this.#addon || !handle?.recvStop || handle.fd === undefined || handle.fd < 0) return undefined;
		handle.recvStop();
		const entry = { fd: handle.fd, sampleEvery, state: new Float64Array(3) };
		this.#sockets.set(socket, entry);
		socket.once('close', () => this.#sockets.delete(socket));
		this.#timer ??= setInterval(() => this.#tick(), DRAIN_MS);
		return {
			counted: () => entry.state[0],
			stop: () => {
				this.#sockets.delete(socket);
				if (this.#sockets.size === 0 && this.#timer) {
					clearInterval(this.#timer);
					this.#timer = undefined;
				}
			}
		};
	}

	#tick() {
		for (const [socket, { fd, sampleEvery, state }] of this.#sockets) {
			const out = this.#addon!.drain(fd, sampleEvery, state);
			if (typeof out === 'number') {
				this.#sockets.delete(socket);
				continue;
			}
			for (const [data, port, address] of out)
				socket.emit('message', data, {
					address,
					port,
					family: address.includes(':') ? 'IPv6' : 'IPv4',
					size: data.length
				});
		}
	}
}

export const lightReceiver = new LightReceiver();
