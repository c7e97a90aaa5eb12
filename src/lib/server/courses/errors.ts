// Why an enrolment was refused or a change not allowed; the codes map to translated messages.
import { DomainError } from '../errors';

/** The cohort is full and keeps no waitlist. */
export class CohortFullError extends DomainError {
	constructor() {
		super('cohort_full', 409);
	}
}

/** Outside the enrolment window, or the cohort was cancelled. */
export class EnrolmentClosedError extends DomainError {
	constructor() {
		super('enrolment_closed', 409);
	}
}

export class AlreadyEnrolledError extends DomainError {
	constructor() {
		super('already_enrolled', 409);
	}
}

/** Names the prerequisite courses still missing, in both languages. */
export class PrerequisiteMissingError extends DomainError {
	constructor(missing: { title_ko: string; title_en: string }[]) {
		super('prerequisite_missing', 403, {
			courses: missing.map((c) => c.title_ko).join(', '),
			courses_en: missing.map((c) => c.title_en).join(', ')
		});
	}
}

export class OfferExpiredError extends DomainError {
	constructor() {
		super('offer_expired', 409);
	}
}

export class NotCourseManagerError extends DomainError {
	constructor() {
		super('not_course_manager', 403);
	}
}

/** A check-in code that is not the current (or the previous) one of this meeting. */
export class CheckInTokenInvalidError extends DomainError {
	constructor() {
		super('check_in_token_invalid', 403);
	}
}

/** Self check-in is open from shortly before a meeting starts until it ends. */
export class MeetingNotInProgressError extends DomainError {
	constructor() {
		super('meeting_not_in_progress', 409);
	}
}

export class NotEnrolledError extends DomainError {
	constructor() {
		super('not_enrolled', 403);
	}
}

/** A capacity below the seats already held: refused, never silently over capacity. */
export class CapacityBelowSeatsError extends DomainError {
	constructor(held: number, capacity: number) {
		super('cohort_edit_capacity_below_seats', 409, { held, capacity });
	}
}

/** A cancelled cohort is not edited, cancelled again or enrolled in. */
export class CohortCancelledError extends DomainError {
	constructor() {
		super('cohort_edit_cancelled', 409);
	}
}

/** A meeting that ends before it starts, or does not belong to the cohort. */
export class MeetingInvalidError extends DomainError {
	constructor() {
		super('cohort_edit_meeting_invalid', 422);
	}
}

export class SelfPrerequisiteError extends DomainError {
	constructor() {
		super('course_edit_self_prerequisite', 422);
	}
}

/** The new prerequisites would make a course (indirectly) its own prerequisite; names the chain. */
export class PrerequisiteCycleError extends DomainError {
	constructor(chain: { title_ko: string; title_en: string }[]) {
		super('course_edit_prerequisite_cycle', 422, {
			chain: chain.map((c) => c.title_ko).join(' → '),
			chain_en: chain.map((c) => c.title_en).join(' → ')
		});
	}
}

/** A course with cohorts keeps its history: it is archived, never deleted. */
export class CourseHasCohortsError extends DomainError {
	constructor() {
		super('cauth_has_cohorts', 409);
	}
}

/** Only draft → published → archived (and back from archived to draft). */
export class CourseStateError extends DomainError {
	constructor() {
		super('cauth_state_invalid', 409);
	}
}

export class SurveyNotCompletedError extends DomainError {
	constructor() {
		super('survey_not_completed', 403);
	}
}

export class SurveyAlreadyAnsweredError extends DomainError {
	constructor() {
		super('survey_already_answered', 409);
	}
}
