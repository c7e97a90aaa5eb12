// The courses' entries in the OpenAPI document (spread into `operations` in api/openapi.ts).
import { z } from 'zod';
import type { Operation } from '../api/operation';
import { authoredCourseSchema, courseInputSchema, coursePatchSchema, courseSlugParam } from './authoring-schemas';
import {
	catalogueQuery,
	certificateSchema,
	cohortSchema,
	courseSchema,
	enrolmentResultSchema,
	enrolmentSchema,
	idParam
} from './schemas';

const tags = ['courses'];

export const coursesOperations: Operation[] = [
	{
		method: 'post',
		path: '/courses',
		operationId: 'createCourse',
		summary: 'Create a course (a draft, outside the catalogue) for a provider organisation the caller administers',
		tags,
		auth: 'required',
		body: courseInputSchema,
		responses: {
			201: { description: 'The draft course, with its generated unique slug', schema: authoredCourseSchema },
			400: { description: 'Invalid input' },
			401: { description: 'Not signed in' },
			403: { description: 'Not an owner or admin of the provider organisation' }
		}
	},
	{
		method: 'patch',
		path: '/courses/{slug}',
		operationId: 'updateCourse',
		summary: 'Change a course the caller manages, and its state: draft → published → archived (→ draft)',
		tags,
		auth: 'required',
		pathParams: { slug: courseSlugParam },
		body: coursePatchSchema,
		responses: {
			200: { description: 'The course', schema: authoredCourseSchema },
			400: { description: 'Invalid input' },
			401: { description: 'Not signed in' },
			403: { description: '`not_course_manager`' },
			404: { description: 'No such course' },
			409: { description: '`cauth_state_invalid` (a skipped step)' }
		}
	},
	{
		method: 'delete',
		path: '/courses/{slug}',
		operationId: 'deleteCourse',
		summary: 'Delete a course the caller manages that has no cohorts (one with cohorts keeps its history: archive it)',
		tags,
		auth: 'required',
		pathParams: { slug: courseSlugParam },
		responses: {
			200: { description: 'Deleted', schema: z.object({ deleted: z.literal(true), slug: z.string() }) },
			401: { description: 'Not signed in' },
			403: { description: '`not_course_manager`' },
			404: { description: 'No such course' },
			409: { description: '`cauth_has_cohorts`' }
		}
	},
	{
		method: 'get',
		path: '/courses',
		operationId: 'listCourses',
		summary: 'The course catalogue, filtered; each course with its next meeting and the seats left in open cohorts',
		tags,
		auth: 'optional',
		query: catalogueQuery.shape,
		responses: { 200: { description: 'The courses', schema: z.object({ courses: z.array(courseSchema) }) } }
	},
	{
		method: 'get',
		path: '/cohorts/{id}',
		operationId: 'getCohort',
		summary: 'One cohort: capacity, seats left, waitlist length, enrolment window and meetings',
		tags,
		auth: 'optional',
		pathParams: { id: idParam },
		responses: { 200: { description: 'The cohort', schema: cohortSchema }, 404: { description: 'No such cohort' } }
	},
	{
		method: 'post',
		path: '/cohorts/{id}/enrolments',
		operationId: 'enrolInCohort',
		summary: 'Enrol the caller: `enrolled`, or `waitlisted` with the position in the queue',
		tags,
		auth: 'required',
		pathParams: { id: idParam },
		responses: {
			201: { description: "Enrolled, waitlisted, or awaiting the employer's approval", schema: enrolmentResultSchema },
			401: { description: 'Not signed in' },
			403: { description: '`org_not_verified` or `prerequisite_missing` (names the courses)' },
			404: { description: 'No such cohort' },
			409: { description: '`already_enrolled`, `enrolment_closed`, or `cohort_full` (no waitlist)' }
		}
	},
	{
		method: 'delete',
		path: '/enrolments/{id}',
		operationId: 'cancelEnrolment',
		summary:
			'Cancel an enrolment, leave the waitlist or decline an offer (the trainee or a course manager); a freed seat is offered to the next person',
		tags,
		auth: 'required',
		pathParams: { id: idParam },
		responses: {
			200: { description: 'The cancelled enrolment', schema: enrolmentSchema },
			404: { description: 'No such enrolment, or not yours' },
			409: { description: '`invalid_state`' }
		}
	},
	{
		method: 'get',
		path: '/certificates/{serial}',
		operationId: 'verifyCertificate',
		summary: 'Public verification of a certificate: holder, course, dates, and whether it is valid now',
		tags,
		auth: 'optional',
		pathParams: { serial: z.string().max(40) },
		responses: {
			200: { description: 'The certificate', schema: certificateSchema },
			404: { description: 'No certificate has this serial' }
		}
	}
];
