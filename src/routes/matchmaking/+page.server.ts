import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { readForm } from '$lib/server/http/form';
import { failFromError } from '$lib/server/app/errors';
import { requestContext, requireOperator, requireUser } from '$lib/server/http/context';
import { parseClock, zonedInstant } from '$lib/server/common/zoned-time';
import { matchmakingPage } from '$lib/server/matchmaking/page-data';
import { addPick, createDay, removePick } from '$lib/server/matchmaking/day-service';
import { scheduleDay } from '$lib/server/matchmaking/schedule-day';
import { putThesis } from '$lib/server/matchmaking/thesis-service';
import { pickSchema, thesisSchema } from '$lib/server/matchmaking/schemas';

// Days are entered in Korean time: the alliance and its events are in Seoul.
const SEOUL = 'Asia/Seoul';
const clock = z.string().regex(/^\d{2}:\d{2}$/);
const dayForm = z.object({
	title: z.string(),
	date: z.iso.date(),
	start: clock,
	end: clock,
	slot_minutes: z.string(),
	picks_close: z.iso.date(),
	location: z.string().default(''),
	online: z.string().optional(),
	startups: z.union([z.string(), z.array(z.string())]).optional(),
	investors: z.union([z.string(), z.array(z.string())]).optional()
});

export const load = (async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const page = await matchmakingPage(db, user, event.locals.locale);
	const invitable = user.isOperator
		? await db
				.selectFrom('organizations')
				.select(['id', 'name_ko', 'name_en', 'kind'])
				.where('status', '=', 'verified')
				.where('kind', 'in', ['company', 'investor'])
				.orderBy('name_en')
				.execute()
		: [];
	return { ...page, invitable, isOperator: user.isOperator };
}) satisfies PageServerLoad;

const orgIdSchema = z.object({ org_id: z.uuid() });
const dayIdSchema = z.object({ day_id: z.uuid() });

export const actions = {
	thesis: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, z.intersection(orgIdSchema, thesisSchema));
		// A refused save shows what the admin typed and ticked, not what is stored.
		const typed = {
			org_id: form.values.org_id ?? '',
			stages: form.form.getAll('stages').map(String),
			regulatory_stages: form.form.getAll('regulatory_stages').map(String),
			terms: form.form.getAll('terms').map((id) => ({ id: String(id) })),
			ticket_min_krw: form.values.ticket_min_krw ?? '',
			ticket_max_krw: form.values.ticket_max_krw ?? ''
		};
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values, thesisTyped: typed });
		try {
			await putThesis(getDb(), user, form.data.org_id, form.data);
		} catch (error) {
			return failFromError(error, { thesisTyped: typed });
		}
		return { thesisSaved: true };
	},
	pick: async (event) => pickAction(event, true),
	unpick: async (event) => pickAction(event, false),
	createDay: async (event) => {
		const operator = requireOperator(event);
		const form = await readForm(event.request, dayForm);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		const f = form.data;
		try {
			await createDay(getDb(), operator, {
				title: f.title,
				starts_at: zonedInstant(f.date, parseClock(f.start), SEOUL),
				ends_at: zonedInstant(f.date, parseClock(f.end), SEOUL),
				slot_minutes: f.slot_minutes,
				picks_close_at: zonedInstant(f.picks_close, 18 * 60, SEOUL),
				location: f.location,
				online: f.online !== undefined,
				startups: f.startups,
				investors: f.investors
			});
		} catch (error) {
			if (error instanceof z.ZodError) return fail(400, { errors: { title: error.issues[0]?.message ?? '' } });
			return failFromError(error);
		}
		return { dayCreated: true };
	},
	schedule: async (event) => {
		const operator = requireOperator(event);
		const form = await readForm(event.request, dayIdSchema);
		if (!form.ok) return fail(400, { errors: form.errors });
		try {
			const result = await scheduleDay(getDb(), operator, form.data.day_id, requestContext(event));
			return { scheduled: result.placed };
		} catch (error) {
			return failFromError(error);
		}
	}
} satisfies Actions;

async function pickAction(event: Parameters<Actions[string]>[0], add: boolean) {
	const user = requireUser(event);
	const form = await readForm(event.request, z.intersection(dayIdSchema, pickSchema));
	if (!form.ok) return fail(400, { errors: form.errors });
	try {
		await (add ? addPick : removePick)(getDb(), user, form.data.day_id, form.data);
	} catch (error) {
		return failFromError(error);
	}
	return { picked: add };
}
