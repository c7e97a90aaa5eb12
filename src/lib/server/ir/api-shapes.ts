// JSON shapes of the IR API; the OpenAPI document is generated from these.
import { z } from 'zod';
import { IR_ACCESS, IR_STATUSES, type IrRegistrationRow } from '../db/ir-types';
import type { EventAnalytics } from './analytics';
import type { FirmDeckStats } from './deck/analytics';
import type { ReplayAudience } from './recording/audience';
import type { listEvents } from './repository';

export const irEventSummarySchema = z
	.object({
		id: z.uuid(),
		titleKo: z.string(),
		titleEn: z.string(),
		startsAt: z.iso.datetime().meta({ description: 'ISO 8601, UTC' }),
		durationMinutes: z.number().int(),
		access: z.enum(IR_ACCESS),
		status: z.enum(IR_STATUSES),
		ndaRequired: z.boolean(),
		registered: z.boolean(),
		startup: z.object({ slug: z.string(), nameKo: z.string(), nameEn: z.string() }),
		url: z.string()
	})
	.meta({ id: 'IrEventSummary' });

export const irEventListSchema = z
	.object({ events: z.array(irEventSummarySchema), total: z.number().int(), page: z.number().int() })
	.meta({ id: 'IrEventList' });

export const irRegistrationSchema = z
	.object({
		eventId: z.uuid(),
		registeredAt: z.iso.datetime(),
		ndaVersion: z.string().nullable(),
		ndaAcceptedAt: z.iso.datetime().nullable(),
		created: z.boolean()
	})
	.meta({ id: 'IrRegistration' });

export const irAnalyticsSchema = z
	.object({
		eventId: z.uuid(),
		registrants: z.number().int(),
		attendees: z.number().int(),
		peakViewers: z.number().int(),
		averageWatchSeconds: z.number().int(),
		questions: z.object({
			pending: z.number().int(),
			approved: z.number().int(),
			answered: z.number().int(),
			dismissed: z.number().int(),
			total: z.number().int()
		}),
		chatMessages: z.number().int(),
		meetingRequests: z.number().int(),
		replay: z
			.object({
				views: z.number().int().meta({ description: 'Replay playbacks started' }),
				viewers: z.number().int().meta({ description: 'Distinct people who watched the replay' }),
				watchedSeconds: z.number().int().meta({ description: 'Seconds of the replay played, summed over every view' }),
				liveOnly: z.number().int().meta({ description: 'People who watched live but not the replay' }),
				replayOnly: z.number().int().meta({ description: 'People who watched the replay but not live' }),
				both: z.number().int().meta({ description: 'People who watched live and the replay' })
			})
			.meta({ description: 'Watched live vs watched the replay (issue #14)' })
	})
	.meta({ id: 'IrAnalytics' });

type ListedEvent = Awaited<ReturnType<typeof listEvents>>['events'][number];

export const eventSummaryJson = (e: ListedEvent): z.infer<typeof irEventSummarySchema> => ({
	id: e.id,
	titleKo: e.title_ko,
	titleEn: e.title_en,
	startsAt: e.starts_at.toISOString(),
	durationMinutes: e.duration_minutes,
	access: e.access,
	status: e.status,
	ndaRequired: e.nda_required,
	registered: e.registered,
	startup: { slug: e.org_slug, nameKo: e.org_name_ko, nameEn: e.org_name_en },
	url: `/ir/${e.id}`
});

export const registrationJson = (r: IrRegistrationRow, created: boolean): z.infer<typeof irRegistrationSchema> => ({
	eventId: r.event_id,
	registeredAt: r.registered_at.toISOString(),
	ndaVersion: r.nda_version,
	ndaAcceptedAt: r.nda_accepted_at?.toISOString() ?? null,
	created
});

export const analyticsJson = (
	eventId: string,
	a: EventAnalytics,
	replay: ReplayAudience
): z.infer<typeof irAnalyticsSchema> => ({ eventId, ...a, replay });

export const irDeckAnalyticsSchema = z
	.object({
		eventId: z.uuid(),
		firms: z.array(
			z.object({
				firm: z
					.string()
					.meta({ description: 'The investor firm (in the caller’s language), or “no firm” for other viewers' }),
				viewers: z.number().int(),
				totalSeconds: z.number().int(),
				pageSeconds: z.array(z.number().int()).meta({ description: 'Seconds spent per page; index 0 is page 1' }),
				completed: z.number().int().meta({ description: 'Viewers who reached the last page' })
			})
		)
	})
	.meta({ id: 'IrDeckAnalytics' });

export const deckAnalyticsJson = (eventId: string, firms: FirmDeckStats[]): z.infer<typeof irDeckAnalyticsSchema> => ({
	eventId,
	firms
});
