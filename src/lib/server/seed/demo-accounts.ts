// One demo sign-in per role, all with DEMO_PASSWORD; the README lists this table.
import type { MemberRole } from '../db/types';

export const DEMO_PASSWORD = 'medcluster-demo-2026';

/** The demo operator's TOTP key (base32, as authenticator apps take it); the README prints it. */
export const DEMO_OPERATOR_TOTP_KEY = 'MEDCLUSTERDEMOTOTPKEYTWOZEROTWOS';

export type DemoAccount = {
	/** What the account shows off, for the README's table. */
	role: string;
	email: string;
	name: string;
	org: string;
	membership: MemberRole;
	isOperator: boolean;
};

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
	{
		role: 'operator',
		email: 'operator@medcluster.example',
		name: '한서연',
		org: 'medcluster-alliance',
		membership: 'owner',
		isOperator: true
	},
	{
		role: 'startup member',
		email: 'startup@medcluster.example',
		name: '이도윤',
		org: 'pulsewise',
		membership: 'member',
		isOperator: false
	},
	{
		role: 'startup org admin',
		email: 'startup-admin@medcluster.example',
		name: '박지호',
		org: 'pulsewise',
		membership: 'owner',
		isOperator: false
	},
	{
		// Wonju MTV runs the IoMT Open Lab and the Digital Healthcare Mobile Lab.
		role: 'facility manager',
		email: 'facility@medcluster.example',
		name: '최유진',
		org: 'wonju-mtv',
		membership: 'member',
		isOperator: false
	},
	{
		// Wonju MTV is also the course provider: it trains employees, founders and students.
		role: 'course manager',
		email: 'courses@medcluster.example',
		name: '정하늘',
		org: 'wonju-mtv',
		membership: 'member',
		isOperator: false
	},
	{
		role: 'investor',
		email: 'investor@medcluster.example',
		name: '윤재원',
		org: 'hanbit-medical-ventures',
		membership: 'member',
		isOperator: false
	},
	{
		role: 'investor org admin',
		email: 'investor-admin@medcluster.example',
		name: '오세린',
		org: 'hanbit-medical-ventures',
		membership: 'admin',
		isOperator: false
	},
	{
		role: 'hospital staff',
		email: 'hospital@medcluster.example',
		name: '강민서',
		org: 'wonju-severance',
		membership: 'member',
		isOperator: false
	},
	{
		role: 'owner of a pending organisation',
		email: 'pending@medcluster.example',
		name: '임태양',
		org: 'cognify-health',
		membership: 'owner',
		isOperator: false
	},
	{
		// Reviews programme calls (the smart-factory call is closed and in review); ETRI supports G-Valley firms.
		role: 'programme reviewer',
		email: 'reviewer@medcluster.example',
		name: '오세린',
		org: 'etri',
		membership: 'member',
		isOperator: false
	}
];
