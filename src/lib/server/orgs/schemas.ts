import { z } from 'zod';
import { text } from '$lib/server/http/text';
import { email } from '../auth/schemas';
import { regionField } from '../directory/region-schema';

export const orgKind = z.enum(['company', 'hospital', 'agency', 'university', 'investor']);
export const memberRole = z.enum(['owner', 'admin', 'member']);

const optionalText = (max: number) => text().trim().max(max).default('');

export const createOrganizationSchema = z.object({
	slug: text()
		.trim()
		.toLowerCase()
		.min(3)
		.max(60)
		.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
	kind: orgKind,
	nameKo: text().trim().min(2).max(120),
	nameEn: text().trim().min(2).max(120),
	summaryKo: optionalText(200),
	summaryEn: optionalText(200),
	region: regionField(),
	website: z
		.string()
		.trim()
		.max(200)
		.transform((v) => v || null)
		.pipe(z.url({ protocol: /^https?$/ }).nullable()),
	foundedYear: z
		.string()
		.trim()
		.transform((v) => (v ? Number(v) : null))
		.pipe(z.number().int().min(1800).max(2100).nullable())
});

export const joinRequestSchema = z.object({ message: optionalText(500) });
export const decideJoinSchema = z.object({ requestId: z.uuid(), decision: z.enum(['accept', 'refuse']) });
export const inviteSchema = z.object({ email, role: z.enum(['admin', 'member']) });
export const memberRoleSchema = z.object({ userId: z.uuid(), role: memberRole });
export const memberSchema = z.object({ userId: z.uuid() });
export const invitationIdSchema = z.object({ invitationId: text().regex(/^inv_[a-z0-9]{8,64}$/) });
