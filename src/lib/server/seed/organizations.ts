// Demo organisations of the alliance. Public bodies and hospitals are real names described only by
// their role in the demo; every company and investor is invented (companies live in companies.ts).
// Websites are all *.example.
import type { OrgKind, OrgStatus } from '../db/types';
import { companies } from './companies';

export type SeedOrganization = {
	slug: string;
	kind: OrgKind;
	name_ko: string;
	name_en: string;
	summary_ko: string;
	summary_en: string;
	description_ko: string;
	description_en: string;
	region: string;
	website: string;
	/** null where the demo should not guess a real institution's founding year. */
	founded_year: number | null;
	status: OrgStatus;
	status_reason?: string;
};

const agencies: SeedOrganization[] = [
	{
		slug: 'medcluster-alliance',
		kind: 'agency',
		name_ko: '메드클러스터 얼라이언스 사무국',
		name_en: 'MedCluster Alliance Secretariat',
		summary_ko: '회원 기관 검증과 공동 테스트베드·교육·온라인 IR을 운영하는 얼라이언스 사무국',
		summary_en: 'The alliance office that verifies members and runs the shared testbeds, courses and online IR.',
		description_ko:
			'메드클러스터 얼라이언스는 의료기기·디지털헬스 기업, 병원, 지원기관, 대학, 투자사를 잇는 산업 협의체입니다. 사무국은 **회원 기관 검증**과 포털 운영을 맡고, 공동 장비 예약 정책과 온라인 IR 일정을 관리합니다. 문의는 포털의 사무국 연락처로 보내 주세요.',
		description_en:
			'The MedCluster Alliance links medical-device and digital-health companies, hospitals, support agencies, universities and investors. The secretariat handles **member verification**, runs this portal, and sets the policies for shared equipment and the online IR calendar. Send questions through the secretariat contact on the portal.',
		region: 'Gangwon (Wonju)',
		website: 'https://medcluster.example',
		founded_year: 2024,
		status: 'verified'
	},
	{
		slug: 'wonju-mtv',
		kind: 'agency',
		name_ko: '원주의료기기테크노밸리',
		name_en: 'Wonju Medical Industry Techno Valley',
		summary_ko: 'IoMT 오픈랩과 디지털헬스케어 모바일랩을 운영하는 의료기기 산업 지원기관',
		summary_en: 'Medical-device support agency running the IoMT Open Lab and the Digital Healthcare Mobile Lab.',
		description_ko:
			'원주의료기기테크노밸리는 의료기기 기업의 기술개발부터 인허가, 임상, 사업화까지 전 주기를 지원합니다. 얼라이언스의 공동 테스트베드로 다음 시설을 운영합니다.\n\n- **IoMT 오픈랩**: 의료기기 연동·통신 시험 환경\n- **디지털헬스케어 모바일랩**: 시뮬레이터, 시험 장비, SaMD 검증용 스마트폰·스마트워치\n\n재직자·창업자·학생을 위한 기술, 인허가, 임상시험, 사업화 교육 과정도 제공합니다.',
		description_en:
			"Wonju Medical Industry Techno Valley supports medical-device companies through the whole cycle, from technology development to approval, clinical trials and commercialisation. It runs the alliance's shared testbeds:\n\n- **IoMT Open Lab**: a test environment for device connectivity and interoperability\n- **Digital Healthcare Mobile Lab**: simulators, test equipment, and phones and smartwatches for SaMD testing\n\nIt also teaches technology, licensing and approval, clinical trials and commercialisation to employees, founders and students.",
		region: 'Gangwon (Wonju)',
		website: 'https://wonju-mtv.example',
		founded_year: null,
		status: 'verified'
	},
	{
		slug: 'ktl',
		kind: 'agency',
		name_ko: '한국산업기술시험원',
		name_en: 'Korea Testing Laboratory',
		summary_ko: '의료기기 전기·기계적 안전과 전자파적합성(EMC) 시험·인증기관',
		summary_en: 'Testing and certification body for medical-device electrical safety and EMC.',
		description_ko:
			'한국산업기술시험원(KTL)은 의료기기의 **전기·기계적 안전**과 **전자파적합성** 시험을 수행하는 공인 시험기관입니다. 디지털헬스케어 모바일랩의 파트너로서 SaMD·웨어러블 기업의 시험 계획 수립을 돕습니다. 인허가 제출용 시험성적서 상담은 포털에서 신청할 수 있습니다.',
		description_en:
			'Korea Testing Laboratory (KTL) is an accredited laboratory for **electrical and mechanical safety** and **electromagnetic compatibility** testing of medical devices. As a partner of the Digital Healthcare Mobile Lab it helps SaMD and wearable companies plan their test programmes. Consultations on test reports for approval dossiers can be requested through the portal.',
		region: 'Gyeongnam (Jinju)',
		website: 'https://ktl.example',
		founded_year: 1966,
		status: 'verified'
	},
	{
		slug: 'hira',
		kind: 'agency',
		name_ko: '건강보험심사평가원',
		name_en: 'Health Insurance Review and Assessment Service (HIRA)',
		summary_ko: '요양급여 심사·평가와 신의료기술의 건강보험 등재 절차를 담당하는 공공기관',
		summary_en:
			'Public agency for claims review and assessment, and the route for new technologies into insurance coverage.',
		description_ko:
			'건강보험심사평가원은 요양급여비용 심사와 적정성 평가를 수행합니다. 얼라이언스에서는 혁신 의료기기와 디지털 치료기기의 **보험 등재 절차** 설명회를 열고, 보건의료 빅데이터 활용 상담을 맡습니다.',
		description_en:
			'HIRA reviews healthcare claims and assesses the quality of care. In the alliance it runs briefings on **reimbursement listing** for innovative devices and digital therapeutics, and advises members on using national health data.',
		region: 'Gangwon (Wonju)',
		website: 'https://hira.example',
		founded_year: 2000,
		status: 'verified'
	},
	{
		slug: 'mfds',
		kind: 'agency',
		name_ko: '식품의약품안전처',
		name_en: 'Ministry of Food and Drug Safety (MFDS)',
		summary_ko: '의료기기 허가·심사와 시판 후 안전관리를 담당하는 규제기관',
		summary_en: 'The regulator for medical-device approval, review and post-market safety.',
		description_ko:
			'식약처는 의료기기 **등급 분류와 허가·인증·신고**, 시판 후 안전관리를 담당합니다. 중소벤처기업부와 함께 의료기기 벤처의 **스마트공장** 구축과 **온라인 IR**을 지원하며, 디지털의료제품 인허가 설명회를 정기적으로 엽니다.',
		description_en:
			'MFDS classifies medical devices, grants **approvals, certifications and notifications**, and oversees post-market safety. With the Ministry of SMEs and Startups it supports **smart factories** and **online IR** for medical ventures, and holds regular briefings on approving digital medical products.',
		region: 'Chungbuk (Osong)',
		website: 'https://mfds.example',
		founded_year: 2013,
		status: 'verified'
	},
	{
		slug: 'mss',
		kind: 'agency',
		name_ko: '중소벤처기업부',
		name_en: 'Ministry of SMEs and Startups (MSS)',
		summary_ko: '중소·벤처기업의 창업, 스마트공장, 투자 유치를 지원하는 정부 부처',
		summary_en: 'Government ministry supporting SME and venture founding, smart factories and fundraising.',
		description_ko:
			'중소벤처기업부는 창업 지원, 스마트공장 보급, 벤처 투자 생태계 조성을 맡고 있습니다. 얼라이언스와 함께 의료기기 스타트업의 **온라인 IR**을 열고, 우수 기업을 후속 투자 프로그램에 연결합니다.',
		description_en:
			'The Ministry of SMEs and Startups funds new ventures, rolls out smart factories and builds the venture-investment ecosystem. Together with the alliance it hosts **online IR** for medical-device startups and refers promising teams to follow-on investment programmes.',
		region: 'Sejong',
		website: 'https://mss.example',
		founded_year: 2017,
		status: 'verified'
	},
	{
		slug: 'kisti',
		kind: 'agency',
		name_ko: '한국과학기술정보연구원',
		name_en: 'Korea Institute of Science and Technology Information (KISTI)',
		summary_ko: '슈퍼컴퓨팅과 데이터 인프라로 의료 IT 기업의 연구개발을 지원',
		summary_en: 'Supports medical-IT research and development with supercomputing and data infrastructure.',
		description_ko:
			'KISTI는 국가 슈퍼컴퓨터와 과학기술 데이터 인프라를 운영합니다. 구로 G밸리의 의료 IT 기업에 **AI 학습용 컴퓨팅 자원**과 기술·시장 정보 분석을 제공합니다.',
		description_en:
			"KISTI operates the national supercomputer and science and technology data infrastructure. It gives G-Valley's medical-IT firms **compute for AI training** and technology and market intelligence.",
		region: 'Daejeon',
		website: 'https://kisti.example',
		founded_year: 1962,
		status: 'verified'
	},
	{
		slug: 'etri',
		kind: 'agency',
		name_ko: '한국전자통신연구원',
		name_en: 'Electronics and Telecommunications Research Institute (ETRI)',
		summary_ko: 'ICT 융합 의료기기와 의료 AI 원천기술을 개발·이전하는 정부출연연구원',
		summary_en: 'Government research institute developing and licensing ICT-converged medical devices and medical AI.',
		description_ko:
			'ETRI는 통신, 센서, 인공지능 원천기술을 연구합니다. 의료 IT 기업과 **공동연구**를 수행하고, 생체신호 처리와 의료영상 분석 기술을 **기술이전**합니다.',
		description_en:
			'ETRI researches core technology in communications, sensors and artificial intelligence. It runs **joint research** with medical-IT firms and **licenses** its biosignal-processing and medical-imaging technology.',
		region: 'Daejeon',
		website: 'https://etri.example',
		founded_year: 1976,
		status: 'verified'
	},
	{
		slug: 'korea-smart-healthcare-association',
		kind: 'agency',
		name_ko: '한국스마트헬스케어협회',
		name_en: 'Korea Smart Healthcare Association',
		summary_ko: '스마트헬스케어 기업의 정책 제안, 표준화, 해외 진출을 돕는 협회',
		summary_en: 'Association helping smart-healthcare firms with policy, standards and going abroad.',
		description_ko:
			'한국스마트헬스케어협회는 회원사의 의견을 모아 **제도 개선**을 제안하고 데이터·기기 연동 표준화를 추진합니다. 디지털헬스케어 모바일랩의 파트너로 기업 설명회와 해외 전시 공동관을 운영합니다.',
		description_en:
			"The Korea Smart Healthcare Association gathers its members' views into **policy proposals** and drives standards for data and device interoperability. A partner of the Digital Healthcare Mobile Lab, it organises company showcases and joint pavilions at overseas fairs.",
		region: 'Seoul',
		website: 'https://ksha.example',
		founded_year: null,
		status: 'verified'
	},
	{
		slug: 'daegu-smart-wellness',
		kind: 'agency',
		name_ko: '대구 스마트웰니스 공동제조센터',
		name_en: 'Daegu Smart Wellness Shared Manufacturing Center',
		summary_ko: '3D프린팅 정형외과 임플란트 공동 제조시설과 스마트 임상시험 플랫폼 운영',
		summary_en: 'Runs a shared line for 3D-printed orthopaedic implants and a smart clinical-trial platform.',
		description_ko:
			'대구 스마트웰니스 특구의 공동 제조시설로, **금속 3D프린터**, 후처리·세척 라인, 청정 포장실을 갖추고 있습니다. 환자 맞춤형 정형외과 임플란트 기업이 공동 생산 라인을 예약해 시제품과 임상시험용 제품을 만들 수 있습니다. 지역 병원과 연계한 **스마트 임상시험 플랫폼**도 운영합니다.',
		description_en:
			"The shared manufacturing facility of Daegu's smart-wellness zone, with **metal 3D printers**, a post-processing and cleaning line, and a clean packaging room. Companies making patient-specific orthopaedic implants book the line to build prototypes and clinical-trial units. It also runs a **smart clinical-trial platform** with local hospitals.",
		region: 'Daegu',
		website: 'https://daegu-smart-wellness.example',
		founded_year: 2021,
		status: 'verified'
	}
];

const hospitals: SeedOrganization[] = [
	{
		slug: 'wonju-severance',
		kind: 'hospital',
		name_ko: '연세대학교 원주세브란스기독병원',
		name_en: 'Yonsei University Wonju Severance Christian Hospital',
		summary_ko: '강원 남부의 상급종합병원이자 원주 클러스터의 임상 협력 병원',
		summary_en: 'Tertiary hospital for southern Gangwon and the clinical partner of the Wonju cluster.',
		description_ko:
			'원주세브란스기독병원은 원주의료기기테크노밸리의 임상 협력 병원으로, 지역 기업의 **임상 유효성 검증**과 사용적합성 평가를 지원합니다. 심혈관, 재활의학, 응급의학 진료과가 디지털헬스 공동연구에 참여합니다. 임상 협력 수요는 포털의 수요 게시판에 올립니다.',
		description_en:
			"Wonju Severance Christian Hospital is the clinical partner of Wonju Medical Industry Techno Valley, supporting local companies with **clinical validation** and usability evaluation. Its cardiology, rehabilitation and emergency medicine departments take part in digital-health research. It posts its clinical collaboration needs on the portal's needs board.",
		region: 'Gangwon (Wonju)',
		website: 'https://wonju-severance.example',
		founded_year: 1959,
		status: 'verified'
	},
	{
		slug: 'samsung-medical-center',
		kind: 'hospital',
		name_ko: '삼성서울병원',
		name_en: 'Samsung Medical Center',
		summary_ko: '디지털헬스 실증과 다기관 임상시험에 참여하는 서울의 상급종합병원',
		summary_en: 'Seoul tertiary hospital taking part in digital-health pilots and multi-centre trials.',
		description_ko:
			'삼성서울병원은 디지털헬스케어 모바일랩의 협력 병원입니다. 의료 AI와 원격 모니터링 제품의 **다기관 임상시험**과 실사용 환경 실증에 참여하며, 임상 데이터 연구 협력 수요를 포털에 올립니다.',
		description_en:
			'Samsung Medical Center is a partner hospital of the Digital Healthcare Mobile Lab. It takes part in **multi-centre trials** and real-world pilots of medical AI and remote monitoring products, and posts its clinical-data research needs on the portal.',
		region: 'Seoul (Gangnam)',
		website: 'https://samsung-medical-center.example',
		founded_year: 1994,
		status: 'verified'
	},
	{
		slug: 'knuh',
		kind: 'hospital',
		name_ko: '경북대학교병원',
		name_en: 'Kyungpook National University Hospital',
		summary_ko: '대구 스마트 임상시험 플랫폼에 참여하는 국립대학교병원',
		summary_en: 'National university hospital in the Daegu smart clinical-trial platform.',
		description_ko:
			'경북대학교병원은 대구 스마트웰니스 특구의 **스마트 임상시험 플랫폼**에 참여합니다. 정형외과와 재활의학과가 3D프린팅 임플란트와 재활기기 기업의 임상 설계를 돕습니다.',
		description_en:
			"Kyungpook National University Hospital takes part in the Daegu smart-wellness zone's **smart clinical-trial platform**. Its orthopaedics and rehabilitation departments help companies making 3D-printed implants and rehabilitation devices design their trials.",
		region: 'Daegu',
		website: 'https://knuh.example',
		founded_year: null,
		status: 'verified'
	},
	{
		slug: 'cbnuh',
		kind: 'hospital',
		name_ko: '충북대학교병원',
		name_en: 'Chungbuk National University Hospital',
		summary_ko: '오송 바이오·진단기기 기업과 협력하는 충북의 국립대학교병원',
		summary_en: "Chungbuk's national university hospital, working with Osong's bio and diagnostics firms.",
		description_ko:
			'충북대학교병원은 오송의 체외진단기기 기업과 **임상 성능시험**을 수행합니다. 진단검사의학과가 검체 확보와 비교 시험 설계를 지원합니다.',
		description_en:
			"Chungbuk National University Hospital runs **clinical performance studies** with Osong's in-vitro diagnostics companies. Its laboratory medicine department helps with specimen access and comparison study design.",
		region: 'Chungbuk (Cheongju)',
		website: 'https://cbnuh.example',
		founded_year: 1991,
		status: 'verified'
	},
	{
		slug: 'pnuh',
		kind: 'hospital',
		name_ko: '부산대학교병원',
		name_en: 'Pusan National University Hospital',
		summary_ko: '호흡기·만성질환 원격관리 실증에 참여하는 부산의 국립대학교병원',
		summary_en: 'Busan national university hospital piloting remote care for respiratory and chronic disease.',
		description_ko:
			'부산대학교병원은 만성폐쇄성폐질환(COPD)과 고혈압 환자의 **재택 원격관리** 실증에 참여합니다. 동남권 기업과 공동연구 과제를 찾고 있습니다.',
		description_en:
			'Pusan National University Hospital takes part in pilots of **home remote monitoring** for COPD and hypertension patients. It is looking for companies in the south-east for joint research projects.',
		region: 'Busan',
		website: 'https://pnuh.example',
		founded_year: 1956,
		status: 'verified'
	},
	{
		slug: 'korea-univ-guro-hospital',
		kind: 'hospital',
		name_ko: '고려대학교 구로병원',
		name_en: 'Korea University Guro Hospital',
		summary_ko: 'G밸리 의료 IT 기업과 가까운 대학병원',
		summary_en: "University hospital next door to G-Valley's medical-IT firms.",
		description_ko:
			'고려대학교 구로병원은 구로 G밸리의 의료 IT 기업과 **의료영상 AI**, 병원 데이터 연동 공동연구를 진행합니다. 연구 데이터 활용은 기관 심의를 거쳐 협의합니다.',
		description_en:
			"Korea University Guro Hospital runs joint research on **medical-imaging AI** and hospital data integration with G-Valley's medical-IT firms. Use of research data is agreed after institutional review.",
		region: 'Seoul (Guro G-Valley)',
		website: 'https://kumc-guro.example',
		founded_year: 1983,
		status: 'verified'
	},
	{
		slug: 'gangneung-asan',
		kind: 'hospital',
		name_ko: '강릉아산병원',
		name_en: 'Gangneung Asan Hospital',
		summary_ko: '영동 지역 고령 환자 원격 모니터링에 관심이 있는 종합병원',
		summary_en: "General hospital interested in remote monitoring for the Yeongdong region's older patients.",
		description_ko:
			'강릉아산병원은 고령 인구가 많은 영동 지역에서 **낙상 예방**과 재택 모니터링 기기의 임상 적용을 검토합니다. 강원 지역 기업과의 협력을 우선합니다.',
		description_en:
			"Gangneung Asan Hospital is evaluating **fall prevention** and home monitoring devices for the Yeongdong region's ageing population. It gives priority to partners based in Gangwon.",
		region: 'Gangwon (Gangneung)',
		website: 'https://gangneung-asan.example',
		founded_year: 1996,
		status: 'verified'
	}
];

const universities: SeedOrganization[] = [
	{
		slug: 'yonsei-mirae',
		kind: 'university',
		name_ko: '연세대학교 미래캠퍼스',
		name_en: 'Yonsei University Mirae Campus',
		summary_ko: '의공학부와 의료기기 산학협력을 이끄는 원주 캠퍼스',
		summary_en: 'Wonju campus with a biomedical engineering school and medical-device industry partnerships.',
		description_ko:
			'연세대학교 미래캠퍼스는 **의공학부**를 중심으로 원주 의료기기 기업과 산학협력을 이어 왔습니다. 학생 현장실습과 기업 맞춤형 연구 과제를 얼라이언스 포털에서 연결합니다.',
		description_en:
			"Yonsei University's Mirae Campus works with Wonju's medical-device companies through its **biomedical engineering school**. Student placements and company-sponsored research are matched through the alliance portal.",
		region: 'Gangwon (Wonju)',
		website: 'https://yonsei-mirae.example',
		founded_year: 1978,
		status: 'verified'
	},
	{
		slug: 'knu',
		kind: 'university',
		name_ko: '경북대학교',
		name_en: 'Kyungpook National University',
		summary_ko: '의용생체공학과 재료공학 연구로 대구 임플란트 기업과 협력',
		summary_en: "Biomedical and materials research partner of Daegu's implant makers.",
		description_ko:
			'경북대학교는 **의용생체공학**과 금속 재료 연구실이 3D프린팅 임플란트의 표면 처리와 기계적 시험을 함께 연구합니다. 대학원생 공동지도 프로그램을 운영합니다.',
		description_en:
			"Kyungpook National University's **biomedical engineering** and metallurgy labs research surface treatment and mechanical testing of 3D-printed implants with local firms. It runs a co-supervision programme for graduate students.",
		region: 'Daegu',
		website: 'https://knu.example',
		founded_year: 1946,
		status: 'verified'
	},
	{
		slug: 'hallym-univ',
		kind: 'university',
		name_ko: '한림대학교',
		name_en: 'Hallym University',
		summary_ko: '디지털 치료기기와 고령친화 헬스케어를 연구하는 춘천의 대학',
		summary_en: 'Chuncheon university researching digital therapeutics and age-friendly healthcare.',
		description_ko:
			'한림대학교는 **디지털 치료기기**와 인지 기능 평가 연구를 수행합니다. 강원 지역 스타트업과 사용자 연구, 임상 전 단계 검증을 함께합니다.',
		description_en:
			'Hallym University researches **digital therapeutics** and cognitive assessment. It partners with Gangwon startups on user research and pre-clinical validation.',
		region: 'Gangwon (Chuncheon)',
		website: 'https://hallym.example',
		founded_year: 1982,
		status: 'verified'
	},
	{
		slug: 'sangji-univ',
		kind: 'university',
		name_ko: '상지대학교',
		name_en: 'Sangji University',
		summary_ko: '재활·웰니스 분야 인력을 양성하는 원주의 대학',
		summary_en: 'Wonju university training people for rehabilitation and wellness.',
		description_ko:
			'상지대학교는 재활과 웰니스 분야 전공 학생을 원주 기업의 **현장실습**에 보냅니다. 재활로봇 사용성 평가에 참여할 피험자 모집도 돕습니다.',
		description_en:
			'Sangji University sends rehabilitation and wellness students on **placements** with Wonju companies. It also helps recruit participants for rehabilitation-robot usability studies.',
		region: 'Gangwon (Wonju)',
		website: 'https://sangji.example',
		founded_year: null,
		status: 'verified'
	},
	{
		slug: 'dgist',
		kind: 'university',
		name_ko: '대구경북과학기술원',
		name_en: 'DGIST',
		summary_ko: '로봇공학과 뇌과학 연구로 재활기기 기업과 협력하는 과학기술원',
		summary_en:
			'Science and technology institute partnering with rehabilitation-device firms on robotics and brain science.',
		description_ko:
			'DGIST는 **웨어러블 로봇**과 뇌·신경 신호 연구를 수행합니다. 대구 재활기기 기업과 제어 알고리즘 공동개발 과제를 진행합니다.',
		description_en:
			'DGIST researches **wearable robotics** and brain and nerve signals. It runs joint projects on control algorithms with rehabilitation-device companies in Daegu.',
		region: 'Daegu',
		website: 'https://dgist.example',
		founded_year: 2004,
		status: 'verified'
	}
];

const investors: SeedOrganization[] = [
	{
		slug: 'hanbit-medical-ventures',
		kind: 'investor',
		name_ko: '한빛메디컬벤처스',
		name_en: 'Hanbit Medical Ventures',
		summary_ko: '의료기기·디지털헬스 시리즈 A–B 전문 벤처캐피탈',
		summary_en: 'Venture capital firm for medical-device and digital-health Series A and B rounds.',
		description_ko:
			'한빛메디컬벤처스는 인허가 경로가 분명한 의료기기와 디지털헬스 기업에 투자합니다. 주요 관심 분야는 다음과 같습니다.\n\n- 소프트웨어 의료기기(SaMD)\n- 체외진단기기\n- 재활·정형외과 기기\n\n얼라이언스 온라인 IR에 정기적으로 참여합니다.',
		description_en:
			'Hanbit Medical Ventures invests in medical-device and digital-health companies with a clear regulatory path. Focus areas:\n\n- software as a medical device (SaMD)\n- in-vitro diagnostics\n- rehabilitation and orthopaedic devices\n\nIt joins the alliance online IR sessions regularly.',
		region: 'Seoul (Gangnam)',
		website: 'https://hanbit-mv.example',
		founded_year: 2014,
		status: 'verified'
	},
	{
		slug: 'bluepeak-health-capital',
		kind: 'investor',
		name_ko: '블루피크헬스캐피탈',
		name_en: 'Bluepeak Health Capital',
		summary_ko: '디지털헬스 시드–시리즈 A 투자사',
		summary_en: 'Seed to Series A investor in digital health.',
		description_ko:
			'블루피크헬스캐피탈은 **디지털 치료기기**와 원격 모니터링 기업의 초기 라운드를 이끕니다. 보험 수가 전략과 병원 실증 계획을 중요하게 봅니다.',
		description_en:
			'Bluepeak Health Capital leads early rounds in **digital therapeutics** and remote monitoring. It looks closely at reimbursement strategy and hospital pilot plans.',
		region: 'Gyeonggi (Pangyo)',
		website: 'https://bluepeak.example',
		founded_year: 2018,
		status: 'verified'
	},
	{
		slug: 'k-medtech-accelerator',
		kind: 'investor',
		name_ko: '케이메드텍 액셀러레이터',
		name_en: 'K-Medtech Accelerator',
		summary_ko: '의료기기 창업팀을 위한 12주 육성 프로그램과 시드 투자',
		summary_en: 'A 12-week programme and seed investment for medical-device founding teams.',
		description_ko:
			'케이메드텍 액셀러레이터는 원주에서 **12주 육성 프로그램**을 운영하고 시드 투자를 합니다. 인허가 전략, 임상 설계, 첫 IR 준비를 멘토가 함께합니다.',
		description_en:
			'K-Medtech Accelerator runs a **12-week programme** in Wonju and makes seed investments. Mentors help with regulatory strategy, clinical design and the first IR pitch.',
		region: 'Gangwon (Wonju)',
		website: 'https://k-medtech.example',
		founded_year: 2020,
		status: 'verified'
	},
	{
		slug: 'seoul-bio-angels',
		kind: 'investor',
		name_ko: '서울바이오엔젤클럽',
		name_en: 'Seoul Bio Angels',
		summary_ko: '임상의와 업계 출신 엔젤투자자 모임',
		summary_en: 'Angel network of clinicians and industry veterans.',
		description_ko:
			'서울바이오엔젤클럽은 임상의, 의료기기 업계 출신 경영인이 함께하는 **엔젤 네트워크**입니다. 투자와 함께 임상 자문을 제공합니다.',
		description_en:
			'Seoul Bio Angels is an **angel network** of clinicians and former medical-device executives. Its members pair investment with clinical advice.',
		region: 'Seoul',
		website: 'https://seoul-bio-angels.example',
		founded_year: 2016,
		status: 'verified'
	},
	{
		slug: 'meridian-health-partners',
		kind: 'investor',
		name_ko: '메리디안헬스파트너스',
		name_en: 'Meridian Health Partners',
		summary_ko: '미국 보스턴 기반 메드텍 성장 투자사의 서울 사무소',
		summary_en: 'Seoul office of a Boston-based medtech growth investor.',
		description_ko:
			'메리디안헬스파트너스는 **FDA 510(k)** 경로를 준비하는 한국 기업에 성장 단계 투자를 합니다. 미국 임상과 유통 파트너 연결을 지원합니다.',
		description_en:
			'Meridian Health Partners makes growth investments in Korean companies preparing a **US FDA 510(k)** submission. It helps them find US clinical and distribution partners.',
		region: 'Seoul (Gangnam)',
		website: 'https://meridian-hp.example',
		founded_year: 2009,
		status: 'verified'
	},
	{
		slug: 'harbourline-capital',
		kind: 'investor',
		name_ko: '하버라인캐피탈',
		name_en: 'Harbourline Capital',
		summary_ko: '동남아 진출을 돕는 싱가포르 헬스케어 펀드의 부산 사무소',
		summary_en: 'Busan office of a Singapore healthcare fund helping firms enter South-East Asia.',
		description_ko:
			'하버라인캐피탈은 동남아시아 시장에 진출하려는 의료기기 기업에 투자합니다. **CE 인증**을 받았거나 준비 중인 기업을 우선 검토합니다.',
		description_en:
			'Harbourline Capital invests in medical-device companies expanding into South-East Asia. It gives priority to companies holding or preparing **CE marking**.',
		region: 'Busan',
		website: 'https://harbourline.example',
		founded_year: 2012,
		status: 'verified'
	}
];

export const ORGANIZATIONS: SeedOrganization[] = [
	...agencies,
	...hospitals,
	...universities,
	...investors,
	...companies
];
