// Which requests a session may make before it has passed a second factor. Operators must have one
// before any /admin page or action; organisations may demand one of their members everywhere.
import type { Session, TwoFactorStatus } from './session';
import { ENROL_PATH } from '../http/second-factor';

export { ENROL_PATH };

/** Paths open to a signed-in user who still has to set up a second factor. */
const OPEN_WHILE_ENROLLING = [ENROL_PATH, '/login', '/logout', '/language', '/healthz', '/readyz'];

const under = (pathname: string, base: string) => pathname === base || pathname.startsWith(`${base}/`);

export const isAdminPath = (pathname: string) => under(pathname, '/admin');

/**
 * `pass`: go on. `pending`: the user has a second factor (TOTP or a passkey) this session has not
 * passed yet, so it counts as signed out until /login/two-factor. `enrol`: this path needs a second factor the user has not set up
 * (or, for operators' sessions from before enrolment, not passed).
 */
export function secondFactorGate(input: {
	pathname: string;
	session: Session;
	twoFactor: TwoFactorStatus;
	isOperator: boolean;
}): 'pass' | 'pending' | 'enrol' {
	const { pathname, session, twoFactor, isOperator } = input;
	if (session.twoFactorVerified) return 'pass';
	if (twoFactor.enrolled) return 'pending';
	if (OPEN_WHILE_ENROLLING.some((base) => under(pathname, base))) return 'pass';
	if (isOperator && isAdminPath(pathname)) return 'enrol';
	if (twoFactor.requiredByOrg) return 'enrol';
	return 'pass';
}
