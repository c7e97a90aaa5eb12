// Every input of theses and matchmaking: the thesis form/API body, a new day, a pick.
import { z } from 'zod';
import * as m from '$lib/paraglide/messages';
import { INVESTMENT_STAGES, THESIS_REGULATORY_STAGES } from '../db/matchmaking-types';

/** One value or many (forms send repeated fields), always an array. */
const many = <T extends z.ZodType>(item: T) =>
	z
		.union([item, z.array(item)])
		.optional()
		.transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

// Up to a trillion won: a real ticket fits, and the value stays an exact JavaScript number.
const krw = z.coerce.number().int().min(0).max(1_000_000_000_000);

export const thesisSchema = z
	.object({
		stages: many(z.enum(INVESTMENT_STAGES)).pipe(z.array(z.enum(INVESTMENT_STAGES)).max(6)),
		regulatory_stages: many(z.enum(THESIS_REGULATORY_STAGES)).pipe(z.array(z.enum(THESIS_REGULATORY_STAGES)).max(5)),
		terms: many(z.uuid()).pipe(z.array(z.uuid()).max(20)),
		ticket_min_krw: krw,
		ticket_max_krw: krw
	})
	.refine((v) => v.ticket_min_krw <= v.ticket_max_krw, {
		path: ['ticket_min_krw'],
		params: { code: 'thesis_ticket_range' },
		error: () => m.thesis_error_ticket_range()
	});
export type ThesisInput = z.infer<typeof thesisSchema>;

export const newDaySchema = z
	.object({
		title: z.string().trim().min(1).max(200),
		starts_at: z.coerce.date(),
		ends_at: z.coerce.date(),
		slot_minutes: z.coerce.number().int().min(10).max(120),
		location: z.string().trim().max(300).default(''),
		online: z.boolean().default(false),
		picks_close_at: z.coerce.date(),
		startups: many(z.uuid()),
		investors: many(z.uuid())
	})
	.refine((v) => v.ends_at > v.starts_at && v.picks_close_at <= v.starts_at, { path: ['ends_at'] });
export type NewDayInput = z.infer<typeof newDaySchema>;

export const pickSchema = z.object({ org_id: z.uuid(), picked_org_id: z.uuid() });
