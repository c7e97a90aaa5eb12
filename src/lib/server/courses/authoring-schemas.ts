// What a course manager submits for a course (form and API share it).
import { z } from 'zod';
import {
	COURSE_AUDIENCES,
	COURSE_CATEGORIES,
	COURSE_FORMATS,
	COURSE_LANGUAGES,
	COURSE_LEVELS
} from '../db/courses-types';

const text = (max: number) => z.string().trim().max(max);

export const courseInputSchema = z.object({
	providerOrgId: z.string().uuid(),
	category: z.enum(COURSE_CATEGORIES),
	audiences: z.array(z.enum(COURSE_AUDIENCES)).min(1),
	level: z.enum(COURSE_LEVELS),
	format: z.enum(COURSE_FORMATS),
	language: z.enum(COURSE_LANGUAGES),
	titleKo: text(200).min(1),
	titleEn: text(200).min(1),
	summaryKo: text(1000).default(''),
	summaryEn: text(1000).default(''),
	/** Markdown; rendered through the markdown module, which sanitises it. */
	syllabusKo: text(20000).default(''),
	syllabusEn: text(20000).default(''),
	hours: z.coerce.number().positive().max(9999).nullable().default(null)
});
export type CourseInput = z.infer<typeof courseInputSchema>;

/** A PATCH changes any field but the provider. */
export const coursePatchSchema = courseInputSchema
	.omit({ providerOrgId: true })
	.partial()
	.extend({
		state: z.enum(['draft', 'published', 'archived']).optional()
	});
export type CoursePatch = z.infer<typeof coursePatchSchema>;

export const SURVEY_QUESTIONS = ['content', 'instructor', 'materials', 'usefulness'] as const;
const rating = z.coerce.number().int().min(1).max(5);
export const surveyAnswerSchema = z.object({
	content: rating,
	instructor: rating,
	materials: rating,
	usefulness: rating,
	comment: text(2000).default('')
});
export type SurveyAnswer = z.infer<typeof surveyAnswerSchema>;

/** What POST/PATCH /api/v1/courses answer: the course as its manager sees it, state included. */
export const authoredCourseSchema = z.object({
	id: z.string().uuid(),
	slug: z.string(),
	state: z.enum(['draft', 'published', 'archived']),
	category: z.enum(COURSE_CATEGORIES),
	audiences: z.array(z.enum(COURSE_AUDIENCES)),
	level: z.enum(COURSE_LEVELS),
	format: z.enum(COURSE_FORMATS),
	language: z.enum(COURSE_LANGUAGES),
	titleKo: z.string(),
	titleEn: z.string(),
	hours: z.number().nullable()
});
