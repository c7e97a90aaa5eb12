// What both SFU bench server processes (werift, Janus) run in front of their backend: the portal's
// media signalling for one room over socket.io on 127.0.0.1 (every peer may publish and subscribe),
// GET /stats with what `stats()` answers, 'ready' to the parent, and a clean exit on SIGTERM.
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import type { MediaRoom } from '../src/lib/server/media/backend';
import { registerMediaSignalling } from '../src/lib/server/media/signalling';

export type SignallingServerOptions = {
	port: number;
	room: MediaRoom;
	stats: () => Promise<unknown> | unknown;
	/** Extra fields of the 'ready' message (the Janus server sends Janus's pid). */
	ready?: Record<string, unknown>;
	close: () => Promise<void>;
};

export function serveBenchSignalling({ port, room, stats, ready, close }: SignallingServerOptions): void {
	const http = createServer((req, res) => {
		if (req.url !== '/stats') return void res.writeHead(404).end();
		void Promise.resolve()
			.then(stats)
			.then(
				(body) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body)),
				(error: Error) => res.writeHead(503).end(error.message)
			);
	});
	const io = new Server(http, { serveClient: false });
	io.on('connection', (socket) => {
		const peerId = String(socket.handshake.query.peerId ?? '');
		const dispose = registerMediaSignalling(socket, {
			room,
			peerId,
			canPublish: () => true,
			canSubscribe: () => true,
			locale: () => 'en'
		});
		socket.on('disconnect', () => {
			dispose();
			void room.leave(peerId);
		});
	});
	http.listen(port, '127.0.0.1', () => process.send?.({ type: 'ready', port, ...ready }));

	const stop = async () => {
		io.close();
		await close();
		process.exit(0);
	};
	process.on('SIGTERM', stop);
	process.on('disconnect', stop);
}
