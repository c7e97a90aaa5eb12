// The signed-in user's unread count, kept live over socket.io.
import { io, type Socket } from 'socket.io-client';
import { keepConnected } from './keep-connected';
import type { ClientToServerEvents, ServerToClientEvents } from './events';

export function createUnreadCounter(initial: number) {
	let count = $state(initial);
	let socket: Socket<ServerToClientEvents, ClientToServerEvents> | undefined;
	return {
		get count() {
			return count;
		},
		set(value: number) {
			count = value;
		},
		connect() {
			socket = io({ path: '/socket.io', transports: ['websocket', 'polling'] });
			keepConnected(socket);
			socket.on('notifications:unread', ({ count: next }) => (count = next));
			return () => socket?.disconnect();
		}
	};
}
