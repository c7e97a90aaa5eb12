// Inputs of availability alerts (API body, the "notify me" form) and the alert's API shape.
import { z } from 'zod';

const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const minMinutes = z.coerce.number().int().min(1).max(10080);

export const newAlertBody = z.object({
	start: instant,
	end: instant,
	minMinutes: minMinutes.nullish(),
	orgId: z.uuid().optional()
});

/** The form speaks dates in the viewer's time zone: the range runs from `from` 00:00 to the end of `to`. */
export const alertForm = z.object({
	from: z.iso.date(),
	to: z.iso.date(),
	min_minutes: z.union([z.literal('').transform(() => null), minMinutes]).optional(),
	orgId: z.union([z.literal('').transform(() => undefined), z.uuid()]).optional()
});

export const cancelAlertForm = z.object({ alertId: z.uuid() });

export const alertSchema = z.object({
	id: z.uuid(),
	resourceId: z.uuid(),
	start: z.iso.datetime({ offset: true }),
	end: z.iso.datetime({ offset: true }),
	minMinutes: z.number().int().nullable(),
	status: z.enum(['active', 'cancelled', 'fulfilled']),
	createdAt: z.iso.datetime({ offset: true }),
	hold: z
		.object({
			start: z.iso.datetime({ offset: true }),
			end: z.iso.datetime({ offset: true }),
			expiresAt: z.iso.datetime({ offset: true })
		})
		.nullable()
});

type AlertRow = {
	id: string;
	resource_id: string;
	starts_at: Date;
	ends_at: Date;
	min_minutes: number | null;
	status: 'active' | 'cancelled' | 'fulfilled';
	created_at: Date;
	hold_starts_at?: Date | null;
	hold_ends_at?: Date | null;
	hold_expires_at?: Date | null;
};

export const alertJson = (a: AlertRow): z.input<typeof alertSchema> => ({
	id: a.id,
	resourceId: a.resource_id,
	start: a.starts_at.toISOString(),
	end: a.ends_at.toISOString(),
	minMinutes: a.min_minutes,
	status: a.status,
	createdAt: a.created_at.toISOString(),
	hold:
		a.hold_starts_at && a.hold_ends_at && a.hold_expires_at
			? {
					start: new Date(a.hold_starts_at).toISOString(),
					end: new Date(a.hold_ends_at).toISOString(),
					expiresAt: new Date(a.hold_expires_at).toISOString()
				}
			: null
});
