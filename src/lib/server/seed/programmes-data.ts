// Demo programme calls: G-Valley's Jump-Up (open now), the MFDS/MSS smart-factory call (closed, in
// review) and a past Wonju commercialisation call with its selected companies.
import type { Criterion, Eligibility, Question } from '../db/programmes-types';

export type DemoApplication = {
	org: string;
	status: 'submitted' | 'selected' | 'reserve' | 'declined';
	reason?: string;
	project: string;
};
export type DemoCall = {
	key: string;
	org: string;
	title: [ko: string, en: string];
	description: [ko: string, en: string];
	field: string | null;
	region: string;
	budget: number;
	places: number;
	voucher: number;
	/** Days from now, or fixed instants for the past call. */
	opens: number | string;
	closes: number | string;
	ends: number | string;
	eligibility: Eligibility;
	questions: Question[];
	rubric: Criterion[];
	reviewers: string[];
	applications: DemoApplication[];
	/** Submitted reviews: reviewer e-mail → application org → scores per criterion. */
	reviews?: Record<string, Record<string, Record<string, number>>>;
};

const q = (
	id: string,
	kind: Question['kind'],
	ko: string,
	en: string,
	required = true,
	options?: string[]
): Question => ({ id, kind, label_ko: ko, label_en: en, required, ...(options ? { options } : {}) });
const c = (id: string, ko: string, en: string, weight: number): Criterion => ({
	id,
	label_ko: ko,
	label_en: en,
	weight
});

const PROJECT_FORM = [
	q('q0', 'short_text', '과제명', 'Project title'),
	q('q1', 'long_text', '과제 개요와 기대 효과', 'Project summary and expected results'),
	q('q2', 'number', '상시 근로자 수', 'Full-time employees'),
	q('q3', 'choice', '희망 지원 분야', 'Support wanted', true, [
		'진단+컨설팅 / Diagnosis + consulting',
		'시제품 고도화 / Prototype upgrade',
		'인허가 전략 / Regulatory strategy'
	]),
	q('q4', 'file', '사업계획서 (PDF)', 'Business plan (PDF)')
];
const RUBRIC = [
	c('c0', '기술성', 'Technology', 3),
	c('c1', '사업성', 'Market potential', 2),
	c('c2', '실행 가능성', 'Feasibility', 2),
	c('c3', '팀 역량', 'Team', 1)
];

export const DEMO_CALLS: DemoCall[] = [
	{
		key: 'g-valley-jump-up',
		org: 'kisti',
		title: ['2027 G밸리 의료IT 점프업(Jump-Up) 지원사업', '2027 G-Valley Medical-IT Jump-Up programme'],
		description: [
			'구로 G밸리의 의료IT 기업 약 20개 과제를 선정해 5개월 동안 기술 진단과 전문가 컨설팅(인허가, 임상, 사업화)을 지원합니다. KISTI와 ETRI가 함께 운영합니다. 총 사업비 9천만 원.',
			'About 20 projects of medical-IT companies in Guro G-Valley get a technology diagnosis and expert consulting (approval, clinical, commercialisation) over five months, run with KISTI and ETRI. Total budget 90 million won.'
		],
		field: 'medical-ai',
		region: 'Seoul (Guro G-Valley)',
		budget: 90_000_000,
		places: 20,
		voucher: 4_500_000,
		opens: -10,
		closes: 21,
		ends: 180,
		eligibility: { orgKinds: ['company'], verifiedOnly: true, maxEmployees: 200, notSelectedInProgramme: true },
		questions: PROJECT_FORM,
		rubric: RUBRIC,
		reviewers: ['reviewer@medcluster.example', 'narae.yoo@ktl.example'],
		applications: [
			{
				org: 'lumenscan-ai',
				status: 'submitted',
				project: 'AI 흉부 X선 판독 보조 고도화 / Chest X-ray triage upgrade'
			},
			{
				org: 'medgrid-cloud',
				status: 'submitted',
				project: '병원 데이터 보안 게이트웨이 / Hospital data security gateway'
			}
		]
	},
	{
		key: 'medical-smart-factory',
		org: 'mfds',
		title: [
			'2026 의료기기 스마트공장 구축 지원 (식약처·중기부)',
			'2026 Smart factories for medical-device makers (MFDS and MSS)'
		],
		description: [
			'식약처와 중소벤처기업부가 의료기기 제조기업의 스마트공장 구축(공정 데이터 수집, GMP 전자 기록)을 지원합니다. 접수가 마감되어 심사 중입니다.',
			'MFDS and the Ministry of SMEs and Startups fund smart factories for medical-device makers (process data capture, electronic GMP records). Applications are closed and under review.'
		],
		field: 'surgical-devices',
		region: '',
		budget: 500_000_000,
		places: 2,
		voucher: 0,
		opens: -45,
		closes: -5,
		ends: 200,
		eligibility: { orgKinds: ['company'], verifiedOnly: true, minMfdsStage: 'approved' },
		questions: PROJECT_FORM,
		rubric: RUBRIC,
		reviewers: ['reviewer@medcluster.example', 'narae.yoo@ktl.example'],
		applications: [
			{
				org: 'hanul-medical',
				status: 'submitted',
				project: '환자감시장치 조립 라인 MES / MES for the patient-monitor line'
			},
			{
				org: 'daesung-surgical',
				status: 'submitted',
				project: '수술기구 가공 공정 데이터 수집 / Process data for surgical instruments'
			},
			{
				org: 'ortho3d-works',
				status: 'submitted',
				project: '3D 프린팅 임플란트 전자 배치 기록 / Electronic batch records for 3D-printed implants'
			},
			{
				org: 'spinecraft-3d',
				status: 'submitted',
				project: '척추 케이지 품질 검사 자동화 / Automated inspection of spinal cages'
			}
		],
		reviews: {
			'narae.yoo@ktl.example': {
				'hanul-medical': { c0: 4, c1: 5, c2: 4, c3: 4 },
				'daesung-surgical': { c0: 3, c1: 3, c2: 4, c3: 3 },
				'ortho3d-works': { c0: 5, c1: 4, c2: 4, c3: 5 },
				'spinecraft-3d': { c0: 3, c1: 2, c2: 3, c3: 4 }
			}
		}
	},
	{
		key: 'wonju-commercialisation',
		org: 'wonju-mtv',
		title: ['2026 원주 디지털헬스 사업화 지원', '2026 Wonju digital-health commercialisation support'],
		description: [
			'원주의료기기테크노밸리가 디지털헬스 기업 3곳의 사업화(인허가 컨설팅, 임상 설계, 해외 전시)를 지원했습니다.',
			'Wonju Medical Industry Techno Valley supported three digital-health companies in commercialisation (approval consulting, clinical design, trade shows).'
		],
		field: 'samd',
		region: 'Gangwon (Wonju)',
		budget: 150_000_000,
		places: 3,
		voucher: 0,
		opens: '2026-03-02T09:00:00+09:00',
		closes: '2026-04-01T18:00:00+09:00',
		// Applications closed long ago; the support (vouchers, consulting) runs on for two months from seeding.
		ends: 60,
		eligibility: { orgKinds: ['company'], verifiedOnly: true },
		questions: PROJECT_FORM.filter((x) => x.kind !== 'file'),
		rubric: RUBRIC,
		reviewers: ['narae.yoo@ktl.example'],
		applications: [
			{
				org: 'pulsewise',
				status: 'selected',
				project: '심방세동 선별 SaMD 확증 임상 / Pivotal study of the AF-screening SaMD'
			},
			{ org: 'medisense-iot', status: 'selected', project: '병동 IoMT 센서 인증 / Certifying ward IoMT sensors' },
			{
				org: 'rehabotics',
				status: 'selected',
				project: '상지 재활 로봇 사용적합성 / Usability of the upper-limb rehab robot'
			},
			{
				org: 'hanul-medical',
				status: 'declined',
				reason: '디지털헬스 분야가 아닌 설비 투자 과제입니다. / An equipment investment, not a digital-health project.',
				project: '제세동기 생산 설비 / Defibrillator production equipment'
			}
		]
	}
];
