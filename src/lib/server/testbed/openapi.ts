// The testbed's entries in the OpenAPI document (spread into `operations` in api/openapi.ts).
import { z } from 'zod';
import type { Operation } from '../api/operation';
import {
	availabilitySchema,
	bookingSchema,
	idParam,
	newBookingBody,
	rejectBody,
	rescheduleBody,
	resourceListQuery,
	resourceSchema
} from './schemas';

const tags = ['testbed'];
const booking = { description: 'The booking', schema: bookingSchema };
const notFound = { description: 'No such booking, or not yours to see' };
const refused = {
	403: {
		description:
			'`org_not_verified`, `credential_required` (names the credential), `quota_exceeded`, or `not_facility_manager`'
	},
	409: {
		description:
			'`booking_conflict`: the slot was taken first; or `cancel_cutoff_passed`, `invalid_state`; with `payWithVoucher`: `vouchers_none`, `vouchers_expired`, `vouchers_insufficient_balance` (nothing is booked)'
	},
	422: {
		description:
			'The time breaks a rule: `booking_outside_hours`, `booking_in_blackout`, `booking_too_short`, `booking_too_long`, `booking_too_soon`, `booking_too_far`, `booking_invalid_time`; `end_before_start` when `end` is not after `start`'
	}
};

export const testbedOperations: Operation[] = [
	{
		method: 'get',
		path: '/resources',
		operationId: 'listResources',
		summary: 'Bookable resources of the shared testbed',
		tags,
		auth: 'optional',
		query: resourceListQuery.shape,
		responses: { 200: { description: 'The resources', schema: z.object({ resources: z.array(resourceSchema) }) } }
	},
	{
		method: 'get',
		path: '/resources/{id}/availability',
		operationId: 'getResourceAvailability',
		summary:
			'Free, busy and blacked-out time of one resource between `from` and `to` (ISO 8601 with offset, at most 62 days)',
		tags,
		auth: 'optional',
		pathParams: { id: idParam },
		query: { from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) },
		responses: {
			200: { description: 'Availability', schema: availabilitySchema },
			404: { description: 'No such resource' }
		}
	},
	{
		method: 'post',
		path: '/bookings',
		operationId: 'createBooking',
		summary: 'Book a resource (pending or confirmed, as the resource says)',
		tags,
		auth: 'required',
		body: newBookingBody,
		responses: {
			201: booking,
			401: { description: 'Not signed in' },
			404: { description: 'No such resource' },
			...refused
		}
	},
	{
		method: 'get',
		path: '/bookings/{id}',
		operationId: 'getBooking',
		summary: 'One booking (the booker, their org admins, the facility managers)',
		tags,
		auth: 'required',
		pathParams: { id: idParam },
		responses: { 200: booking, 404: notFound }
	},
	{
		method: 'patch',
		path: '/bookings/{id}',
		operationId: 'rescheduleBooking',
		summary: 'Reschedule atomically: the old slot is kept unless the new one is taken',
		tags,
		auth: 'required',
		pathParams: { id: idParam },
		body: rescheduleBody,
		responses: { 200: booking, 404: notFound, ...refused }
	},
	{
		method: 'delete',
		path: '/bookings/{id}',
		operationId: 'cancelBooking',
		summary: 'Cancel (until the resource’s cut-off; managers any time)',
		tags,
		auth: 'required',
		pathParams: { id: idParam },
		query: { reason: z.string().max(500) },
		responses: { 200: booking, 404: notFound, 409: refused[409] }
	},
	{
		method: 'post',
		path: '/bookings/{id}/approve',
		operationId: 'approveBooking',
		summary: 'Approve a pending booking (facility managers)',
		tags,
		auth: 'required',
		pathParams: { id: idParam },
		responses: {
			200: booking,
			403: { description: '`not_facility_manager`' },
			404: notFound,
			409: { description: '`invalid_state`' }
		}
	},
	{
		method: 'post',
		path: '/bookings/{id}/reject',
		operationId: 'rejectBooking',
		summary: 'Reject a pending booking with a reason (facility managers)',
		tags,
		auth: 'required',
		pathParams: { id: idParam },
		body: rejectBody,
		responses: {
			200: booking,
			403: { description: '`not_facility_manager`' },
			404: notFound,
			409: { description: '`invalid_state`' }
		}
	},
	{
		method: 'post',
		path: '/bookings/{id}/check-in',
		operationId: 'checkInBooking',
		summary:
			'Check in within the window around the start (the booker, a colleague from their organisation, or a manager)',
		tags,
		auth: 'required',
		pathParams: { id: idParam },
		responses: { 200: booking, 404: notFound, 409: { description: '`check_in_closed` or `invalid_state`' } }
	},
	{
		method: 'post',
		path: '/bookings/{id}/no-show',
		operationId: 'markBookingNoShow',
		summary: 'Mark a started, unchecked-in booking as a no-show (facility managers; repeating it changes nothing)',
		tags,
		auth: 'required',
		pathParams: { id: idParam },
		responses: {
			200: booking,
			403: { description: '`not_facility_manager`' },
			404: notFound,
			409: { description: '`invalid_state`: not started yet, checked in, or not confirmed' }
		}
	}
];
