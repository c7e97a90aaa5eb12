// What every authenticated socket carries (its user, and the session it was opened with), and the
// typed server and socket of the portal's event map.
import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '$lib/realtime/events';
import type { SessionUser } from '../auth/session';

export type SocketData = { user: SessionUser; sessionId?: string };

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
