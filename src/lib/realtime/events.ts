// The socket.io event map shared by server and browser; every client event is validated on the server.
export type Ack = (reply: { ok: true } | { ok: false; error: { code: string; message: string } }) => void;

export interface ServerToClientEvents {
	'notifications:unread': (payload: { count: number }) => void;
	'needs:message': (payload: ThreadMessage) => void;
}

export interface ClientToServerEvents {
	'notifications:mark_read': (payload: { ids: string[] } | { all: true }, ack: Ack) => void;
	'needs:join': (payload: { responseId: string }, ack: Ack) => void;
	'needs:leave': (payload: { responseId: string }) => void;
	'needs:post': (payload: { responseId: string; body: string }, ack: Ack) => void;
	'needs:read': (payload: { responseId: string }) => void;
}

/** A message of a need response's thread, as both sides receive it live. */
export type ThreadMessage = { id: string; responseId: string; authorId: string | null; authorName: string | null; body: string; createdAt: string };
