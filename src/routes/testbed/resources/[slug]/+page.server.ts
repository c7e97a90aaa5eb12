import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { NotFoundError } from '$lib/server/errors';
import { failFromError, throwLoadError } from '$lib/server/app/errors';
import { readForm } from '$lib/server/http/form';
import { requestContext, requireUser } from '$lib/server/http/context';
import { listBookingOrganizations } from '$lib/server/testbed/access';
import { getAvailability } from '$lib/server/testbed/availability';
import { createWeeklyBookings } from '$lib/server/testbed/booking-create';
import { findCredential, findMissingCredential } from '$lib/server/testbed/credentials';
import { messageForError } from '$lib/server/app/errors';
import { findResourceBySlug, listHours } from '$lib/server/testbed/repository';
import { listPhotos } from '$lib/server/testbed/photo-repository';
import { bookForm } from '$lib/server/testbed/schemas';
import { hourlyRate } from '$lib/server/vouchers/pricing';
import { largestLiveBalance } from '$lib/server/vouchers/holdings';
import type { Executor } from '$lib/server/db';
import { buildWeekView, weekRange, weekToShow } from '$lib/server/testbed/week-view';
import { addDays, parseClock, zonedInstant } from '$lib/server/common/zoned-time';
import { DomainError } from '$lib/server/errors';
import { createAlert } from '$lib/server/testbed/availability-alerts';
import { alertForm } from '$lib/server/testbed/availability-alerts-schemas';
import { holdMinutes } from '$lib/server/testbed/slot-holds';

async function resourceOr404(slug: string) {
	const resource = await findResourceBySlug(getDb(), slug);
	if (!resource || !resource.active) throwLoadError(new NotFoundError());
	return resource;
}

const withVoucherBalances = (db: Executor, orgs: { id: string; name_ko: string; name_en: string }[], now: Date) =>
	Promise.all(orgs.map(async (o) => ({ ...o, voucher_balance_krw: await largestLiveBalance(db, o.id, now) })));

// Public like the list: the calendar shows when the resource is free, never who booked it.
export const load = (async ({ params, url, locals }) => {
	const db = getDb();
	const resource = await resourceOr404(params.slug);
	const now = new Date();
	const monday = weekToShow(url.searchParams.get('week'), now, locals.timeZone);
	const { from, to } = weekRange(monday, locals.timeZone);
	const [availability] = await getAvailability(db, [resource], from, to, now);
	const credential = resource.required_credential_id ? await findCredential(db, resource.required_credential_id) : null;
	const hours = await listHours(db, [resource.id]);
	const durations: number[] = [];
	for (
		let minutes = resource.min_minutes;
		minutes <= resource.max_minutes && durations.length < 48;
		minutes += resource.slot_minutes
	)
		durations.push(minutes);
	return {
		resource: {
			...resource,
			quota_week_hours: resource.quota_week_hours && Number(resource.quota_week_hours),
			quota_month_hours: resource.quota_month_hours && Number(resource.quota_month_hours)
		},
		photos: await listPhotos(db, resource.id),
		credential: credential && { name_ko: credential.name_ko, name_en: credential.name_en },
		hours: hours
			.map((h) => ({ weekday: h.weekday, opens: h.opens.slice(0, 5), closes: h.closes.slice(0, 5) }))
			.sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens)),
		week: buildWeekView(monday, locals.timeZone, availability),
		previousWeek: addDays(monday, -7),
		nextWeek: addDays(monday, 7),
		durations,
		organizations: locals.user
			? await withVoucherBalances(db, await listBookingOrganizations(db, locals.user.id), now)
			: [],
		// Only verified organisations book, and they are alliance members (vouchers/pricing.ts).
		rate: { krw: hourlyRate(resource, true), member: true },
		// Said before the form, so nobody fills it in only to be refused (issue 21).
		missingCredential: locals.user
			? await findMissingCredential(db, locals.user.id, resource.required_credential_id, now)
			: null,
		holdMinutes: holdMinutes(),
		prefill: {
			date: url.searchParams.get('date') ?? '',
			time: url.searchParams.get('time') ?? '',
			minutes: url.searchParams.get('minutes') ?? ''
		}
	};
}) satisfies PageServerLoad;

export const actions = {
	book: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, bookForm);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		const { date, time, minutes, purpose, weeks, orgId, pay_with_voucher } = form.data;
		try {
			const resource = await findResourceBySlug(getDb(), event.params.slug);
			if (!resource) throw new NotFoundError();
			// The form speaks the viewer's wall clock; the weekly repeat keeps the facility's.
			const start = zonedInstant(date, parseClock(time), event.locals.timeZone);
			const end = new Date(start.getTime() + minutes * 60_000);
			const result = await createWeeklyBookings(
				getDb(),
				user,
				{
					resourceId: resource.id,
					start,
					end,
					purpose,
					orgId: orgId || undefined,
					payWithVoucher: pay_with_voucher,
					weeks,
					timeZone: resource.time_zone
				},
				requestContext(event)
			);
			if (weeks === 1 && result.created[0]) redirect(303, `/testbed/bookings/${result.created[0].id}?created=1`);
			return {
				series: {
					created: result.created.map((b) => ({
						id: b.id,
						start: b.starts_at.toISOString(),
						end: b.ends_at.toISOString(),
						status: b.status
					})),
					skipped: result.skipped.map((s) => ({
						start: s.start.toISOString(),
						end: s.end.toISOString(),
						message: messageForError(s.error)
					}))
				}
			};
		} catch (error) {
			return failFromError(error, { values: form.values });
		}
	},
	// "Notify me": the dates are the viewer's, from the first day's midnight to the end of the last.
	notify: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, alertForm);
		if (!form.ok) return fail(400, { alert: { errors: form.errors } });
		try {
			const resource = await findResourceBySlug(getDb(), event.params.slug);
			if (!resource) throw new NotFoundError();
			const tz = event.locals.timeZone;
			await createAlert(
				getDb(),
				user,
				{
					resourceId: resource.id,
					start: zonedInstant(form.data.from, 0, tz),
					end: zonedInstant(addDays(form.data.to, 1), 0, tz),
					minMinutes: form.data.min_minutes ?? null,
					orgId: form.data.orgId
				},
				requestContext(event)
			);
			return { alert: { created: true } };
		} catch (error) {
			if (error instanceof DomainError) return fail(error.status, { alert: { message: messageForError(error) } });
			throw error;
		}
	}
} satisfies Actions;
