// The socket.io event map shared by server and browser; every client event is validated on the server.
export type Ack = (reply: { ok: true } | { ok: false; error: { code: string; message: string } }) => void;

export interface ServerToClientEvents {
	'notifications:unread': (payload: { count: number }) => void;
}

export interface ClientToServerEvents {
	'notifications:mark_read': (payload: { ids: string[] } | { all: true }, ack: Ack) => void;
}
