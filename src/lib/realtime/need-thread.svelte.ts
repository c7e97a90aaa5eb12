// A need response's thread kept live over socket.io: join the room, receive messages, post with an ack.
import { io, type Socket } from 'socket.io-client';
import { invalidateAll } from '$app/navigation';
import { keepConnected } from './keep-connected';
import type { ClientToServerEvents, ServerToClientEvents, ThreadMessage } from './events';

export function createNeedThread(responseId: string, initial: ThreadMessage[]) {
	let messages = $state(initial);
	let live = $state(false);
	let socket: Socket<ServerToClientEvents, ClientToServerEvents> | undefined;
	return {
		get messages() {
			return messages;
		},
		get live() {
			return live;
		},
		connect() {
			socket = io({ path: '/socket.io', transports: ['websocket', 'polling'] });
			keepConnected(socket);
			socket.on('connect', () =>
				socket?.emit('needs:join', { responseId }, (reply) => {
					live = reply.ok;
					// Shown on screen is read: say so explicitly, the page load does not write.
					if (reply.ok && document.visibilityState === 'visible') socket?.emit('needs:read', { responseId });
				})
			);
			socket.on('disconnect', () => (live = false));
			// The server's feed was interrupted: messages may have been missed, so load the thread again.
			socket.on('realtime:resync', () => void invalidateAll());
			socket.on('needs:message', (message) => {
				if (message.responseId !== responseId || messages.some((m) => m.id === message.id)) return;
				messages = [...messages, message];
				socket?.emit('needs:read', { responseId });
			});
			return () => {
				socket?.emit('needs:leave', { responseId });
				socket?.disconnect();
			};
		},
		/** Sends over the socket; resolves with an error message, or null when it was posted. */
		post(body: string): Promise<string | null> {
			return new Promise((resolve) => {
				if (!socket || !live) return resolve('offline');
				socket.emit('needs:post', { responseId, body }, (reply) => resolve(reply.ok ? null : reply.error.message));
			});
		}
	};
}
