// socket.io's browser client does not retry a connect_error from the server's middleware, nor a
// disconnect the server made. Both happen for reasons that pass: the database briefly unavailable
// (code 'unavailable'), or a password change that ended this tab's old session (the new cookie is
// already set), or a live room's socket that reached a node no longer owning the room ('wrong_node':
// the placement is asked again meanwhile). An ended sign-out reconnects once and is refused as
// 'unauthenticated': it stops there.
import type { Socket } from 'socket.io-client';

const MAX_DELAY_MS = 30_000;
const PASSING = new Set(['unavailable', 'wrong_node']);

export function keepConnected(socket: Socket): void {
	let delay = 1000;
	socket.on('connect', () => (delay = 1000));
	socket.on('connect_error', (error: Error & { data?: { code?: string } }) => {
		if (!PASSING.has(error.data?.code ?? error.message)) return;
		setTimeout(() => socket.connect(), delay);
		delay = Math.min(delay * 2, MAX_DELAY_MS);
	});
	socket.on('disconnect', (reason) => {
		if (reason === 'io server disconnect') socket.connect();
	});
}
