// JSON shape of GET /api/v1/ir/events/{id}/recording and its OpenAPI entries.
import { z } from 'zod';
import type { Operation } from '../../api/operation';
import { IR_RECORDING_STATUSES } from '../../db/ir-recording-types';
import { RECORDING_FAILURES } from './failure';
import type { ReplayRecording } from './replay';

const chapterSchema = z
	.object({ id: z.uuid(), startMs: z.number().int(), endMs: z.number().int(), title: z.string() })
	.meta({ id: 'IrRecordingChapter' });

export const irRecordingSchema = z
	.object({
		id: z.uuid(),
		status: z.enum(IR_RECORDING_STATUSES),
		published: z.boolean(),
		startedAt: z.iso.datetime(),
		stoppedAt: z.iso.datetime().nullable(),
		durationMs: z.number().int().nullable(),
		sizeBytes: z.number().int().nullable(),
		mimeType: z.string().nullable(),
		progress: z.number().int().meta({ description: 'Processing progress, 0–100' }),
		chapters: z.array(chapterSchema),
		failure: z
			.object({
				reason: z.enum(RECORDING_FAILURES).meta({
					description:
						'no_media: no recorded part held a frame or a sample (nothing to retry); processing: converting failed on every attempt'
				}),
				detail: z.string().meta({ description: 'Which parts were left out and why, or what ffmpeg said' })
			})
			.nullable()
			.meta({
				description:
					'Why processing failed; null unless status is failed (failed recordings are shown to the startup’s team only)'
			}),
		mediaUrl: z.string().nullable().meta({ description: 'The file, with HTTP Range support; null until processed' })
	})
	.meta({ id: 'IrRecording' });

export const irRecordingListSchema = z
	.object({
		eventId: z.uuid(),
		status: z.enum([...IR_RECORDING_STATUSES, 'none']).meta({ description: 'Status of the latest recording' }),
		recordings: z.array(irRecordingSchema)
	})
	.meta({ id: 'IrRecordings' });

export function recordingJson(eventId: string, recordings: ReplayRecording[]): z.infer<typeof irRecordingListSchema> {
	return {
		eventId,
		status: recordings.at(-1)?.status ?? 'none',
		recordings: recordings.map((r) => ({
			...r,
			mediaUrl: r.status === 'ready' ? `/api/v1/ir/events/${eventId}/recording/media/${r.id}` : null
		}))
	};
}

const tags = ['ir'];
const idParams = { id: z.uuid() };
const hidden = {
	description:
		'No such session, or you may not watch its recordings (registered with the current NDA, presenters, moderator, operators and the startup’s team only)'
};

export const recordingOperations: Operation[] = [
	{
		method: 'get',
		path: '/ir/events/{id}/recording',
		operationId: 'getIrEventRecording',
		summary:
			'A session’s recordings: status, processing progress, metadata and chapters (answered questions); the startup’s team also sees unpublished and unprocessed ones',
		tags,
		auth: 'required',
		pathParams: idParams,
		responses: { 200: { description: 'The recordings', schema: irRecordingListSchema }, 404: hidden }
	},
	{
		method: 'get',
		path: '/ir/events/{id}/recording/media/{recordingId}',
		operationId: 'downloadIrRecordingMedia',
		summary:
			'The recording’s file (MP4 H.264/AAC, or WebM where ffmpeg lacks libx264). Send `Range: bytes=a-b` to seek',
		tags,
		auth: 'required',
		pathParams: { ...idParams, recordingId: z.uuid() },
		responses: {
			200: { description: 'The whole file' },
			206: { description: 'The requested range, with Content-Range' },
			404: hidden,
			416: { description: 'The range starts past the end (Content-Range: bytes */size)' }
		}
	}
];
