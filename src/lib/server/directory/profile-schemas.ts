// The inputs an org admin (profile, products), a person (directory listing) and a visitor (contact) send.
import { z } from 'zod';
import { text as cleanText } from '$lib/server/http/text';
import * as m from '$lib/paraglide/messages';
import { regionField } from './region-schema';

const text = (max: number) => cleanText().trim().max(max).default('');
/** A checkbox: present ('on', 'true', '1') means true, absent means false. */
const checkbox = z
	.string()
	.default('')
	.transform((v) => v === 'on' || v === 'true' || v === '1');
/** A repeated form field arrives as a string when only one box is ticked. */
const idList = z.preprocess(
	(v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
	z.array(z.uuid()).max(60)
);

export const MAX_CERTIFICATIONS = 15;
export const MAX_CERTIFICATION_LENGTH = 60;

/** "ISO 13485, GMP" → ['ISO 13485', 'GMP']: trimmed, blanks dropped, duplicates removed. */
export function splitCertifications(value: string): string[] {
	const seen = new Set<string>();
	for (const part of value.split(/[,\n]/)) {
		const item = part.trim().replace(/\s+/g, ' ');
		if (item) seen.add(item);
	}
	return [...seen];
}

const certifications = z
	.string()
	.max(2000)
	.default('')
	.transform(splitCertifications)
	.superRefine((list, ctx) => {
		if (list.length > MAX_CERTIFICATIONS)
			ctx.addIssue({ code: 'custom', message: m.profile_certifications_too_many({ max: String(MAX_CERTIFICATIONS) }) });
		const long = list.find((item) => item.length > MAX_CERTIFICATION_LENGTH);
		if (long)
			ctx.addIssue({
				code: 'custom',
				message: m.profile_certification_too_long({ max: String(MAX_CERTIFICATION_LENGTH), name: long.slice(0, 24) })
			});
	});

export const employeeRange = z.enum(['1-10', '11-50', '51-200', '201-1000', '1000+']);

export const profileSchema = z.object({
	nameKo: cleanText().trim().min(2).max(120),
	nameEn: cleanText().trim().min(2).max(120),
	summaryKo: text(200),
	summaryEn: text(200),
	descriptionKo: text(10000),
	descriptionEn: text(10000),
	region: regionField(),
	addressKo: text(200),
	addressEn: text(200),
	// Only https: the link is shown to every visitor.
	website: z
		.string()
		.trim()
		.max(200)
		.default('')
		.transform((v) => v || null)
		.pipe(z.url({ protocol: /^https$/ }).nullable()),
	foundedYear: z
		.string()
		.trim()
		.default('')
		.transform((v) => (v ? Number(v) : null))
		.pipe(
			z
				.number()
				.int()
				.min(1800)
				.max(new Date().getFullYear() + 1)
				.nullable()
		),
	employeeRange: z
		.string()
		.default('')
		.transform((v) => v || null)
		.pipe(employeeRange.nullable()),
	certifications,
	terms: idList,
	lookingForPartners: checkbox,
	raisingInvestment: checkbox
});
export type ProfileInput = z.output<typeof profileSchema>;

export const previewSchema = z.object({ descriptionKo: text(10000), descriptionEn: text(10000) });

export const mfdsStatus = z.enum(['none', 'in_review', 'approved']);
export const fdaPathway = z.enum(['none', '510k', 'de_novo', 'pma']);
export const fdaStatus = z.enum(['none', 'in_review', 'cleared']);
export const ceClass = z.enum(['none', 'I', 'IIa', 'IIb', 'III']);
export const clinicalStage = z.enum(['none', 'pilot', 'pivotal', 'completed', 'post_market']);

export const productSchema = z
	.object({
		nameKo: cleanText().trim().min(1).max(120),
		nameEn: cleanText().trim().min(1).max(120),
		summaryKo: text(300),
		summaryEn: text(300),
		mfdsClass: z
			.string()
			.default('')
			.transform((v) => (v ? Number(v) : null))
			.pipe(z.number().int().min(1).max(4).nullable()),
		mfdsStatus: mfdsStatus.default('none'),
		mfdsApprovalNo: z
			.string()
			.trim()
			.max(60)
			.default('')
			.transform((v) => v || null),
		fdaPathway: fdaPathway.default('none'),
		fdaStatus: fdaStatus.default('none'),
		ceClass: ceClass.default('none'),
		clinicalStage: clinicalStage.default('none')
	})
	// The database checks the MFDS rule too; here it becomes a message beside the right field.
	.superRefine((p, ctx) => {
		if (p.mfdsStatus !== 'approved') return;
		if (p.mfdsClass === null)
			ctx.addIssue({ code: 'custom', path: ['mfdsClass'], message: m.product_mfds_class_required() });
		if (p.mfdsApprovalNo === null)
			ctx.addIssue({ code: 'custom', path: ['mfdsApprovalNo'], message: m.product_mfds_approval_no_required() });
	});
export type ProductInput = z.output<typeof productSchema>;

export const productIdSchema = z.object({ productId: z.uuid() });
export const productUpdateSchema = z.intersection(productIdSchema, productSchema);

export const listingSchema = z.object({
	title: text(80),
	expertise: text(300),
	directoryListed: checkbox
});
export type ListingInput = z.output<typeof listingSchema>;

export const contactSchema = z.object({
	subject: cleanText().trim().min(2).max(120),
	message: cleanText().trim().min(10).max(3000)
});
export type ContactInput = z.output<typeof contactSchema>;
