// The socket.io event map shared by server and browser; every client event is validated on the server.
import type { MediaPushes, MediaRequests } from '$lib/media/types';
import type {
	LiveAck,
	LiveChatMessage,
	LiveGrants,
	LivePoll,
	LiveHand,
	LiveJoinAck,
	LiveParticipant,
	LiveQuestion,
	LiveRole,
	LiveStageMember,
	LiveStatus
} from './ir-room-types';
export type Ack = (reply: { ok: true } | { ok: false; error: { code: string; message: string } }) => void;
/** The acknowledgement of a media request (see MediaRequests in $lib/media/types). */
export type MediaAck<E extends keyof MediaRequests> = (reply: MediaRequests[E]['reply']) => void;

export interface ServerToClientEvents {
	'notifications:unread': (payload: { count: number }) => void;
	/** The server's live feed was interrupted (database connection lost): refetch what is shown. */
	'realtime:resync': (payload: { reason: 'listen_reconnected' }) => void;
	'needs:message': (payload: ThreadMessage) => void;
	'media:offer': (payload: MediaPushes['media:offer']) => void;
	'media:tracks': (payload: MediaPushes['media:tracks']) => void;
	'ir:presence': (payload: { eventId: string; viewers: number; stage: LiveStageMember[] }) => void;
	'ir:participants': (payload: { eventId: string; participants: LiveParticipant[] }) => void;
	'ir:hands': (payload: { eventId: string; hands: LiveHand[] }) => void;
	'ir:chat': (payload: LiveChatMessage) => void;
	'ir:chat_deleted': (payload: { eventId: string; id: string }) => void;
	'ir:question': (payload: LiveQuestion) => void;
	'ir:question_hidden': (payload: { eventId: string; id: string }) => void;
	/** A poll opened, closed or its tally changed (pushed at most every POLL_PUSH_MS per poll). */
	'ir:poll': (payload: LivePoll) => void;
	'ir:role': (payload: { eventId: string; role: LiveRole; grants: LiveGrants; handRaised: boolean }) => void;
	'ir:status': (payload: { eventId: string; status: LiveStatus }) => void;
	'ir:removed': (payload: { eventId: string; message: string }) => void;
	/** The room is (no longer) being recorded (issue #14): pushed on start and stop. */
	'ir:recording': (payload: { eventId: string; recording: boolean; startedAt: string | null }) => void;
}

export interface ClientToServerEvents {
	'notifications:mark_read': (payload: { ids: string[] } | { all: true }, ack: Ack) => void;
	'needs:join': (payload: { responseId: string }, ack: Ack) => void;
	'needs:leave': (payload: { responseId: string }) => void;
	'needs:post': (payload: { responseId: string; body: string }, ack: Ack) => void;
	'needs:read': (payload: { responseId: string }) => void;
	'media:publish': (payload: MediaRequests['media:publish']['payload'], ack: MediaAck<'media:publish'>) => void;
	'media:unpublish': (payload: MediaRequests['media:unpublish']['payload'], ack?: MediaAck<'media:unpublish'>) => void;
	'media:subscribe': (payload: MediaRequests['media:subscribe']['payload'], ack: MediaAck<'media:subscribe'>) => void;
	'media:answer': (payload: MediaRequests['media:answer']['payload'], ack?: MediaAck<'media:answer'>) => void;
	'media:ice': (payload: MediaRequests['media:ice']['payload'], ack?: MediaAck<'media:ice'>) => void;
	'ir:join': (payload: { eventId: string }, ack: LiveJoinAck) => void;
	'ir:leave': (payload: { eventId: string }, ack?: LiveAck) => void;
	'ir:chat_post': (payload: { eventId: string; body: string }, ack: LiveAck) => void;
	'ir:chat_delete': (payload: { eventId: string; messageId: string }, ack: LiveAck) => void;
	'ir:question_ask': (payload: { eventId: string; body: string }, ack: LiveAck) => void;
	'ir:question_vote': (payload: { eventId: string; questionId: string }, ack: LiveAck) => void;
	'ir:question_moderate': (
		payload: { eventId: string; questionId: string; action: 'approve' | 'answer' | 'dismiss' },
		ack: LiveAck
	) => void;
	'ir:poll_create': (payload: { eventId: string; question: string; options: string[] }, ack: LiveAck) => void;
	'ir:poll_answer': (payload: { eventId: string; pollId: string; optionId: string }, ack: LiveAck) => void;
	'ir:poll_close': (payload: { eventId: string; pollId: string }, ack: LiveAck) => void;
	'ir:hand_raise': (payload: { eventId: string }, ack: LiveAck) => void;
	'ir:hand_lower': (payload: { eventId: string }, ack: LiveAck) => void;
	'ir:speaker_promote': (payload: { eventId: string; userId: string }, ack: LiveAck) => void;
	'ir:speaker_demote': (payload: { eventId: string; userId: string }, ack: LiveAck) => void;
	'ir:participant_remove': (payload: { eventId: string; userId: string }, ack: LiveAck) => void;
	'ir:session_start': (payload: { eventId: string }, ack: LiveAck) => void;
	'ir:session_end': (payload: { eventId: string }, ack: LiveAck) => void;
}

/** A message of a need response's thread, as both sides receive it live. */
export type ThreadMessage = {
	id: string;
	responseId: string;
	authorId: string | null;
	authorName: string | null;
	body: string;
	createdAt: string;
};
