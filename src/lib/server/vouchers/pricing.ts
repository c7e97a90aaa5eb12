// What testbed time costs. An organisation pays the member rate while it is a verified member of the
// alliance (the testbed lets only verified organisations book), the non-member rate otherwise (an
// organisation whose verification was later withdrawn).
import type { OrgStatus } from '../db/types';

export const isAllianceMember = (status: OrgStatus) => status === 'verified';

export const hourlyRate = (resource: { member_rate_krw: number; nonmember_rate_krw: number }, member: boolean) =>
	member ? resource.member_rate_krw : resource.nonmember_rate_krw;

/** Whole won: minutes × hourly rate / 60, rounded half up. */
export const priceOf = (minutes: number, rateKrw: number) => Math.round((minutes * rateKrw) / 60);

export const minutesBetween = (start: Date, end: Date) => Math.round((end.getTime() - start.getTime()) / 60_000);
