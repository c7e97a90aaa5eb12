// The demo course catalogue: what the alliance's agencies and universities teach. Upserted by slug.
import type { CourseAudience, CourseCategory, CourseFormat, CourseLanguage, CourseLevel } from '../db/courses-types';

export type SeedCourse = {
	slug: string;
	provider: string;
	category: CourseCategory;
	audiences: CourseAudience[];
	level: CourseLevel;
	language: CourseLanguage;
	format: CourseFormat;
	hours: number;
	place: [string, string];
	title: [string, string];
	summary: [string, string];
	syllabus: [string[], string[]];
	prerequisites?: string[];
	credential?: string;
};

const WONJU: [string, string] = [
	'원주의료기기테크노밸리 교육장 (강원 원주시)',
	'Wonju Medical Industry Techno Valley, training room'
];
const ONLINE: [string, string] = ['온라인 (화상 강의)', 'Online (video classes)'];
const DAEGU: [string, string] = [
	'대구 스마트웰니스 규제자유특구 공동제조시설',
	'Daegu smart-wellness zone, shared manufacturing facility'
];

export const SEED_COURSES: SeedCourse[] = [
	{
		slug: 'mfds-approval-basics',
		provider: 'wonju-mtv',
		category: 'regulatory',
		audiences: ['employees', 'founders'],
		level: 'introductory',
		language: 'ko',
		format: 'on_site',
		hours: 12,
		place: WONJU,
		title: ['의료기기 인허가 입문 (식약처)', 'Medical device approval basics (MFDS)'],
		summary: [
			'등급 분류부터 기술문서, 허가·인증·신고 경로까지 식약처 인허가의 전체 흐름을 익힙니다.',
			'The whole MFDS path: classification, technical files, and licence, certification or notification.'
		],
		syllabus: [
			['의료기기 등급 분류와 품목 찾기', '허가·인증·신고 경로 선택', '기술문서 작성 실습', '심사 보완 대응 사례'],
			[
				'Device classes and product codes',
				'Choosing licence, certification or notification',
				'Writing a technical file (workshop)',
				'Answering deficiency letters'
			]
		]
	},
	{
		slug: 'samd-mfds-approval',
		provider: 'wonju-mtv',
		category: 'iomt_samd',
		audiences: ['employees', 'founders'],
		level: 'intermediate',
		language: 'ko',
		format: 'hybrid',
		hours: 16,
		place: WONJU,
		prerequisites: ['mfds-approval-basics'],
		title: ['디지털의료기기(SaMD) 식약처 허가 실무', 'SaMD approval with MFDS in practice'],
		summary: [
			'소프트웨어 의료기기의 사이버보안, 성능 검증, 임상 근거를 허가 서류로 옮기는 방법.',
			'Turning cybersecurity, performance validation and clinical evidence of software devices into an MFDS file.'
		],
		syllabus: [
			['디지털의료제품법 개요', '소프트웨어 생명주기 (IEC 62304)', '사이버보안 요구사항', 'AI 의료기기 성능 평가'],
			[
				'The Digital Medical Products Act',
				'Software life cycle (IEC 62304)',
				'Cybersecurity requirements',
				'Evaluating AI device performance'
			]
		]
	},
	{
		slug: 'fda-510k-strategy',
		provider: 'korea-smart-healthcare-association',
		category: 'regulatory',
		audiences: ['employees', 'founders'],
		level: 'advanced',
		language: 'ko_en',
		format: 'online',
		hours: 10,
		place: ONLINE,
		prerequisites: ['mfds-approval-basics'],
		title: ['FDA 510(k)·De Novo 진출 전략', 'FDA 510(k) and De Novo strategy'],
		summary: [
			'미국 진출을 위한 동등성 비교, Pre-Sub 미팅, 심사 일정 관리.',
			'Predicate comparison, Pre-Sub meetings and review timelines for the US market.'
		],
		syllabus: [
			['510(k), De Novo, PMA 경로 비교', '동등 제품 선정과 비교표', 'Pre-Submission 준비', 'eSTAR 작성'],
			['510(k), De Novo and PMA compared', 'Choosing a predicate', 'Preparing a Pre-Submission', 'Filling in eSTAR']
		]
	},
	{
		slug: 'eu-mdr-ce-marking',
		provider: 'ktl',
		category: 'regulatory',
		audiences: ['employees'],
		level: 'intermediate',
		language: 'ko',
		format: 'online',
		hours: 8,
		place: ONLINE,
		title: ['EU MDR과 CE 인증', 'EU MDR and CE marking'],
		summary: [
			'MDR 등급 규칙, 인증기관 심사, 임상평가보고서(CER) 작성 요령.',
			'MDR classification rules, notified-body audits and the clinical evaluation report.'
		],
		syllabus: [
			['MDR 분류 규칙', '일반 안전 및 성능 요구사항 (GSPR)', '임상평가보고서', '시판 후 감시'],
			[
				'MDR classification rules',
				'General safety and performance requirements',
				'Clinical evaluation report',
				'Post-market surveillance'
			]
		]
	},
	{
		slug: 'iso-13485-qms',
		provider: 'ktl',
		category: 'regulatory',
		audiences: ['employees', 'founders'],
		level: 'introductory',
		language: 'ko',
		format: 'on_site',
		hours: 14,
		place: ['한국산업기술시험원 교육센터 (서울 구로)', 'KTL training centre, Guro, Seoul'],
		title: ['ISO 13485 품질경영시스템 구축', 'Building an ISO 13485 quality system'],
		summary: [
			'GMP 심사를 준비하는 스타트업을 위한 품질문서 체계와 내부 심사.',
			'Quality documents and internal audits for start-ups facing their first GMP audit.'
		],
		syllabus: [
			['ISO 13485:2016 요구사항', '설계 관리와 위험 관리 (ISO 14971)', '문서·기록 관리', '내부 심사 실습'],
			[
				'ISO 13485:2016 requirements',
				'Design controls and risk management (ISO 14971)',
				'Documents and records',
				'Internal audit workshop'
			]
		]
	},
	{
		slug: 'electrical-safety-iec-60601',
		provider: 'ktl',
		category: 'technology',
		audiences: ['employees'],
		level: 'intermediate',
		language: 'ko',
		format: 'on_site',
		hours: 8,
		place: WONJU,
		credential: 'electrical-safety',
		title: ['의료기기 전기안전 시험 (IEC 60601-1)', 'Medical electrical safety testing (IEC 60601-1)'],
		summary: [
			'누설전류, 절연내력 시험 장비를 직접 다루고 시험 성적서를 해석합니다. 수료 시 전기안전 시험 장비 사용 자격이 부여됩니다.',
			'Hands-on leakage-current and dielectric-strength testing and reading test reports. Completing it grants the electrical-safety testing credential.'
		],
		syllabus: [
			['IEC 60601-1 개요', '누설전류 측정 실습', '절연내력 시험 실습', '시험 성적서 해석'],
			['IEC 60601-1 overview', 'Measuring leakage current', 'Dielectric-strength testing', 'Reading test reports']
		]
	},
	{
		slug: '3d-printer-safety',
		provider: 'daegu-smart-wellness',
		category: 'smart_factory',
		audiences: ['employees', 'founders', 'students'],
		level: 'introductory',
		language: 'ko',
		format: 'on_site',
		hours: 4,
		place: DAEGU,
		credential: '3d-printer-safety',
		title: ['3D 프린터 안전 교육', '3D printer safety'],
		summary: [
			'금속 3D 프린팅 공동제조라인을 쓰기 전에 반드시 받아야 하는 안전 교육. 수료 시 24개월간 유효한 사용 자격이 부여됩니다.',
			'The safety training required before using the shared metal 3D-printing line. Completing it grants a credential valid for 24 months.'
		],
		syllabus: [
			['금속 분말 취급과 보호구', '장비 비상 정지와 화재 대응', '후처리 장비 안전', '실습 평가'],
			[
				'Handling metal powder; protective equipment',
				'Emergency stop and fire response',
				'Post-processing equipment safety',
				'Practical assessment'
			]
		]
	},
	{
		slug: 'qbd-smart-factory',
		provider: 'daegu-smart-wellness',
		category: 'smart_factory',
		audiences: ['employees'],
		level: 'advanced',
		language: 'ko',
		format: 'hybrid',
		hours: 16,
		place: DAEGU,
		prerequisites: ['iso-13485-qms'],
		title: ['QbD 기반 의료기기 스마트공장', 'Quality by Design for smart medical-device factories'],
		summary: [
			'공정 데이터로 설계 공간을 정의하고 공정 밸리데이션을 자동화합니다.',
			'Defining design spaces from process data and automating process validation.'
		],
		syllabus: [
			['QbD 개념과 핵심 품질 특성', '실험계획법 (DoE)', '공정 데이터 수집과 MES', '공정 밸리데이션'],
			['QbD and critical quality attributes', 'Design of experiments', 'Process data and MES', 'Process validation']
		]
	},
	{
		slug: 'clinical-trial-design',
		provider: 'wonju-severance',
		category: 'clinical_trials',
		audiences: ['employees', 'founders'],
		level: 'intermediate',
		language: 'ko',
		format: 'on_site',
		hours: 12,
		place: [
			'연세대학교 원주세브란스기독병원 임상시험센터',
			'Yonsei Wonju Severance Christian Hospital, clinical trial centre'
		],
		title: ['의료기기 임상시험 설계', 'Designing medical-device clinical trials'],
		summary: [
			'탐색·확증 임상의 설계, 표본 수 산출, 평가 변수 선정을 병원 연구자와 함께 다룹니다.',
			'Pilot and pivotal study design, sample size and endpoints, with hospital investigators.'
		],
		syllabus: [
			['임상시험계획서 구성', '평가 변수와 표본 수', 'IRB 심의 준비', '식약처 임상시험 승인'],
			['Protocol structure', 'Endpoints and sample size', 'Preparing for the IRB', 'MFDS trial approval']
		]
	},
	{
		slug: 'gcp-for-devices',
		provider: 'samsung-medical-center',
		category: 'clinical_trials',
		audiences: ['employees', 'students'],
		level: 'introductory',
		language: 'ko',
		format: 'online',
		hours: 6,
		place: ONLINE,
		title: ['의료기기 임상시험 관리기준 (GCP)', 'Good clinical practice for device trials'],
		summary: [
			'임상시험 종사자를 위한 GCP 필수 교육 (ISO 14155).',
			'The GCP essentials for people working on device trials (ISO 14155).'
		],
		syllabus: [
			['ISO 14155 개요', '피험자 보호와 동의', '이상사례 보고', '근거 문서 관리'],
			['ISO 14155 overview', 'Subject protection and consent', 'Adverse event reporting', 'Essential documents']
		]
	},
	{
		slug: 'real-world-data-hira',
		provider: 'hira',
		category: 'clinical_trials',
		audiences: ['employees', 'students'],
		level: 'advanced',
		language: 'ko',
		format: 'online',
		hours: 8,
		place: ONLINE,
		title: ['보건의료 빅데이터(RWD) 활용', 'Using real-world health data'],
		summary: [
			'건강보험심사평가원 빅데이터로 시장 규모와 임상 근거를 분석합니다.',
			'Market sizing and clinical evidence from HIRA claims data.'
		],
		syllabus: [
			['심사평가원 데이터 개방 현황', '청구 데이터 구조', '분석 신청과 원격 분석', '사례 실습'],
			['What HIRA opens', 'Claims data structure', 'Applying for remote analysis', 'Case workshop']
		]
	},
	{
		slug: 'reimbursement-new-health-tech',
		provider: 'hira',
		category: 'commercialisation',
		audiences: ['founders', 'employees'],
		level: 'intermediate',
		language: 'ko',
		format: 'hybrid',
		hours: 6,
		place: WONJU,
		title: ['신의료기술평가와 건강보험 등재', 'New health technology assessment and reimbursement'],
		summary: [
			'허가 다음 단계: 신의료기술평가, 혁신의료기술, 보험 등재 전략.',
			'After approval: new health technology assessment, innovative technology tracks and reimbursement listing.'
		],
		syllabus: [
			['신의료기술평가 절차', '혁신의료기술 평가 트랙', '행위·치료재료 등재', '수가 전략'],
			[
				'The assessment procedure',
				'The innovative technology track',
				'Listing procedures and materials',
				'Pricing strategy'
			]
		]
	},
	{
		slug: 'medtech-go-to-market',
		provider: 'k-medtech-accelerator',
		category: 'commercialisation',
		audiences: ['founders'],
		level: 'introductory',
		language: 'ko',
		format: 'on_site',
		hours: 10,
		place: ['G밸리 창업지원센터 (서울 구로)', 'G-Valley start-up centre, Guro, Seoul'],
		title: ['의료기기 스타트업 사업화 전략', 'Go-to-market for med-tech start-ups'],
		summary: [
			'병원 구매 절차, 조달 등록, 유통 파트너십까지 첫 매출을 만드는 방법.',
			'Hospital purchasing, public procurement and distribution partners: getting to the first sale.'
		],
		syllabus: [
			['병원 구매 의사결정 구조', '조달청 혁신제품 지정', '유통·대리점 계약', '해외 전시회 활용'],
			['How hospitals decide to buy', 'Innovative product procurement', 'Distribution agreements', 'Trade shows abroad']
		]
	},
	{
		slug: 'ir-pitch-for-medtech',
		provider: 'hanbit-medical-ventures',
		category: 'commercialisation',
		audiences: ['founders'],
		level: 'intermediate',
		language: 'ko_en',
		format: 'online',
		hours: 6,
		place: ONLINE,
		title: ['의료기기 투자유치 IR 피칭', 'IR pitching for med-tech founders'],
		summary: [
			'인허가·임상 단계별 밸류에이션과 투자자가 묻는 질문에 답하는 법.',
			'Valuation by regulatory and clinical stage, and answering what investors ask.'
		],
		syllabus: [
			['투자 단계와 밸류에이션', 'IR 자료 구성', '온라인 IR 리허설', '투자 계약 기초'],
			['Rounds and valuation', 'Building the deck', 'Online IR rehearsal', 'Term sheet basics']
		]
	},
	{
		slug: 'iomt-security',
		provider: 'etri',
		category: 'iomt_samd',
		audiences: ['employees', 'students'],
		level: 'intermediate',
		language: 'ko',
		format: 'online',
		hours: 8,
		place: ONLINE,
		title: ['IoMT 기기 보안', 'Security of IoMT devices'],
		summary: [
			'연결형 의료기기의 위협 모델링과 보안 업데이트 설계.',
			'Threat modelling and secure updates for connected medical devices.'
		],
		syllabus: [
			['IoMT 위협 모델', 'BLE·Wi-Fi 통신 보안', '펌웨어 업데이트 설계', '취약점 공개 대응'],
			['IoMT threat models', 'Securing BLE and Wi-Fi', 'Designing firmware updates', 'Vulnerability disclosure']
		]
	},
	{
		slug: 'samd-usability-testing',
		provider: 'wonju-mtv',
		category: 'iomt_samd',
		audiences: ['employees', 'founders', 'students'],
		level: 'introductory',
		language: 'ko',
		format: 'on_site',
		hours: 6,
		place: ['원주 디지털헬스케어 모바일랩', 'Wonju Digital Healthcare Mobile Lab'],
		title: ['모바일 헬스 앱 사용적합성 시험', 'Usability testing of mobile health apps'],
		summary: [
			'모바일랩의 스마트폰·스마트워치로 IEC 62366 사용적합성 평가를 실습합니다.',
			'IEC 62366 usability evaluation, hands-on with the Mobile Lab’s phones and smartwatches.'
		],
		syllabus: [
			['IEC 62366-1 개요', '사용 시나리오와 위해 분석', '형성 평가 실습', '총괄 평가 보고서'],
			[
				'IEC 62366-1 overview',
				'Use scenarios and hazards',
				'Formative evaluation workshop',
				'Summative evaluation report'
			]
		]
	},
	{
		slug: 'ai-medical-imaging',
		provider: 'kisti',
		category: 'technology',
		audiences: ['students', 'employees'],
		level: 'advanced',
		language: 'en',
		format: 'online',
		hours: 12,
		place: ONLINE,
		title: ['의료영상 AI 개발과 검증', 'Developing and validating medical imaging AI'],
		summary: [
			'슈퍼컴퓨팅 자원을 활용한 의료영상 AI 학습과 외부 검증 (영어 강의).',
			'Training imaging AI on national supercomputing resources and validating it externally (taught in English).'
		],
		syllabus: [
			['데이터셋 구축과 라벨링', '모델 학습 파이프라인', '외부 검증 설계', '허가용 성능 보고'],
			[
				'Datasets and labelling',
				'Training pipelines',
				'Designing external validation',
				'Reporting performance for approval'
			]
		]
	},
	{
		slug: 'biosignal-wearables',
		provider: 'yonsei-mirae',
		category: 'technology',
		audiences: ['students', 'founders'],
		level: 'intermediate',
		language: 'ko',
		format: 'on_site',
		hours: 12,
		place: ['연세대학교 미래캠퍼스 (원주)', 'Yonsei University Mirae Campus, Wonju'],
		title: ['생체신호 웨어러블 설계', 'Designing biosignal wearables'],
		summary: [
			'심전도·PPG 센서 회로와 신호처리, 저전력 설계를 실습합니다.',
			'ECG and PPG front-ends, signal processing and low-power design, hands-on.'
		],
		syllabus: [
			['생체신호 측정 원리', '아날로그 프런트엔드', '잡음 제거와 특징 추출', '저전력 펌웨어'],
			['Measuring biosignals', 'Analogue front-ends', 'Denoising and features', 'Low-power firmware']
		]
	}
];
