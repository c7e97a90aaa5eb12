// The native send path of the SFU (native/srtp_send.c, built by scripts/build-native.js): SRTP
// AES-128-GCM on a cipher context keyed once per viewer and one sendto(2) per packet, in one call.
// RtpOutlet uses it when it is built and MEDIA_NATIVE_SEND is not `off`; otherwise (no compiler,
// another platform) the JavaScript path does the same work at about 1.4 times the server's CPU per
// packet (`npm run bench -- sfu --backend=werift,werift-js`).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Socket } from 'node:dgram';

/** An AES-128-GCM key schedule and salt, kept by the addon. */
export type GcmKey = { readonly __gcmKey: unique symbol };
/** A socket address as sendto(2) takes it. */
export type SockAddr = Buffer;

export type NativeSend = {
	gcmKey(masterKey: Buffer, salt: Buffer): GcmKey;
	sockaddr(host: string, port: number): SockAddr | null;
	/** One protected packet written; the bytes written, or -errno. */
	send(
		fd: number,
		key: GcmKey,
		markerAndType: number,
		seq: number,
		timestamp: number,
		ssrc: number,
		roc: number,
		payload: Buffer,
		prefix: Buffer | null,
		address: SockAddr
	): number;
};

export const EAGAIN = 11;
const ADDON = 'native/build/srtp_send.node';

/** The addon, or undefined when it is not built or turned off (`MEDIA_NATIVE_SEND=off`). */
export function loadNativeSend(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): NativeSend | undefined {
	if (env.MEDIA_NATIVE_SEND === 'off') return undefined;
	const path = resolve(cwd, env.MEDIA_NATIVE_SEND_PATH ?? ADDON);
	if (!existsSync(path)) return undefined;
	try {
		return createRequire(import.meta.url)(path) as NativeSend;
	} catch {
		return undefined;
	}
}

export const nativeSend = loadNativeSend();

/** What the fast paths use of a dgram socket's libuv handle (Node 20). */
export type DgramHandle = { fd?: number; recvStop?(): number };
/** A dgram socket's internal state: the same object for the socket's life; `handle` is null once it is closed. */
export type DgramState = { readonly handle: DgramHandle | null };

/**
 * A dgram socket's internal state (the public `_handle` is deprecated and warns); undefined on a
 * runtime that keeps it elsewhere. Found once per socket: the symbol lookup allocates.
 */
export function dgramState(socket: Socket): DgramState | undefined {
	const key = Object.getOwnPropertySymbols(socket).find((symbol) => symbol.description === 'state symbol');
	return key ? (socket as unknown as Record<symbol, DgramState | undefined>)[key] : undefined;
}

/** The file descriptor a socket's state holds, or -1 once the socket is closed (or unknown). */
export function stateFd(state: DgramState | undefined): number {
	const fd = state?.handle?.fd;
	return typeof fd === 'number' && fd >= 0 ? fd : -1;
}
