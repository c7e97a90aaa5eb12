// Why a recording could not be processed, as the team sees it: the row's last_error starts with the
// reason's code, followed by the detail (which parts, what ffmpeg said).
import type { IrRecordingRow } from '../../db/ir-recording-types';

export const RECORDING_FAILURES = ['no_media', 'processing'] as const;
export type RecordingFailure = (typeof RECORDING_FAILURES)[number];

/** `no_media`: no recorded part holds a frame or a sample (nothing to retry); `processing`: ffmpeg or the store failed on every attempt. */
export const failureText = (reason: RecordingFailure, detail: string) => `${reason}: ${detail}`;

export function failureOf(
	row: Pick<IrRecordingRow, 'status' | 'last_error'>
): { reason: RecordingFailure; detail: string } | null {
	if (row.status !== 'failed') return null;
	const text = row.last_error ?? '';
	const reason = RECORDING_FAILURES.find((code) => text.startsWith(`${code}: `));
	// Rows failed before reasons were recorded hold ffmpeg's message alone.
	return reason ? { reason, detail: text.slice(reason.length + 2) } : { reason: 'processing', detail: text };
}
