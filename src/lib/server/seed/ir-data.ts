// The demo IR sessions: upcoming ones with registrations (one with an NDA and a deck, one starting
// within the hour so a demo can go live), a cancelled one, and past ones with a full live record.
import type { IrAccess } from '../db/ir-types';
import type { IrQuestionStatus } from '../db/ir-live-types';

export type DemoIrSession = {
	org: string;
	title: [string, string];
	summary: [string, string];
	/** Minutes from the seed's "now" (rounded): negative for past sessions. */
	startsInMinutes: number;
	duration: number;
	access: IrAccess;
	nda?: { version: string; text: string };
	deck?: string;
	presenters: string[];
	moderator: string;
	registrants: string[];
	cancelled?: string;
	/** Past sessions: who came (watch minutes), the peak, chat and questions. */
	past?: {
		attended: [email: string, minutes: number][];
		peak: number;
		chat: [email: string, body: string][];
		questions: [email: string, body: string, status: IrQuestionStatus, voters: string[]][];
		meeting?: { requester: string; org: string; message: string };
	};
};

const OPERATOR = 'operator@medcluster.example';
const INVESTOR = 'investor@medcluster.example';
const NDA_TEXT = `본 세션에서 공개되는 재무 정보, 임상 데이터, 제품 로드맵은 비밀 정보입니다. 참석자는 이를 투자 검토 외의 목적으로 사용하거나 제3자에게 공개하지 않습니다.

Financial information, clinical data and product roadmaps shown in this session are confidential. Attendees use them only to evaluate an investment and disclose them to no third party.`;

export const DEMO_IR_SESSIONS: DemoIrSession[] = [
	{
		org: 'pulsewise',
		title: ['펄스와이즈 시리즈 A: 스마트워치 심방세동 선별 SaMD', 'Pulsewise Series A: smartwatch AF screening SaMD'],
		summary: [
			'**펄스와이즈**는 스마트워치 PPG 신호로 심방세동을 선별하는 소프트웨어 의료기기를 개발합니다.\n\n- 원주세브란스기독병원 임상 검증 진행 중\n- 식약처 2등급 허가 심사 중\n- 시리즈 A 40억 원 모집',
			'**Pulsewise** builds software that screens for atrial fibrillation from smartwatch PPG signals.\n\n- Clinical validation under way with Wonju Severance\n- MFDS class II review in progress\n- Raising a KRW 4bn Series A'
		],
		startsInMinutes: 3 * 24 * 60 + 5 * 60,
		duration: 60,
		access: 'investors',
		nda: { version: '2026-11 v1', text: NDA_TEXT },
		deck: 'Pulsewise-Series-A.pdf',
		presenters: ['startup-admin@medcluster.example', 'haeun.moon@pulsewise.example'],
		moderator: OPERATOR,
		registrants: [INVESTOR, 'chaewon.lee@bluepeak-health-capital.example', 'sungmin.park@k-medtech-accelerator.example']
	},
	{
		org: 'lumenscan-ai',
		title: ['루멘스캔 AI: 흉부 X선 AI 판독 보조 사업화 전략', 'LumenScan AI: commercialising AI chest X-ray triage'],
		summary: [
			'흉부 X선 응급 소견을 우선 판독하도록 돕는 AI의 병원 도입 사례와 수가 전략을 소개합니다.',
			'How hospitals adopt our AI that puts urgent chest X-ray findings first, and our reimbursement plan.'
		],
		startsInMinutes: 40,
		duration: 45,
		access: 'members',
		presenters: ['hyunseok.lee@lumenscan-ai.example'],
		moderator: OPERATOR,
		registrants: [INVESTOR, 'startup@medcluster.example', 'sohee.kim@hanbit-medical-ventures.example']
	},
	{
		org: 'neurocare-dtx',
		title: [
			'뉴로케어 DTx: 불면증 디지털 치료제 공개 IR',
			'NeuroCare DTx: open pitch of an insomnia digital therapeutic'
		],
		summary: [
			'인지행동치료 기반 불면증 디지털 치료제의 확증 임상 결과와 해외 진출 계획을 공유합니다.',
			'Pivotal trial results of our CBT-based insomnia therapeutic and our plans abroad.'
		],
		startsInMinutes: 10 * 24 * 60 + 2 * 60,
		duration: 90,
		access: 'open',
		presenters: ['soyeon.park@neurocare-dtx.example'],
		moderator: 'soyeon.park@neurocare-dtx.example',
		registrants: ['ethan.park@bluepeak-health-capital.example']
	},
	{
		org: 'ortho3d-works',
		title: ['오르소3D웍스: 3D 프린팅 맞춤형 임플란트', 'Ortho3D Works: 3D-printed patient-specific implants'],
		summary: [
			'대구 공동 제조시설에서 생산하는 맞춤형 정형외과 임플란트를 소개합니다.',
			'Patient-specific orthopaedic implants made at the Daegu shared facility.'
		],
		startsInMinutes: 6 * 24 * 60,
		duration: 60,
		access: 'members',
		presenters: ['minho.cho@ortho3d-works.example'],
		moderator: OPERATOR,
		registrants: [INVESTOR],
		cancelled:
			'발표자 일정 변경으로 취소합니다. 새 일정은 곧 공지합니다. / Cancelled because the presenter is unavailable; a new date follows soon.'
	},
	{
		org: 'vitalpatch',
		title: ['바이탈패치 시드 라운드: 웨어러블 심전도 패치', 'VitalPatch seed round: a wearable ECG patch'],
		summary: [
			'14일 연속 측정 심전도 패치와 원격 판독 서비스를 소개했습니다.',
			'A 14-day continuous ECG patch with remote reading.'
		],
		startsInMinutes: -14 * 24 * 60,
		duration: 60,
		access: 'investors',
		presenters: ['yejun.seo@vitalpatch.example'],
		moderator: OPERATOR,
		registrants: [
			INVESTOR,
			'dohoon.jung@hanbit-medical-ventures.example',
			'chaewon.lee@bluepeak-health-capital.example',
			'ethan.park@bluepeak-health-capital.example',
			'sungmin.park@k-medtech-accelerator.example'
		],
		past: {
			attended: [
				[INVESTOR, 52],
				['dohoon.jung@hanbit-medical-ventures.example', 60],
				['chaewon.lee@bluepeak-health-capital.example', 35],
				['ethan.park@bluepeak-health-capital.example', 20]
			],
			peak: 6,
			chat: [
				[INVESTOR, '안녕하세요, 한빛메디컬벤처스입니다. / Hello from Hanbit Medical Ventures.'],
				['chaewon.lee@bluepeak-health-capital.example', '배터리 수명이 인상적이네요. / Impressive battery life.'],
				['ethan.park@bluepeak-health-capital.example', 'Is the reading service billed per patch?']
			],
			questions: [
				[
					INVESTOR,
					'식약처 허가 일정은 어떻게 되나요? / When do you expect MFDS approval?',
					'answered',
					['dohoon.jung@hanbit-medical-ventures.example', 'chaewon.lee@bluepeak-health-capital.example']
				],
				[
					'ethan.park@bluepeak-health-capital.example',
					'What is the gross margin per patch at 10k units?',
					'answered',
					[INVESTOR]
				],
				[
					'chaewon.lee@bluepeak-health-capital.example',
					'병원 판매 채널은 직판인가요? / Do you sell to hospitals directly?',
					'approved',
					[]
				],
				[
					'dohoon.jung@hanbit-medical-ventures.example',
					'=HYPERLINK("x") 이런 질문도 CSV에서 안전한가요? / Is this safe in the CSV?',
					'dismissed',
					[]
				]
			],
			meeting: {
				requester: INVESTOR,
				org: 'hanbit-medical-ventures',
				message: '시드 라운드 참여를 검토하고 싶습니다. / We would like to discuss joining the seed round.'
			}
		}
	},
	{
		org: 'pulsewise',
		title: ['펄스와이즈 데모데이: 스마트워치 심방세동 선별', 'Pulsewise demo day: smartwatch AF screening'],
		summary: ['얼라이언스 데모데이 발표 세션입니다.', 'Our alliance demo-day pitch.'],
		startsInMinutes: -30 * 24 * 60,
		duration: 30,
		access: 'members',
		presenters: ['startup-admin@medcluster.example'],
		moderator: 'startup-admin@medcluster.example',
		registrants: ['startup@medcluster.example', 'sohee.kim@hanbit-medical-ventures.example', INVESTOR],
		past: {
			attended: [
				['sohee.kim@hanbit-medical-ventures.example', 28],
				[INVESTOR, 15]
			],
			peak: 3,
			chat: [['sohee.kim@hanbit-medical-ventures.example', '발표 잘 들었습니다. / Great pitch.']],
			questions: [
				[
					'sohee.kim@hanbit-medical-ventures.example',
					'민감도와 특이도는요? / What are sensitivity and specificity?',
					'answered',
					[INVESTOR]
				]
			]
		}
	}
];
