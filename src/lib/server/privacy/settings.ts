// The retention periods the privacy notice states, read from the same settings the jobs use.
import { readConfig } from '../config';
import { OUTBOX_BODY_DAYS } from './retention';

export function personalDataSettings() {
	const config = readConfig();
	return {
		irChatRetentionDays: config.IR_CHAT_RETENTION_DAYS,
		recordingRetentionDays: config.RECORDING_RETENTION_DAYS,
		outboxBodyDays: OUTBOX_BODY_DAYS
	};
}
