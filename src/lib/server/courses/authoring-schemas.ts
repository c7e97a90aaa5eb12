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

/** A course's address in the API: what slugBase makes (a malformed one is simply no course: 404). */
export const courseSlugParam = z
	.string()
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
	.max(80);

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

/** Form posts send checkboxes as one string or several; an empty hours box means "not stated". */
const fromForm = (raw: unknown) => {
	const input = { ...(raw as Record<string, unknown>) };
	const audiences = input.audiences;
	input.audiences = audiences === undefined ? [] : Array.isArray(audiences) ? audiences : [audiences];
	if (input.hours === '' || input.hours === undefined) input.hours = null;
	return input;
};

/** The "new course" form: every field of a course, the provider chosen among the reader's organisations. */
export const courseForm = z.preprocess(fromForm, courseInputSchema);

/** The edit form: every field but the provider (the state has its own buttons). */
export const courseDetailsForm = z.preprocess(fromForm, courseInputSchema.omit({ providerOrgId: true }));

/** The state buttons of the edit page. */
export const courseStateForm = z.object({ state: z.enum(['draft', 'published', 'archived']) });
